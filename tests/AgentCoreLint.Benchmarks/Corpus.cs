using System.Globalization;

namespace AgentCoreLint.Benchmarks;

/// <summary>Writes a mixed corpus of realistic request documents: runtimes, harnesses, browsers, code interpreters,
/// JSON and YAML, a tenth of them with defects.</summary>
internal static class Corpus
{
    public const string Runtime = """
        {
          "agentRuntimeName": "support_agent_{0}",
          "description": "Answers order and billing questions.",
          "agentRuntimeArtifact": { "containerConfiguration": { "containerUri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/support-agent:2.{0}" } },
          "roleArn": "arn:aws:iam::123456789012:role/AgentCoreRuntime",
          "networkConfiguration": { "networkMode": "VPC", "networkModeConfig": { "subnets": ["subnet-0a1b2c3d4e5f60718"], "securityGroups": ["sg-0123456789abcdef0"] } },
          "lifecycleConfiguration": { "idleRuntimeSessionTimeout": 900, "maxLifetime": 28800 },
          "environmentVariables": { "LOG_LEVEL": "info", "MODEL_ID": "us.anthropic.claude-sonnet-4-20250514-v1:0", "DB_SECRET_ARN": "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf" },
          "filesystemConfigurations": [ { "sessionStorage": { "mountPath": "/mnt/workspace" } } ],
          "tags": { "team": "support" }
        }
        """;

    public const string Harness = """
        harnessName: research_{0}
        executionRoleArn: arn:aws:iam::123456789012:role/Harness
        model:
          bedrockModelConfig:
            modelId: us.anthropic.claude-sonnet-4-20250514-v1:0
            temperature: 0.3
        systemPrompt:
          - text: You are a careful research assistant.
        tools:
          - type: remote_mcp
            name: search
            config:
              remoteMcp:
                url: https://mcp.example.com/mcp
        truncation:
          strategy: sliding_window
          config:
            slidingWindow:
              messagesCount: 40
        """;

    public const string Browser = """
        {"name": "browser_{0}", "networkConfiguration": {"networkMode": "PUBLIC"}, "recording": {"enabled": false}, "browserSigning": {"enabled": true}}
        """;

    public const string CodeInterpreter = """
        name: sandbox_{0}
        executionRoleArn: arn:aws:iam::123456789012:role/CodeInterpreter
        networkConfiguration:
          networkMode: SANDBOX
        """;

    public static void Write(string dir, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            var (template, extension) = (i % 4) switch
            {
                0 => (Runtime, ".json"),
                1 => (Harness, ".yaml"),
                2 => (Browser, ".json"),
                _ => (CodeInterpreter, ".yaml"),
            };
            var text = template.Replace("{0}", n);
            if (i % 10 == 0)
            {
                text = text.Replace("_" + n, "-" + n); // a hyphen in the name: a pattern finding
            }

            File.WriteAllText(Path.Combine(dir, $"doc{n.PadLeft(5, '0')}{extension}"), text);
        }
    }
}
