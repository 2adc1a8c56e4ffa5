using AgentCoreLint.Rules.Findings;
using AgentCoreLint.Rules.Semantic;
using AgentCoreLint.Rules.Tests.Support;

namespace AgentCoreLint.Rules.Tests.Rules;

public sealed class VpcConfigIgnoredRuleTests
{
    private static readonly VpcConfigIgnoredRule Rule = new();

    private const string VpcConfig = """{ "subnets": ["subnet-0123456789abcdef0"], "securityGroups": ["sg-0123456789abcdef0"] }""";

    [Fact]
    public void A_vpc_configuration_in_public_mode_is_a_warning_at_its_key()
    {
        var result = Lint.Run(Rule, "CreateAgentRuntime", Requests.Runtime(network: $$"""{ "networkMode": "PUBLIC", ⟦"networkModeConfig": {{VpcConfig}} }"""));
        var finding = Lint.AssertSingle(result, "ACL2102");
        Assert.Equal(FindingLevel.Warning, finding.Level);
        Assert.Equal("networkConfiguration.networkModeConfig has no effect because networkConfiguration.networkMode is 'PUBLIC': " +
                     "set networkMode to 'VPC' to run in these subnets, or remove networkModeConfig.", finding.Message);
    }

    [Fact]
    public void Sandbox_mode_of_a_code_interpreter_is_reported()
    {
        var result = Lint.Run(Rule, "CreateCodeInterpreter", $$"""
            { "name": "analysis_sandbox", "networkConfiguration": { "networkMode": "SANDBOX", ⟦"vpcConfig": {{VpcConfig}} } }
            """);
        Assert.Contains("vpcConfig has no effect because networkConfiguration.networkMode is 'SANDBOX'", Lint.AssertSingle(result, "ACL2102").Message);
    }

    [Fact]
    public void Vpc_mode_absent_null_and_unknown_values_pass()
    {
        Lint.AssertNone(Lint.Run(Rule, "CreateAgentRuntime", Requests.Runtime(network: $$"""{ "networkMode": "VPC", "networkModeConfig": {{VpcConfig}} }""")));
        Lint.AssertNone(Lint.Run(Rule, "CreateAgentRuntime", Requests.Runtime(network: """{ "networkMode": "PUBLIC", "networkModeConfig": null }""")));
        Lint.AssertNone(Lint.Run(Rule, "CreateAgentRuntime", Requests.Runtime(network: $$"""{ "networkMode": { "Ref": "Mode" }, "networkModeConfig": {{VpcConfig}} }""")));
        Lint.AssertNone(Lint.Run(Rule, "CreateBrowser", """
            { "name": "b", "networkConfiguration": { "networkMode": "PUBLIC", "vpcConfig": { "Fn::If": ["Vpc", {}, { "Ref": "AWS::NoValue" }] } } }
            """));
    }
}
