using System.Text;
using AgentCoreLint.Core.Engine;
using AgentCoreLint.Rules.Catalog;

namespace AgentCoreLint.Analyzers.Tests;

/// <summary>The CLI (Core's linter on a JSON request) and the analyzer (on the same request written in C#) report the
/// same findings, schema findings included: the same rule ids with the same messages.</summary>
public sealed class CliParityTests
{
    private const string Json = """
        {
          "agentRuntimeName": "support_agent",
          "agentRuntimeArtifact": {
            "containerConfiguration": { "containerUri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/support-agent:latest" },
            "codeConfiguration": { "code": { "s3": { "bucket": "agents", "prefix": "support.zip" } }, "entryPoint": ["main.py"], "runtime": "PYTHON_3_12" }
          },
          "roleArn": "arn:aws:iam::123456789012:role/AgentCoreRuntimeRole",
          "networkConfiguration": {
            "networkMode": "VPC",
            "networkModeConfig": { "subnets": ["subnet-0123456789abcdef0", "sg-0123456789abcdef0"], "securityGroups": [] }
          },
          "environmentVariables": { "AWS_ACCESS_KEY_ID": "AKIAQ3VJ7XKZ2M5RB8TN", "DB_PASSWORD": "Tr0ub4dor-and-3-horses", "LOG_LEVEL": "info" },
          "lifecycleConfiguration": { "idleRuntimeSessionTimeout": 3600, "maxLifetime": 900 },
          "filesystemConfigurations": [
            { "sessionStorage": { "mountPath": "/mnt/a/b" } },
            { "sessionStorage": { "mountPath": "/mnt/a/b" } }
          ]
        }
        """;

    private const string CSharp = """
        class Deploy
        {
            static async Task Run(IAmazonBedrockAgentCoreControl client)
            {
                var request = new CreateAgentRuntimeRequest
                {
                    AgentRuntimeName = "support_agent",
                    AgentRuntimeArtifact = new AgentRuntimeArtifact
                    {
                        ContainerConfiguration = new() { ContainerUri = "123456789012.dkr.ecr.us-east-1.amazonaws.com/support-agent:latest" },
                        CodeConfiguration = new() { Code = new() { S3 = new() { Bucket = "agents", Prefix = "support.zip" } }, EntryPoint = ["main.py"], Runtime = AgentManagedRuntimeType.PYTHON_3_12 },
                    },
                    RoleArn = "arn:aws:iam::123456789012:role/AgentCoreRuntimeRole",
                    NetworkConfiguration = new()
                    {
                        NetworkMode = NetworkMode.VPC,
                        NetworkModeConfig = new() { Subnets = ["subnet-0123456789abcdef0", "sg-0123456789abcdef0"], SecurityGroups = [] },
                    },
                    EnvironmentVariables = new() { ["AWS_ACCESS_KEY_ID"] = "AKIAQ3VJ7XKZ2M5RB8TN", ["DB_PASSWORD"] = "Tr0ub4dor-and-3-horses", ["LOG_LEVEL"] = "info" },
                };
                request.LifecycleConfiguration = new() { IdleRuntimeSessionTimeout = 3600, MaxLifetime = 900 };
                const string path = "/mnt/a/" + "b";
                request.FilesystemConfigurations = [new() { SessionStorage = new() { MountPath = path } }, new() { SessionStorage = new() { MountPath = "/mnt/a/b" } }];
                await client.CreateAgentRuntimeAsync(request);
            }
        }
        """;

    [Fact]
    public async Task Cli_and_analyzer_report_the_same_findings_for_the_same_request()
    {
        var cli = Linter.CreateDefault()
            .LintContent(Encoding.UTF8.GetBytes(Json), "request.json", isExplicit: true, new LintOptions { Operation = "CreateAgentRuntime" })
            .Findings
            .Select(f => $"{f.RuleId}: {f.Message}")
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();
        var analyzer = (await Analyze.Run(Verify.Usings + CSharp))
            .Select(d => $"{d.Id}: {d.GetMessage()}")
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();

        Assert.Equal(new[] { "ACL1008", "ACL2001", "ACL2101", "ACL3001", "ACL4001", "ACL4002" },
            cli.Select(s => s.Substring(0, 7)).Distinct().OrderBy(s => s, StringComparer.Ordinal));
        Assert.Equal(cli, analyzer);
    }
}
