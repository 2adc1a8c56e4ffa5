using AgentCoreLint.Rules.Findings;
using AgentCoreLint.Rules.Semantic;
using AgentCoreLint.Rules.Tests.Support;

namespace AgentCoreLint.Rules.Tests.Rules;

public sealed class MutableContainerTagRuleTests
{
    private static readonly MutableContainerTagRule Rule = new();

    private static Lint.Result Runtime(string uriJson) => Lint.Run(Rule, "CreateAgentRuntime", $$"""
        {
          "agentRuntimeName": "support_agent",
          "agentRuntimeArtifact": { "containerConfiguration": { "containerUri": {{uriJson}} } },
          "roleArn": "arn:aws:iam::123456789012:role/AgentCoreRuntimeRole",
          "networkConfiguration": { "networkMode": "PUBLIC" }
        }
        """);

    [Fact]
    public void The_latest_tag_is_a_note_at_the_value()
    {
        var finding = Lint.AssertSingle(Runtime("⟦\"123456789012.dkr.ecr.us-east-1.amazonaws.com/support-agent:latest\""), "ACL4002");
        Assert.Equal(FindingLevel.Note, finding.Level);
        Assert.Equal("containerUri '123456789012.dkr.ecr.us-east-1.amazonaws.com/support-agent:latest' uses the mutable tag 'latest', which changes with every push: " +
                     "the deployed image is not reproducible and a rollback cannot return to it. Pin a version tag (e.g. ':1.4.2') or a digest ('@sha256:…').", finding.Message);
    }

    [Fact]
    public void No_tag_means_latest()
    {
        var finding = Lint.AssertSingle(Runtime("⟦\"public.ecr.aws/acme/agents/support-agent\""), "ACL4002");
        Assert.Contains("has no tag, so it means ':latest'", finding.Message);
    }

    [Fact]
    public void Harness_environment_artifacts_are_checked()
    {
        var result = Lint.Run(Rule, "CreateHarness", Requests.Harness("""
            "environmentArtifact": { "containerConfiguration": { "containerUri": ⟦"123456789012.dkr.ecr.us-east-1.amazonaws.com/tools:latest" } }
            """));
        Lint.AssertSingle(result, "ACL4002");
    }

    [Theory]
    [InlineData("\"123456789012.dkr.ecr.us-east-1.amazonaws.com/support-agent:1.4.2\"")]
    [InlineData("\"123456789012.dkr.ecr.us-east-1.amazonaws.com/support-agent:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\"")]
    [InlineData("\"123456789012.dkr.ecr.us-east-1.amazonaws.com/support-agent@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\"")]
    [InlineData("\"123456789012.dkr.ecr.us-east-1.amazonaws.com/support-agent:LATEST\"")]
    [InlineData("\"123456789012.dkr.ecr.us-east-1.amazonaws.com/support-agent:latest-2024\"")]
    [InlineData("""{ "Fn::Sub": "${Repo}:latest" }""")]
    public void Pinned_other_and_unknown_references_pass(string uriJson) => Lint.AssertNone(Runtime(uriJson));
}
