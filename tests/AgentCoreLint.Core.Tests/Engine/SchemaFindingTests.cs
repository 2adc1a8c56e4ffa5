using AgentCoreLint.Rules.Findings;

namespace AgentCoreLint.Core.Tests.Engine;

/// <summary>Schema conformance findings (ACL1001–ACL1007): the rule, the location and what the message tells the user.</summary>
public sealed class SchemaFindingTests
{
    private const string Runtime = """
        {
          "agentRuntimeName": "support_agent",
          "agentRuntimeArtifact": {
            "containerConfiguration": { "containerUri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/support-agent:1.0" }
          },
          "roleArn": "arn:aws:iam::123456789012:role/Runtime",
          "networkConfiguration": { "networkMode": "PUBLIC" }EXTRA
        }
        """;

    private static Marked RuntimeWith(string extra) => Marked.Parse(Runtime.Replace("EXTRA", extra));

    [Fact]
    public void Valid_runtime_has_no_findings()
    {
        Assert.Empty(LintHarness.Lint(RuntimeWith(""), "runtime.json"));
    }

    [Fact]
    public void Pattern_is_matched_against_the_whole_value()
    {
        var input = Marked.Parse(Runtime.Replace("\"support_agent\"", "⟦\"support-agent\"").Replace("EXTRA", ""));
        var finding = LintHarness.Single(input, "runtime.json", "ACL1005");
        Assert.Contains("agentRuntimeName 'support-agent'", finding.Message);
        Assert.Contains("no hyphens", finding.Message);
        Assert.Contains("[a-zA-Z][a-zA-Z0-9_]{0,47}", finding.Message);
    }

    [Fact]
    public void Enum_lists_the_allowed_values()
    {
        var input = Marked.Parse(Runtime.Replace("\"networkMode\": \"PUBLIC\"", "\"networkMode\": ⟦\"PRIVATE\"").Replace("EXTRA", ""));
        var finding = LintHarness.Single(input, "runtime.json", "ACL1004");
        Assert.Contains("'PRIVATE'", finding.Message);
        Assert.Contains("PUBLIC, VPC", finding.Message);
    }

    [Fact]
    public void Number_range_gives_the_bounds()
    {
        var finding = LintHarness.Single(RuntimeWith(",\n  \"lifecycleConfiguration\": { \"idleRuntimeSessionTimeout\": ⟦30 }"), "runtime.json", "ACL1007");
        Assert.Contains("below the minimum 60", finding.Message);
        Assert.Contains("60 to 28800", finding.Message);
    }

    [Fact]
    public void List_count_is_checked()
    {
        var input = Marked.Parse("""
            {
              "agentRuntimeName": "support_agent",
              "agentRuntimeArtifact": {
                "codeConfiguration": {
                  "code": { "s3": { "bucket": "agent-artifacts-123456789012", "prefix": "agent.zip" } },
                  "runtime": "PYTHON_3_12",
                  ⟦"entryPoint": ["main.py", "worker.py", "extra.py"]
                }
              },
              "roleArn": "arn:aws:iam::123456789012:role/Runtime",
              "networkConfiguration": { "networkMode": "PUBLIC" }
            }
            """);
        var finding = LintHarness.Single(input, "runtime.json", "ACL1006");
        Assert.Contains("3 items", finding.Message);
        Assert.Contains("1 to 2", finding.Message);
    }

    [Fact]
    public void Map_count_is_checked()
    {
        var variables = string.Join(",\n", Enumerable.Range(0, 51).Select(i => $"    \"SETTING_{i}\": \"value{i}\""));
        var finding = LintHarness.Single(RuntimeWith($",\n  ⟦\"environmentVariables\": {{\n{variables}\n  }}"), "runtime.json", "ACL1006");
        Assert.Contains("51 entries", finding.Message);
    }

