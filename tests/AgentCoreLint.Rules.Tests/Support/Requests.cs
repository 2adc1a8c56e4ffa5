namespace AgentCoreLint.Rules.Tests.Support;

/// <summary>Realistic, schema-valid base requests that tests extend with the members under test.</summary>
internal static class Requests
{
    /// <summary>A CreateAgentRuntime request (PUBLIC network unless <paramref name="network"/> says otherwise)
    /// followed by <paramref name="extra"/> members (JSON text without the leading comma).</summary>
    public static string Runtime(string extra = "", string network = """{ "networkMode": "PUBLIC" }""")
    {
        var tail = extra.Length == 0 ? string.Empty : ",\n  " + extra;
        return $$"""
            {
              "agentRuntimeName": "support_agent",
              "agentRuntimeArtifact": {
                "containerConfiguration": {
                  "containerUri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/support-agent:1.4.2"
                }
              },
              "roleArn": "arn:aws:iam::123456789012:role/AgentCoreRuntimeRole",
              "networkConfiguration": {{network}}{{tail}}
            }
            """;
    }

    /// <summary>A CreateHarness request followed by <paramref name="extra"/> members.</summary>
    public static string Harness(string extra = "")
    {
        var tail = extra.Length == 0 ? string.Empty : ",\n  " + extra;
        return $$"""
            {
              "harnessName": "research_assistant",
              "executionRoleArn": "arn:aws:iam::123456789012:role/HarnessRole"{{tail}}
            }
            """;
    }
}
