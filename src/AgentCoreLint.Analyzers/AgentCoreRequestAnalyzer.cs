using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using AgentCoreLint.Rules.Catalog;
using AgentCoreLint.Rules.Documents;
using AgentCoreLint.Rules.Analysis;
using AgentCoreLint.Rules.Findings;
using AgentCoreLint.Rules.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace AgentCoreLint.Analyzers;

/// <summary>
/// Reports the AgentCoreLint rules on C# code that builds AgentCore Control requests with the AWS SDK for .NET:
/// every <c>new &lt;Operation&gt;Request { … }</c> of <c>Amazon.BedrockAgentCoreControl.Model</c>, with the member
/// assignments the same method makes to the local it initialises, is folded into the request tree the CLI checks.
/// </summary>
[DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
public sealed class AgentCoreRequestAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The rule id of a required member that is missing; not reported for a request other code may complete.</summary>
    private const string RequiredMemberRule = Rules.Catalog.RuleIds.RequiredMember;

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Descriptors.All;

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (SdkTypes.Resolve(start.Compilation) is { } sdk)
            {
                start.RegisterOperationBlockAction(block => AnalyzeBlock(block, sdk));
            }
        });
    }

    private static void AnalyzeBlock(OperationBlockAnalysisContext context, SdkTypes sdk)
    {
        var creations = new List<(IObjectCreationOperation Creation, string Operation)>();
        foreach (var operation in context.OperationBlocks.SelectMany(b => b.DescendantsAndSelf()))
        {
            if (operation is IObjectCreationOperation { Type: INamedTypeSymbol type } creation && sdk.Requests.TryGetValue(type, out var name))
            {
                creations.Add((creation, name));
            }
        }

        if (creations.Count == 0)
        {
            return;
        }

        var locals = LocalFacts.Build(context.OperationBlocks);
        var folder = new RequestFolder(sdk, locals);
        foreach (var (creation, operation) in creations)
        {
            if (ApiModel.InputOf(operation) is not { } input)
            {
                continue;
            }

            var local = LocalOf(creation, locals);
            var open = local is null ? !IsSentDirectly(creation) : local.Written || local.Escaped;
            var request = folder.FoldRequest(creation, input, local is { Written: false } ? local : null);
            var target = new LintTarget(operation, request, RequestFolder.SpanOf(AnchorSyntax(creation)));
            var reported = new HashSet<(string, SourceSpan, string)>();
            foreach (var finding in RequestChecks.Check(target))
            {
                if ((open && finding.RuleId == RequiredMemberRule) || finding.Level == FindingLevel.None ||
                    !RuleCatalog.TryGet(finding.RuleId, out var rule) || !reported.Add((finding.RuleId, finding.Span, finding.Message)))
                {
                    continue;
                }

                var descriptor = Descriptors.Get(finding.RuleId);
                var location = LocationOf(creation.Syntax.SyntaxTree, finding.Span);
                context.ReportDiagnostic(finding.Level == rule!.DefaultLevel
                    ? Diagnostic.Create(descriptor, location, finding.Message)
                    : Diagnostic.Create(descriptor, location, Descriptors.SeverityOf(finding.Level), null, null, finding.Message));
            }
        }
    }

    /// <summary>The facts of the local a creation initialises (<c>var request = new …</c>), or null.</summary>
    private static LocalFact? LocalOf(IObjectCreationOperation creation, LocalFacts locals)
    {
        var parent = creation.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        return parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } &&
               locals.TryGet(declarator.Symbol, out var fact)
            ? fact
            : null;
    }

    /// <summary>True for <c>client.CreateAgentRuntimeAsync(new CreateAgentRuntimeRequest { … })</c>: nothing else sees it.</summary>
    private static bool IsSentDirectly(IObjectCreationOperation creation)
    {
        var parent = creation.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        return parent is IArgumentOperation { Parent: IInvocationOperation invocation } && SdkTypes.IsClientMethod(invocation.TargetMethod);
    }

    /// <summary><c>new CreateAgentRuntimeRequest</c> (or <c>new()</c>) without its initializer: where findings about the
    /// request as a whole point.</summary>
    private static SyntaxNode AnchorSyntax(IObjectCreationOperation creation) => creation.Syntax switch
    {
        ObjectCreationExpressionSyntax explicitNew => explicitNew.Type,
        ImplicitObjectCreationExpressionSyntax implicitNew => implicitNew.ArgumentList,
        var other => other,
    };

    /// <summary>The location of a document span in the syntax tree it was folded from.</summary>
    internal static Location LocationOf(SyntaxTree tree, SourceSpan span)
    {
        var text = tree.GetText();
        int Position(SourcePosition p)
        {
            var line = System.Math.Min(System.Math.Max(p.Line - 1, 0), text.Lines.Count - 1);
            var start = text.Lines[line];
            return System.Math.Min(start.Start + System.Math.Max(p.Column - 1, 0), start.EndIncludingLineBreak);
        }

        var from = Position(span.Start);
        var to = System.Math.Max(from, Position(span.End));
        return Location.Create(tree, TextSpan.FromBounds(from, to));
    }
}
