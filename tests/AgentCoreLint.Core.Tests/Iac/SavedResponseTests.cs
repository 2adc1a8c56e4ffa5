using AgentCoreLint.Core.Iac;

namespace AgentCoreLint.Core.Tests.Iac;

/// <summary>Saved Get responses linted as their create requests, read-only members left out.</summary>
public sealed class SavedResponseTests
{
    private const string AgentRuntime = """
        {
            "agentRuntimeArn": "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/support_agent-Xk3Lm9QpRt",
            "agentRuntimeName": "support_agent",
            "agentRuntimeId": "support_agent-Xk3Lm9QpRt",
            "agentRuntimeVersion": "7",
            "createdAt": "2026-06-02T08:41:17.208000+00:00",
            "lastUpdatedAt": "2026-08-11T16:05:52.930000+00:00",
            "roleArn": "arn:aws:iam::123456789012:role/AgentCoreRuntime-support",
            "networkConfiguration": {
                "networkMode": "VPC",
                "networkModeConfig": {
                    "securityGroups": ["sg-0a1b2c3d4e5f67890"],
                    "subnets": ["subnet-0a1b2c3d4e5f67890"],
                    "requireServiceS3Endpoint": false
                }
            },
            "status": "READY",
            "failureReason": null,
            "lifecycleConfiguration": {"idleRuntimeSessionTimeout": 900, "maxLifetime": 28800},
            "workloadIdentityDetails": {"workloadIdentityArn": "arn:aws:bedrock-agentcore:us-east-1:123456789012:workload-identity-directory/default/workload-identity/support_agent-Xk3Lm9QpRt"},
            "metadataConfiguration": {"requireMMDSV2": true},
            "agentRuntimeArtifact": {"containerConfiguration": {"containerUri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/support-agent:1.4.2"}},
            "protocolConfiguration": {"serverProtocol": "HTTP"},
            "environmentVariables": {"LOG_LEVEL": "INFO"EXTRA}
        }
        """;

    [Fact]
    public void A_deployed_runtime_is_clean_and_its_read_only_members_are_left_out()
    {
        IacHarness.Clean(Marked.Parse(AgentRuntime.Replace("EXTRA", "")), "runtime.json");

        var target = Assert.Single(IacHarness.Adapt(new SavedResponseAdapter(), AgentRuntime.Replace("EXTRA", ""), "runtime.json").Targets);
        Assert.Equal("CreateAgentRuntime", target.Operation);
        Assert.Equal("arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/support_agent-Xk3Lm9QpRt", target.LogicalLocation);
        var request = IacHarness.Dump(target.Request);
        foreach (var readOnly in new[] { "agentRuntimeArn", "agentRuntimeId", "agentRuntimeVersion", "createdAt", "lastUpdatedAt", "status", "failureReason", "workloadIdentityDetails", "requireServiceS3Endpoint" })
        {
            Assert.DoesNotContain(readOnly + ":", request);
        }

        Assert.Contains("networkModeConfig: {securityGroups: [\"sg-0a1b2c3d4e5f67890\"], subnets: [\"subnet-0a1b2c3d4e5f67890\"]}", request);
    }

    [Fact]
    public void A_literal_secret_in_a_deployed_runtime_is_reported_at_its_line()
    {
        var input = Marked.Parse(AgentRuntime.Replace("EXTRA", ", \"STRIPE_SECRET_KEY\": ⟦\"sk_live_51N8xQ2Lk9Jd7Hs3Gf5Dq1Wp4Ez6Rt8Yu0Io2Pa4Sd6Fg8Hj0Kl2Zx4Cv6Bn8Mq0\""));
        var finding = Assert.Single(IacHarness.Expect(input, "runtime.json", "ACL3001"));
        Assert.DoesNotContain("51N8xQ2Lk9", finding.Message);
    }

    [Fact]
    public void A_harness_response_is_unwrapped_and_nested_read_only_members_are_left_out()
    {
        var text = """
            {
                "harness": {
                    "harnessId": "research_harness-Qw3Er5Ty7U",
                    "harnessName": "research_harness",
                    "arn": "arn:aws:bedrock-agentcore:us-east-1:123456789012:harness/research_harness-Qw3Er5Ty7U",
                    "status": "READY",
                    "executionRoleArn": "arn:aws:iam::123456789012:role/AgentCoreHarness",
                    "environment": {"agentCoreRuntimeEnvironment": {
                        "agentRuntimeArn": "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/harness_research-Lm2No4Pq6R",
                        "agentRuntimeName": "harness_research",
                        "agentRuntimeId": "harness_research-Lm2No4Pq6R",
                        "networkConfiguration": {"networkMode": "PUBLIC"}}},
                    "model": {"bedrockModelConfig": {"modelId": "anthropic.claude-sonnet-4-20250514-v1:0"}},
                    "tools": [{"type": "remote_mcp", "name": "web", "config": {"remoteMcp": {"url": "https://mcp.example.com/mcp",
                        "headers": {"Authorization": ⟦"Bearer ghp_R8fK2mLq9Xv4Tz7Wc1Nb5Hd3Js6Ge0Ya2Uo4"}}}}],
                    "createdAt": "2026-07-20T10:02:44.120000+00:00",
                    "updatedAt": "2026-07-20T10:02:44.120000+00:00",
                    "someFutureMember": {"anything": 1}
                }
            }
            """;
        var input = Marked.Parse(text);
        IacHarness.Expect(input, "harness.json", "ACL3002");
        var target = Assert.Single(IacHarness.Adapt(new SavedResponseAdapter(), input.Text, "harness.json").Targets);
        Assert.Equal("CreateHarness", target.Operation);
        Assert.Contains("environment: {agentCoreRuntimeEnvironment: {networkConfiguration: {networkMode: \"PUBLIC\"}}}", IacHarness.Dump(target.Request));
    }

    [Fact]
    public void Browsers_and_code_interpreters_are_told_apart_and_requests_are_not_mistaken_for_responses()
    {
        var browser = """{"browserId": "b-AbCdEf1234", "browserArn": "arn:aws:bedrock-agentcore:us-east-1:123456789012:browser-custom/b-AbCdEf1234", "name": "b", "status": "READY", "networkConfiguration": {"networkMode": "PUBLIC"}}""";
        Assert.Equal("CreateBrowser", Assert.Single(IacHarness.Adapt(new SavedResponseAdapter(), browser, "b.json").Targets).Operation);
        var interpreter = browser.Replace("browserId", "codeInterpreterId").Replace("browserArn", "codeInterpreterArn");
        Assert.Equal("CreateCodeInterpreter", Assert.Single(IacHarness.Adapt(new SavedResponseAdapter(), interpreter, "c.json").Targets).Operation);

        var request = Core.Loading.DocumentLoader.Load(System.Text.Encoding.UTF8.GetBytes("""{"name": "b", "networkConfiguration": {"networkMode": "PUBLIC"}}"""), "b.json").Documents[0];
        Assert.False(new SavedResponseAdapter().Recognizes(request, "b.json"));
    }
}
