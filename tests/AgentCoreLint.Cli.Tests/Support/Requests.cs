namespace AgentCoreLint.Cli.Tests.Support;

/// <summary>Request documents with known findings, checked against the real rules.</summary>
internal static class Requests
{
    /// <summary>A CreateAgentRuntime request without any finding.</summary>
    public const string Clean = """
        {
          "agentRuntimeName": "support_agent",
          "agentRuntimeArtifact": { "containerConfiguration": { "containerUri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/support-agent:1.0" } },
          "roleArn": "arn:aws:iam::123456789012:role/Runtime",
          "networkConfiguration": { "networkMode": "PUBLIC" }
        }
        """;

    /// <summary>One error: the runtime name has hyphens (ACL1005), on line 2.</summary>
    public const string BadName = """
        {
          "agentRuntimeName": "support-agent",
          "agentRuntimeArtifact": { "containerConfiguration": { "containerUri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/support-agent:1.0" } },
          "roleArn": "arn:aws:iam::123456789012:role/Runtime",
          "networkConfiguration": { "networkMode": "PUBLIC" }
        }
        """;

    /// <summary>Only a warning: VPC settings while the network mode is PUBLIC (ACL2102).</summary>
    public const string WarningOnly = """
        {
          "agentRuntimeName": "support_agent",
          "agentRuntimeArtifact": { "containerConfiguration": { "containerUri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/support-agent:1.0" } },
          "roleArn": "arn:aws:iam::123456789012:role/Runtime",
          "networkConfiguration": { "networkMode": "PUBLIC", "networkModeConfig": { "subnets": ["subnet-0123456789abcdef0"], "securityGroups": ["sg-0123456789abcdef0"] } }
        }
        """;

    /// <summary>Only a note: the mutable image tag 'latest' (ACL4002).</summary>
    public const string NoteOnly = """
        {
          "agentRuntimeName": "support_agent",
          "agentRuntimeArtifact": { "containerConfiguration": { "containerUri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/support-agent:latest" } },
          "roleArn": "arn:aws:iam::123456789012:role/Runtime",
          "networkConfiguration": { "networkMode": "PUBLIC" }
        }
        """;

    /// <summary>A literal AWS access key in an environment variable (ACL3001, a security rule).</summary>
    public const string Secret = """
        {
          "agentRuntimeName": "support_agent",
          "agentRuntimeArtifact": { "containerConfiguration": { "containerUri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/support-agent:1.0" } },
          "roleArn": "arn:aws:iam::123456789012:role/Runtime",
          "networkConfiguration": { "networkMode": "PUBLIC" },
          "environmentVariables": { "AWS_ACCESS_KEY_ID": "AKIAZ7QRSTUVWXYZ2345" }
        }
        """;

    /// <summary>A package.json: JSON, but no AgentCore document.</summary>
    public const string PackageJson = """{ "name": "web-frontend", "version": "1.2.0", "scripts": { "build": "vite build" } }""";

    /// <summary>A GitHub Actions workflow: YAML, but no AgentCore document.</summary>
    public const string Workflow = """
        name: CI
        on: [push]
        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
        """;
}
