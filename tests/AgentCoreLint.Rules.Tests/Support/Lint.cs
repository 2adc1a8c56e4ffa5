using AgentCoreLint.Rules.Documents;
using AgentCoreLint.Rules.Analysis;
using AgentCoreLint.Rules.Findings;
using AgentCoreLint.Rules.Semantic;

namespace AgentCoreLint.Rules.Tests.Support;

/// <summary>Runs semantic rules on JSON text with <c>⟦</c> markers and checks findings against the markers.</summary>
internal static class Lint
{
    public sealed record Result(IReadOnlyList<Finding> Findings, IReadOnlyList<SourcePosition> Marks, string Text)
    {
        public IReadOnlyList<Finding> Of(string ruleId) => Findings.Where(f => f.RuleId == ruleId).ToList();
    }

    /// <summary>Runs one rule.</summary>
    public static Result Run(ISemanticRule rule, string operation, string json) => Run(new[] { rule }, operation, json);

    /// <summary>Runs every built-in rule.</summary>
    public static Result All(string operation, string json) => Run(SemanticRules.All, operation, json);

    public static Result Run(IEnumerable<ISemanticRule> rules, string operation, string json)
    {
        var parsed = TestJson.Parse(json);
        var root = Assert.IsType<ObjectNode>(parsed.Root);
        var context = new RuleContext(new LintTarget(operation, root, root.Span));
        foreach (var rule in rules)
        {
            rule.Analyze(context);
        }

        return new Result(context.Findings, parsed.Marks, parsed.Text);
    }

    /// <summary>Asserts that the findings are exactly one per marker, of <paramref name="ruleId"/>, starting at the
    /// markers (in document order), and returns them in that order.</summary>
    public static IReadOnlyList<Finding> AssertAtMarks(Result result, string ruleId)
    {
        Assert.NotEmpty(result.Marks);
        var findings = result.Findings.OrderBy(f => f.Span.Start.Line).ThenBy(f => f.Span.Start.Column).ToList();
        Assert.True(findings.Count == result.Marks.Count,
            $"expected {result.Marks.Count} finding(s), got {findings.Count}:\n{Describe(findings)}");
        for (var i = 0; i < findings.Count; i++)
        {
            Assert.Equal(ruleId, findings[i].RuleId);
            Assert.Equal(result.Marks[i], findings[i].Span.Start);
            Assert.False(string.IsNullOrWhiteSpace(findings[i].Message));
        }

        return findings;
    }

    /// <summary>Asserts a single finding at the single marker and returns it.</summary>
    public static Finding AssertSingle(Result result, string ruleId)
    {
        Assert.Single(result.Marks);
        return AssertAtMarks(result, ruleId)[0];
    }

    public static void AssertNone(Result result) =>
        Assert.True(result.Findings.Count == 0, $"expected no finding, got:\n{Describe(result.Findings)}");

    public static string Describe(IEnumerable<Finding> findings) =>
        string.Join("\n", findings.Select(f => $"  {f.RuleId} {f.Span.Start} {f.Pointer}: {f.Message}"));
}