    [Fact]
    public void Missing_member_points_at_the_parent_key()
    {
        var input = Marked.Parse("""
            {
              "agentRuntimeName": "support_agent",
              ⟦"agentRuntimeArtifact": { "containerConfiguration": { } },
              "roleArn": "arn:aws:iam::123456789012:role/Runtime",
              "networkConfiguration": { "networkMode": "PUBLIC" }
            }
            """);
        var findings = LintHarness.Lint(input, "runtime.json");
        var finding = Assert.Single(findings, f => f.RuleId == "ACL1001");
        Assert.Contains("'containerUri'", finding.Message);
    }

    [Fact]
    public void Missing_top_level_member_names_the_operation()
    {
        var input = Marked.Parse("""
            ⟦{
              "agentRuntimeName": "support_agent",
              "agentRuntimeArtifact": { "containerConfiguration": { "containerUri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/a:1" } },
              "networkConfiguration": { "networkMode": "PUBLIC" }
            }
            """);
        var finding = LintHarness.Single(input, "runtime.json", "ACL1001");
        Assert.Contains("'roleArn'", finding.Message);
        Assert.Contains("CreateAgentRuntime", finding.Message);
    }

    [Fact]
    public void Unknown_member_suggests_the_closest_name()
    {
        var finding = LintHarness.Single(RuntimeWith(",\n  ⟦\"environmentVariable\": { \"LOG_LEVEL\": \"info\" }"), "runtime.json", "ACL1002");
        Assert.Contains("did you mean 'environmentVariables'?", finding.Message);
    }

    [Fact]
    public void Wrong_type_names_both_types()
    {
        var finding = LintHarness.Single(RuntimeWith(",\n  \"lifecycleConfiguration\": { \"maxLifetime\": ⟦\"900\" }"), "runtime.json", "ACL1003");
        Assert.Contains("must be an integer, not a string", finding.Message);
    }

    [Fact]
    public void Sensitive_values_are_never_echoed()
    {
        var secretish = "Internal notes " + new string('x', 4100);
        var findings = LintHarness.Lint(RuntimeWith($",\n  \"description\": \"{secretish}\""), "runtime.json");
        var finding = Assert.Single(findings);
        Assert.Equal("ACL1006", finding.RuleId);
        Assert.DoesNotContain("Internal notes", finding.Message);
    }

    [Fact]
    public void Yaml_findings_point_at_the_yaml_value()
    {
        var input = Marked.Parse("""
            name: data_sandbox
            networkConfiguration:
              networkMode: ⟦PRIVATE
            executionRoleArn: arn:aws:iam::123456789012:role/CodeInterpreter
            """);
        var finding = LintHarness.Single(input, "code-interpreter.yaml", "ACL1004");
        Assert.Contains("PUBLIC, SANDBOX, VPC", finding.Message);
    }

    [Fact]
    public void Every_violation_in_a_file_is_reported()
    {
        var input = Marked.Parse("""
            {
              "agentRuntimeName": ⟦"support-agent",
              "agentRuntimeArtifact": { "containerConfiguration": { "containerUri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/a:1" } },
              "roleArn": ⟦"role/Runtime",
              "networkConfiguration": { "networkMode": ⟦"public" }
            }
            """);
        var findings = LintHarness.Lint(input, "runtime.json").Where(f => f.Level == FindingLevel.Error).ToList();
        Assert.Equal(input.Positions, findings.Select(f => f.Span.Start).OrderBy(p => p.Line).ToList());
    }

    [Fact]
    public void A_credential_in_a_non_sensitive_member_is_not_echoed()
    {
        var token = "ghp_" + "R4nd0mT0k3nV4lu3F0rT3st1ngPurp0s3s12";
        var input = Marked.Parse(Runtime.Replace("\"arn:aws:iam::123456789012:role/Runtime\"", $"⟦\"{token}\"").Replace("EXTRA", ""));
        var finding = LintHarness.Single(input, "runtime.json", "ACL1005");
        Assert.DoesNotContain(token, finding.Message);
        Assert.DoesNotContain("R4nd0m", finding.Message);
    }
}
