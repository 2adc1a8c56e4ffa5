namespace AgentCoreLint.Analyzers.Tests;

/// <summary>Schema rules (ACL1001–ACL1007) on C# requests. They run once <c>RequestChecks</c> calls the Rules check
/// pipeline; until that merge this file is excluded from compilation (see the csproj).</summary>
public sealed class SchemaRuleAnalyzerTests
{
    [Fact]
    public Task Pattern_violation_is_reported_at_the_value() => Verify.AllRules("""
        class C
        {
            static async Task Send(IAmazonBedrockAgentCoreControl client) => await client.CreateAgentRuntimeAsync(new CreateAgentRuntimeRequest
            {
                AgentRuntimeName = {|ACL1005:"customer-support-agent"|},
                AgentRuntimeArtifact = new() { ContainerConfiguration = new() { ContainerUri = "123456789012.dkr.ecr.us-east-1.amazonaws.com/support-agent:1.4.2" } },
                RoleArn = "arn:aws:iam::123456789012:role/AgentCoreRuntimeRole",
                NetworkConfiguration = new() { NetworkMode = NetworkMode.PUBLIC },
            });
        }
        """);

    [Fact]
    public Task Missing_required_member_is_reported_for_a_request_built_here() => Verify.AllRules("""
        class C
        {
            static async Task Send(IAmazonBedrockAgentCoreControl client) => await client.CreateAgentRuntimeAsync(new {|ACL1001:CreateAgentRuntimeRequest|}
            {
                AgentRuntimeName = "support_agent",
                AgentRuntimeArtifact = new() { ContainerConfiguration = new() { ContainerUri = "123456789012.dkr.ecr.us-east-1.amazonaws.com/support-agent:1.4.2" } },
                NetworkConfiguration = new() { NetworkMode = NetworkMode.PUBLIC },
            });
        }
        """);

    [Fact]
    public Task Missing_required_member_is_not_reported_for_a_request_completed_elsewhere() => Verify.AllRules("""
        class C
        {
            static CreateAgentRuntimeRequest Build() => new CreateAgentRuntimeRequest { AgentRuntimeName = "support_agent" };

            static async Task Send(IAmazonBedrockAgentCoreControl client)
            {
                var request = new CreateAgentRuntimeRequest { AgentRuntimeName = "support_agent" };
                Complete(request);
                await client.CreateAgentRuntimeAsync(request);
            }

            static void Complete(CreateAgentRuntimeRequest request) { }
        }
        """);
}
