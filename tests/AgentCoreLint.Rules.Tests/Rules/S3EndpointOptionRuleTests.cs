using AgentCoreLint.Rules.Semantic;
using AgentCoreLint.Rules.Tests.Support;

namespace AgentCoreLint.Rules.Tests.Rules;

public sealed class S3EndpointOptionRuleTests
{
    private static readonly S3EndpointOptionRule Rule = new();

    private static string Network(string option) =>
        $$"""{ "networkMode": "VPC", "networkModeConfig": { "subnets": ["subnet-0123456789abcdef0"], "securityGroups": ["sg-0123456789abcdef0"], {{option}} } }""";

    [Fact]
    public void Create_agent_runtime_rejects_the_option()
    {
        var result = Lint.Run(Rule, "CreateAgentRuntime", Requests.Runtime(network: Network("⟦\"requireServiceS3Endpoint\": false")));
        var finding = Lint.AssertSingle(result, "ACL2103");
        Assert.Equal("requireServiceS3Endpoint is accepted only by UpdateAgentRuntime, for agent runtimes created before the May 2026 VPC networking change; " +
                     "CreateAgentRuntime rejects it with a ValidationException: remove it from this CreateAgentRuntime request.", finding.Message);
    }

    [Fact]
    public void Update_agent_runtime_accepts_the_option()
    {
        Lint.AssertNone(Lint.Run(Rule, "UpdateAgentRuntime", Requests.Runtime("\"agentRuntimeId\": \"support_agent-AbCdEf1234\"", Network("\"requireServiceS3Endpoint\": false"))));
    }

    [Fact]
    public void Harnesses_browsers_and_code_interpreters_do_not_accept_it()
    {
        var harness = Lint.Run(Rule, "CreateHarness", Requests.Harness($$"""
            "environment": { "agentCoreRuntimeEnvironment": { "networkConfiguration": {{Network("⟦\"requireServiceS3Endpoint\": true")}} } }
            """));
        Assert.Contains("accepted only by UpdateAgentRuntime, for agent runtimes created before the May 2026 VPC networking change: remove it from this CreateHarness request.",
            Lint.AssertSingle(harness, "ACL2103").Message);

        var browser = Lint.Run(Rule, "CreateBrowser", """
            { "name": "b", "networkConfiguration": { "networkMode": "VPC", "vpcConfig": { "subnets": ["subnet-0123456789abcdef0"], "securityGroups": ["sg-0123456789abcdef0"], ⟦"requireServiceS3Endpoint": false } } }
            """);
        Assert.Equal("requireServiceS3Endpoint applies only to agent runtimes, not to browsers or code interpreters: remove it from networkConfiguration.vpcConfig.",
            Lint.AssertSingle(browser, "ACL2103").Message);
    }

    [Fact]
    public void Absent_null_and_unknown_values_pass()
    {
        Lint.AssertNone(Lint.Run(Rule, "CreateAgentRuntime", Requests.Runtime(network: Network("\"requireServiceS3Endpoint\": null"))));
        Lint.AssertNone(Lint.Run(Rule, "CreateAgentRuntime", Requests.Runtime(network: Network("\"requireServiceS3Endpoint\": { \"Ref\": \"AWS::NoValue\" }"))));
    }
}
