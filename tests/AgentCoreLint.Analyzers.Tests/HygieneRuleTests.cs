namespace AgentCoreLint.Analyzers.Tests;

/// <summary>ACL4001 (idle timeout above the maximum lifetime) and ACL4002 (mutable container tag) on C# requests.</summary>
public sealed class HygieneRuleTests
{
    [Fact]
    public Task Idle_timeout_above_lifetime_and_latest_tag_are_reported() => Verify.Analyzer("""
        class C
        {
            static CreateAgentRuntimeRequest Build() => new CreateAgentRuntimeRequest
            {
                AgentRuntimeArtifact = new() { ContainerConfiguration = new() { ContainerUri = {|ACL4002:"123456789012.dkr.ecr.us-east-1.amazonaws.com/support-agent:latest"|} } },
                LifecycleConfiguration = new() { IdleRuntimeSessionTimeout = {|ACL4001:7200|}, MaxLifetime = 3600 },
            };
        }
        """);

    [Fact]
    public Task Pinned_tags_and_unknown_timeouts_are_not_reported() => Verify.Analyzer("""
        class C
        {
            static CreateAgentRuntimeRequest Build(int idle, string tag) => new CreateAgentRuntimeRequest
            {
                AgentRuntimeArtifact = new() { ContainerConfiguration = new() { ContainerUri = "123456789012.dkr.ecr.us-east-1.amazonaws.com/support-agent:" + tag } },
                LifecycleConfiguration = new() { IdleRuntimeSessionTimeout = idle, MaxLifetime = 3600 },
            };

            static CreateAgentRuntimeRequest Pinned() => new CreateAgentRuntimeRequest
            {
                AgentRuntimeArtifact = new() { ContainerConfiguration = new() { ContainerUri = "123456789012.dkr.ecr.us-east-1.amazonaws.com/support-agent:1.4.2" } },
                LifecycleConfiguration = new() { IdleRuntimeSessionTimeout = 900, MaxLifetime = 3600 },
            };
        }
        """);
}
