using AgentCoreLint.Rules.Semantic;
using AgentCoreLint.Rules.Tests.Support;

namespace AgentCoreLint.Rules.Tests.Rules;

public sealed class VpcIncompleteRuleTests
{
    private static readonly VpcIncompleteRule Rule = new();

    private static Lint.Result Runtime(string network) => Lint.Run(Rule, "CreateAgentRuntime", Requests.Runtime(network: network));

    [Fact]
    public void Vpc_mode_without_a_vpc_configuration_is_reported_at_the_mode()
    {
        var finding = Lint.AssertSingle(Runtime("""{ "networkMode": ⟦"VPC" }"""), "ACL2101");
        Assert.Equal("networkConfiguration.networkMode is VPC, but networkConfiguration has no networkModeConfig: add networkModeConfig with at least one subnet " +
                     "('subnet-…') and one security group ('sg-…') of the VPC the resource should run in.", finding.Message);
        Assert.False(finding.ReplacesSchemaFindings);

        Lint.AssertSingle(Runtime("""{ "networkMode": ⟦"VPC", "networkModeConfig": null }"""), "ACL2101");
    }

    [Fact]
    public void Missing_lists_are_reported_at_the_vpc_configuration_naming_what_is_missing()
    {
        var both = Lint.AssertSingle(Runtime("""{ "networkMode": "VPC", ⟦"networkModeConfig": {} }"""), "ACL2101");
        Assert.Contains("networkModeConfig lists no subnets and no securityGroups", both.Message);
        Assert.True(both.ReplacesSchemaFindings);
        Assert.Equal("/networkConfiguration/networkModeConfig", both.Pointer);

        var groups = Lint.AssertSingle(Runtime("""{ "networkMode": "VPC", ⟦"networkModeConfig": { "subnets": ["subnet-0123456789abcdef0"] } }"""), "ACL2101");
        Assert.Contains("lists no securityGroups", groups.Message);

        var subnets = Lint.AssertSingle(Runtime("""{ "networkMode": "VPC", ⟦"networkModeConfig": { "subnets": null, "securityGroups": ["sg-0123456789abcdef0"] } }"""), "ACL2101");
        Assert.Contains("lists no subnets:", subnets.Message);
    }

    [Fact]
    public void Empty_lists_are_reported_at_the_list()
    {
        var result = Runtime("""{ "networkMode": "VPC", "networkModeConfig": { "subnets": ⟦[], "securityGroups": ⟦[] } }""");
        var findings = Lint.AssertAtMarks(result, "ACL2101");
        Assert.Equal("subnets is empty, but VPC mode needs at least one subnet id ('subnet-' followed by 8–17 letters or digits).", findings[0].Message);
        Assert.Contains("securityGroups is empty, but VPC mode needs at least one security group id", findings[1].Message);
        Assert.All(findings, f => Assert.True(f.ReplacesSchemaFindings));
    }

    [Fact]
    public void Malformed_swapped_and_repeated_ids_are_reported_at_the_item()
    {
        var result = Runtime("""
            {
              "networkMode": "VPC",
              "networkModeConfig": {
                "subnets": ["subnet-0123456789abcdef0", ⟦"sg-0123456789abcdef0", ⟦"subnet-123", ⟦"subnet-0123456789abcdef0", ⟦"subnet-0123456789ABCDEF01234"],
                "securityGroups": ["sg-0123456789abcdef0", ⟦"sg_0123456789abcdef0", ⟦"default"]
              }
            }
            """);
        var findings = Lint.AssertAtMarks(result, "ACL2101");
        Assert.Equal("subnets[1] 'sg-0123456789abcdef0' is not a subnet id (it looks like a security group id): expected 'subnet-' followed by 8–17 letters or digits, e.g. 'subnet-0123456789abcdef0'.", findings[0].Message);
        Assert.Contains("subnets[2] 'subnet-123' is not a subnet id:", findings[1].Message);
        Assert.Equal("subnets[3] 'subnet-0123456789abcdef0' repeats subnets[0]: list each subnet once.", findings[2].Message);
        Assert.Contains("subnets[4] 'subnet-0123456789ABCDEF01234' is not a subnet id", findings[3].Message);
        Assert.Contains("securityGroups[1] 'sg_0123456789abcdef0' is not a security group id: expected 'sg-'", findings[4].Message);
        Assert.Contains("securityGroups[2] 'default' is not a security group id", findings[5].Message);
        Assert.True(findings[0].ReplacesSchemaFindings);
        Assert.False(findings[2].ReplacesSchemaFindings);
    }

    [Fact]
    public void Browsers_code_interpreters_and_harness_environments_are_checked()
    {
        var browser = Lint.Run(Rule, "CreateBrowser", """
            { "name": "research_browser", "networkConfiguration": { "networkMode": "VPC", ⟦"vpcConfig": { "subnets": ["subnet-0123456789abcdef0"] } } }
            """);
        Assert.Contains("networkConfiguration.networkMode is VPC, but vpcConfig lists no securityGroups", Lint.AssertSingle(browser, "ACL2101").Message);

        var interpreter = Lint.Run(Rule, "CreateCodeInterpreter", """
            { "name": "analysis_sandbox", "networkConfiguration": { "networkMode": ⟦"VPC" } }
            """);
        Assert.Contains("has no vpcConfig: add vpcConfig", Lint.AssertSingle(interpreter, "ACL2101").Message);

        var harness = Lint.Run(Rule, "CreateHarness", Requests.Harness("""
            "environment": { "agentCoreRuntimeEnvironment": { "networkConfiguration": { "networkMode": ⟦"VPC" } } }
            """));
        Assert.StartsWith("environment.agentCoreRuntimeEnvironment.networkConfiguration.networkMode is VPC", Lint.AssertSingle(harness, "ACL2101").Message);
    }

    [Fact]
    public void Complete_configurations_other_modes_and_unknowns_pass()
    {
        Lint.AssertNone(Runtime("""{ "networkMode": "VPC", "networkModeConfig": { "subnets": ["subnet-0123456789abcdef0", "subnet-89abcdef"], "securityGroups": ["sg-0123456789abcdef0"] } }"""));
        Lint.AssertNone(Runtime("""{ "networkMode": "PUBLIC" }"""));
        Lint.AssertNone(Runtime("""{ "networkMode": "PUBLIC", "networkModeConfig": {} }"""));
        Lint.AssertNone(Runtime("""{ "networkMode": { "Ref": "Mode" } }"""));
        Lint.AssertNone(Runtime("""{ "networkMode": "VPC", "networkModeConfig": { "Fn::If": ["Vpc", {}, {}] } }"""));
        Lint.AssertNone(Runtime("""{ "networkMode": "VPC", "networkModeConfig": { "subnets": { "Ref": "Subnets" }, "securityGroups": [{ "Ref": "Sg" }, { "Fn::GetAtt": ["Sg", "GroupId"] }] } }"""));
        Lint.AssertNone(Runtime("""{ "networkMode": "VPC", "networkModeConfig": "subnet-0123456789abcdef0" }"""));
    }
}
