namespace AgentCoreLint.Analyzers.Tests;

/// <summary>The request of the issue that asked for the analyzer, as a C# team writes it: every problem the CLI
/// finds in the equivalent JSON is reported at the C# value that causes it.</summary>
public sealed class IssueExampleTests
{
    [Fact]
    public Task Reports_each_problem_at_its_value() => Verify.Analyzer("""
        class Deploy
        {
            static async Task Run(IAmazonBedrockAgentCoreControl client)
            {
                var request = new CreateAgentRuntimeRequest
                {
                    AgentRuntimeName = "customer_support_agent",
                    AgentRuntimeArtifact = new AgentRuntimeArtifact
                    {
                        ContainerConfiguration = new ContainerConfiguration { ContainerUri = "123456789012.dkr.ecr.us-east-1.amazonaws.com/support-agent:1.4.2" },
                        {|ACL1008:CodeConfiguration|} = new CodeConfiguration(),
                    },
                    RoleArn = "arn:aws:iam::123456789012:role/AgentCoreRuntimeRole",
                    NetworkConfiguration = new NetworkConfiguration
                    {
                        NetworkMode = NetworkMode.VPC,
                        NetworkModeConfig = new VpcConfig { SecurityGroups = {|ACL2101:new List<string>()|}, Subnets = new List<string> { "subnet-0123456789abcdef0" } },
                    },
                    EnvironmentVariables = new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = {|ACL3001:"AKIA" + "Q3VJ7XKZ2M5RB8TN"|} },
                };
                request.FilesystemConfigurations = new List<FilesystemConfiguration> { new() { SessionStorage = new() { MountPath = {|ACL2001:"/mnt/a/b"|} } } };
                await client.CreateAgentRuntimeAsync(request);
            }
        }
        """);

    [Fact]
    public Task The_same_request_written_correctly_is_clean() => Verify.AllRules("""
        class Deploy
        {
            static async Task Run(IAmazonBedrockAgentCoreControl client)
            {
                var request = new CreateAgentRuntimeRequest
                {
                    AgentRuntimeName = "customer_support_agent",
                    AgentRuntimeArtifact = new AgentRuntimeArtifact
                    {
                        ContainerConfiguration = new ContainerConfiguration { ContainerUri = "123456789012.dkr.ecr.us-east-1.amazonaws.com/support-agent:1.4.2" },
                    },
                    RoleArn = "arn:aws:iam::123456789012:role/AgentCoreRuntimeRole",
                    NetworkConfiguration = new NetworkConfiguration
                    {
                        NetworkMode = NetworkMode.VPC,
                        NetworkModeConfig = new VpcConfig { SecurityGroups = new List<string> { "sg-0123456789abcdef0" }, Subnets = new List<string> { "subnet-0123456789abcdef0" } },
                    },
                    EnvironmentVariables = new Dictionary<string, string> { ["AWS_REGION"] = "us-east-1" },
                };
                request.FilesystemConfigurations = new List<FilesystemConfiguration> { new() { SessionStorage = new() { MountPath = "/mnt/a" } } };
                await client.CreateAgentRuntimeAsync(request);
            }
        }
        """);
}
