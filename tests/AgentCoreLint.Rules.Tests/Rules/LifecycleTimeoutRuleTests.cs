using AgentCoreLint.Rules.Semantic;
using AgentCoreLint.Rules.Tests.Support;

namespace AgentCoreLint.Rules.Tests.Rules;

public sealed class LifecycleTimeoutRuleTests
{
    private static readonly LifecycleTimeoutRule Rule = new();

    [Fact]
    public void An_idle_timeout_longer_than_the_lifetime_is_reported_at_the_idle_timeout()
    {
        var result = Lint.Run(Rule, "CreateAgentRuntime", Requests.Runtime("""
            "lifecycleConfiguration": { "idleRuntimeSessionTimeout": ⟦7200, "maxLifetime": 3600 }
            """));
        var finding = Lint.AssertSingle(result, "ACL4001");
        Assert.Equal("idleRuntimeSessionTimeout (7200 s) is longer than maxLifetime (3600 s), but it must be less than or equal to it: an instance is replaced " +
                     "after 3600 s whether or not it is idle. Lower idleRuntimeSessionTimeout to at most 3600, or raise maxLifetime.", finding.Message);
        Assert.Equal("/lifecycleConfiguration/idleRuntimeSessionTimeout", finding.Pointer);
    }

    [Fact]
    public void Harness_environments_are_checked()
    {
        var result = Lint.Run(Rule, "CreateHarness", Requests.Harness("""
            "environment": { "agentCoreRuntimeEnvironment": { "lifecycleConfiguration": { "maxLifetime": 600, "idleRuntimeSessionTimeout": ⟦900 } } }
            """));
        Lint.AssertSingle(result, "ACL4001");
    }

    [Theory]
    [InlineData("""{ "idleRuntimeSessionTimeout": 900, "maxLifetime": 28800 }""")]
    [InlineData("""{ "idleRuntimeSessionTimeout": 3600, "maxLifetime": 3600 }""")]
    [InlineData("""{ "maxLifetime": 600 }""")]
    [InlineData("""{ "idleRuntimeSessionTimeout": 7200 }""")]
    [InlineData("""{ "idleRuntimeSessionTimeout": "7200", "maxLifetime": 3600 }""")]
    [InlineData("""{ "idleRuntimeSessionTimeout": { "Ref": "Idle" }, "maxLifetime": 3600 }""")]
    [InlineData("""{ "idleRuntimeSessionTimeout": 7200.5, "maxLifetime": 3600 }""")]
    [InlineData("{}")]
    public void Consistent_partial_and_unknown_values_pass(string lifecycle) =>
        Lint.AssertNone(Lint.Run(Rule, "CreateAgentRuntime", Requests.Runtime($"\"lifecycleConfiguration\": {lifecycle}")));
}
