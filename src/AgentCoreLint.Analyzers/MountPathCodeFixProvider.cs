using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AgentCoreLint.Analyzers;

/// <summary>
/// ACL2001: a mount path with more than one directory level below <c>/mnt</c> (<c>"/mnt/data/cache"</c>) becomes its
/// first level (<c>"/mnt/data"</c>), the fix the rule's message proposes. Offered only on a string literal whose
/// first level is a valid directory name; other ACL2001 problems (relative, outside <c>/mnt</c>, bad characters)
/// need a decision about where the data should live, so they get no automatic fix.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MountPathCodeFixProvider)), Shared]
public sealed class MountPathCodeFixProvider : CodeFixProvider
{
    private const string RuleId = Rules.Catalog.RuleIds.MountPath;
    private const string Root = "/mnt/";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleId);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal ||
                !literal.IsKind(SyntaxKind.StringLiteralExpression) || FirstLevel(literal.Token.ValueText) is not { } fixedPath)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Mount at '{fixedPath}'",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(literal,
                        SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(fixedPath))
                            .WithTriviaFrom(literal)))),
                    equivalenceKey: RuleId),
                diagnostic);
        }
    }

    /// <summary><c>/mnt/&lt;first&gt;</c> for a path of two or more well-formed levels below <c>/mnt</c>, else null.</summary>
    internal static string? FirstLevel(string path)
    {
        if (!path.StartsWith(Root, System.StringComparison.Ordinal))
        {
            return null;
        }

        var segments = path.Substring(Root.Length).TrimEnd('/').Split('/');
        if (segments.Length < 2 || segments.Any(s => s.Length == 0 || s == "." || s == ".."))
        {
            return null;
        }

        return segments[0].All(IsNameChar) ? Root + segments[0] : null;
    }

    private static bool IsNameChar(char c) =>
        c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '.' or '_' or '-';
}
