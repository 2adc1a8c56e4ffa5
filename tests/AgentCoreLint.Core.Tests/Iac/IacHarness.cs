using AgentCoreLint.Core.Engine;
using AgentCoreLint.Core.Loading;
using AgentCoreLint.Rules.Documents;
using AgentCoreLint.Rules.Findings;

namespace AgentCoreLint.Core.Tests.Iac;

/// <summary>Runs the engine or one adapter on in-memory infrastructure-as-code text with marked locations.</summary>
internal static class IacHarness
{
    /// <summary>All findings of the default engine, in engine order.</summary>
    public static IReadOnlyList<Finding> Lint(Marked input, string fileName) =>
        Linter.CreateDefault().LintContent(input.Bytes, fileName, isExplicit: true, new LintOptions()).Findings;

    /// <summary>Asserts that the findings are exactly one per marker, in marker order, with these rule ids.</summary>
    public static IReadOnlyList<Finding> Expect(Marked input, string fileName, params string[] ruleIds)
    {
        var findings = Lint(input, fileName)
            .OrderBy(f => f.Span.Start.Line).ThenBy(f => f.Span.Start.Column).ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(ruleIds.Length, input.Positions.Count);
        Assert.Equal(
            ruleIds.Zip(input.Positions, (id, at) => $"{id} at {at}"),
            findings.Select(f => $"{f.RuleId} at {f.Span.Start}"));
        return findings;
    }

    /// <summary>Asserts that the input has no finding at all.</summary>
    public static void Clean(Marked input, string fileName) =>
        Assert.Empty(Lint(input, fileName).Select(f => $"{f.RuleId} {f.Span.Start}: {f.Message}"));

    /// <summary>Runs one adapter on the (single) document of <paramref name="text"/>.</summary>
    public static InputContext Adapt(IInputAdapter adapter, string text, string fileName)
    {
        var loaded = DocumentLoader.Load(System.Text.Encoding.UTF8.GetBytes(text), fileName);
        var root = Assert.Single(loaded.Documents);
        Assert.True(adapter.Recognizes(root, fileName));
        var context = new InputContext(fileName, new LintOptions(), isExplicit: true);
        adapter.CreateTargets(root, context);
        return context;
    }

    /// <summary>A compact text form of a mapped request, for asserting its shape: unknown values print as <c>?</c>.</summary>
    public static string Dump(DocNode node) => node switch
    {
        ObjectNode o => "{" + string.Join(", ", o.Properties.Select(p => p.Name + ": " + Dump(p.Value))) + "}",
        ArrayNode a => "[" + string.Join(", ", a.Items.Select(Dump)) + "]",
        ScalarNode { Kind: NodeKind.String } s => "\"" + s.Text + "\"",
        ScalarNode s => s.Text,
        _ => "?",
    };
}
