using System.Text.RegularExpressions;
using AgentCoreLint.Rules.Catalog;
using AgentCoreLint.Rules.Semantic;
using AgentCoreLint.Rules.Tests.Support;

namespace AgentCoreLint.Rules.Tests;

/// <summary>
/// The fenced examples of every rule doc (compiled into the catalog), run through the semantic rules: a
/// non-compliant example of a semantic rule triggers that rule and no other semantic rule; every other example
/// (compliant, or a schema rule's) triggers no semantic rule. Schema conformance of the examples is checked by
/// the Core tests, which run the whole engine.
/// </summary>
public sealed class RuleDocExampleTests
{
    private static readonly Regex Example = new(@"```json operation=(?<op>\S+) expect=(?<expect>\S+)\n(?<body>.*?)```",
        RegexOptions.Singleline | RegexOptions.CultureInvariant);

    private static readonly HashSet<string> SemanticIds = SemanticRules.All.SelectMany(r => r.ReportedIds).ToHashSet();

    public static TheoryData<string, int> Examples()
    {
        var data = new TheoryData<string, int>();
        foreach (var rule in RuleCatalog.All)
        {
            var count = Example.Matches(rule.HelpMarkdown).Count;
            for (var i = 0; i < count; i++)
            {
                data.Add(rule.Id, i);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Doc_example_triggers_exactly_its_semantic_rule(string ruleId, int index)
    {
        var match = Example.Matches(RuleCatalog.Get(ruleId).HelpMarkdown)[index];
        var operation = match.Groups["op"].Value;
        var expect = match.Groups["expect"].Value;
        var body = match.Groups["body"].Value;
        if (operation == "auto" || !body.TrimStart().StartsWith('{') || !TryParse(body))
        {
            return; // input-kind and parse-error examples are not requests
        }

        var findings = Lint.All(operation, body).Findings;
        if (expect != "none" && SemanticIds.Contains(expect))
        {
            Assert.True(findings.Count > 0 && findings.All(f => f.RuleId == expect),
                $"{ruleId} example {index} should trigger only {expect}:\n{Lint.Describe(findings)}");
        }
        else
        {
            Assert.True(findings.Count == 0, $"{ruleId} example {index} ({expect}) should trigger no semantic rule:\n{Lint.Describe(findings)}");
        }
    }

    [Fact]
    public void Every_semantic_rule_has_a_non_compliant_and_a_compliant_example()
    {
        foreach (var id in SemanticIds)
        {
            var expects = Example.Matches(RuleCatalog.Get(id).HelpMarkdown).Select(m => m.Groups["expect"].Value).ToList();
            Assert.Contains(id, expects);
            Assert.Contains("none", expects);
        }
    }

    private static bool TryParse(string body)
    {
        try
        {
            TestJson.Parse(body);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
