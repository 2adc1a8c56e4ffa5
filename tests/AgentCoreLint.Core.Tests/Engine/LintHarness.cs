using AgentCoreLint.Core.Engine;
using AgentCoreLint.Rules.Findings;

namespace AgentCoreLint.Core.Tests.Engine;

/// <summary>Runs the default engine on in-memory content.</summary>
internal static class LintHarness
{
    public static IReadOnlyList<Finding> Lint(Marked input, string fileName, bool isExplicit = true, LintOptions? options = null) =>
        Linter.CreateDefault().LintContent(input.Bytes, fileName, isExplicit, options ?? new LintOptions()).Findings;

    /// <summary>Asserts exactly one finding, of <paramref name="ruleId"/>, starting at the single marker.</summary>
    public static Finding Single(Marked input, string fileName, string ruleId, LintOptions? options = null)
    {
        var findings = Lint(input, fileName, options: options);
        var finding = Assert.Single(findings, f => f.Level >= FindingLevel.Note);
        Assert.Equal(ruleId, finding.RuleId);
        Assert.Equal(input.Single, finding.Span.Start);
        return finding;
    }
}
