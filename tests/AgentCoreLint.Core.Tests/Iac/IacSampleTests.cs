using System.Text.RegularExpressions;
using AgentCoreLint.Core.Engine;

namespace AgentCoreLint.Core.Tests.Iac;

/// <summary>
/// The invalid CloudFormation samples say in a comment which finding each defect yields (a comment ending in
/// <c>: ACL1234.</c> names the finding on the next non-comment line): exactly those findings, at those lines, and no
/// other, so every problem is reported once.
/// </summary>
public sealed partial class IacSampleTests
{
    public static TheoryData<string> AnnotatedSamples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Engine.SampleTests.RepoRoot(), "samples", "cloudformation", "invalid"), "*.yaml")
                     .Order(StringComparer.Ordinal))
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AnnotatedSamples))]
    public void Each_annotated_defect_is_one_finding_on_its_line(string path)
    {
        var lines = File.ReadAllLines(path);
        var expected = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (Annotation().Match(lines[i]) is { Success: true } match)
            {
                var target = i + 1;
                while (target < lines.Length && lines[target].TrimStart().StartsWith('#'))
                {
                    target++;
                }

                expected.Add($"{match.Groups[1].Value} on line {target + 1}");
            }
        }

        Assert.NotEmpty(expected);
        var findings = Linter.CreateDefault().LintContent(File.ReadAllBytes(path), path, isExplicit: true, new LintOptions()).Findings;
        Assert.Equal(
            expected.Order(StringComparer.Ordinal),
            findings.Select(f => $"{f.RuleId} on line {f.Span.Start.Line}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_invalid_Terraform_plan_reports_each_resource_by_address_and_masks_the_secret()
    {
        var path = Path.Combine(Engine.SampleTests.RepoRoot(), "samples", "terraform", "invalid", "agentcore.plan.json");
        var findings = Linter.CreateDefault().LintContent(File.ReadAllBytes(path), path, isExplicit: true, new LintOptions()).Findings;
        Assert.Equal(
            new[]
            {
                "aws_bedrockagentcore_agent_runtime.refund ACL2002", "aws_bedrockagentcore_agent_runtime.refund ACL2101",
                "aws_bedrockagentcore_agent_runtime.refund ACL3001", "aws_bedrockagentcore_agent_runtime.refund ACL4001",
                "aws_bedrockagentcore_agent_runtime_endpoint.canary ACL1005", "aws_bedrockagentcore_browser.portal ACL1005",
                "aws_bedrockagentcore_browser.portal ACL2101",
            },
            findings.Select(f => $"{f.LogicalLocation} {f.RuleId}").Order(StringComparer.Ordinal));
        Assert.All(findings, f => Assert.StartsWith(f.LogicalLocation + ": ", f.Message));
        Assert.All(findings, f => Assert.Equal(1, f.Span.Start.Line));
        Assert.All(findings, f => Assert.DoesNotContain("Q7wE9rT2yU4iO6pA8sD0", f.Message));
    }

    [GeneratedRegex(@"^\s*#.*:\s(ACL\d{4})\.$")]
    private static partial Regex Annotation();
}
