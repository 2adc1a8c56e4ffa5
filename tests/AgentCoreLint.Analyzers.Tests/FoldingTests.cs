namespace AgentCoreLint.Analyzers.Tests;

/// <summary>What the analyzer counts as known at compile time: initializers, later assignments to the local in the
/// same method, constants, SDK enums, nullable value types; and what it leaves unknown (never a finding).</summary>
public sealed class FoldingTests
{
    [Fact]
    public Task Assignments_after_construction_and_nested_locals_are_folded() => Verify.Analyzer("""
        class C
        {
            static async Task Send(IAmazonBedrockAgentCoreControl client)
            {
                var storage = new SessionStorageConfiguration();
                storage.MountPath = {|ACL2001:"/mnt/a/b"|};
                var request = new CreateAgentRuntimeRequest();
                request.AgentRuntimeName = "support_agent";
                request.FilesystemConfigurations = [new FilesystemConfiguration { SessionStorage = storage }];
                request.LifecycleConfiguration = new LifecycleConfiguration { IdleRuntimeSessionTimeout = {|ACL4001:3600|}, MaxLifetime = 900 };
                await client.CreateAgentRuntimeAsync(request);
            }
        }
        """);

    [Fact]
    public Task The_last_assignment_wins_and_null_unsets_a_member() => Verify.Analyzer("""
        class C
        {
            static async Task Send(IAmazonBedrockAgentCoreControl client)
            {
                var request = new CreateAgentRuntimeRequest
                {
                    AgentRuntimeArtifact = new AgentRuntimeArtifact { ContainerConfiguration = new() { ContainerUri = "123456789012.dkr.ecr.us-east-1.amazonaws.com/a:1" }, CodeConfiguration = new() },
                    NetworkConfiguration = new NetworkConfiguration { NetworkMode = NetworkMode.VPC },
                };
                request.AgentRuntimeArtifact = new AgentRuntimeArtifact { ContainerConfiguration = new() { ContainerUri = "123456789012.dkr.ecr.us-east-1.amazonaws.com/a:1" } };
                request.NetworkConfiguration = null;
                await client.CreateAgentRuntimeAsync(request);
            }
        }
        """);

    [Fact]
    public Task Conditional_assignments_and_escaped_objects_are_unknown() => Verify.Analyzer("""
        class C
        {
            static async Task Send(IAmazonBedrockAgentCoreControl client, bool cached)
            {
                var request = new CreateAgentRuntimeRequest { NetworkConfiguration = new() { NetworkMode = {|ACL2101:NetworkMode.VPC|} } };
                if (cached)
                {
                    request.FilesystemConfigurations = [new() { SessionStorage = new() { MountPath = "/mnt/a/b" } }];
                }

                var vpc = new VpcConfig();
                Configure(vpc);
                var config = new NetworkConfiguration { NetworkMode = NetworkMode.VPC, NetworkModeConfig = vpc };
                var other = new CreateAgentRuntimeRequest { NetworkConfiguration = config };
                var tags = new Dictionary<string, string>();
                tags.Add("DB_PASSWORD", "Tr0ub4dor-and-3-horses");
                var third = new CreateAgentRuntimeRequest { EnvironmentVariables = tags, NetworkConfiguration = new() { NetworkMode = NetworkMode.FindValue(Mode()) } };
                await client.CreateAgentRuntimeAsync(request);
                await client.CreateAgentRuntimeAsync(other);
                await client.CreateAgentRuntimeAsync(third);
            }

            static void Configure(VpcConfig vpc) { }
            static string Mode() => "VPC";
        }
        """);

    [Fact]
    public Task Requests_passed_in_or_built_without_the_SDK_are_not_analysed() => Verify.Analyzer("""
        class C
        {
            static async Task Send(IAmazonBedrockAgentCoreControl client, CreateAgentRuntimeRequest request)
            {
                request.FilesystemConfigurations = [new() { SessionStorage = new() { MountPath = "/mnt/a/b" } }];
                await client.CreateAgentRuntimeAsync(request);
            }

            static object Other() => new Mine.CreateAgentRuntimeRequest { FilesystemConfigurations = [new() { SessionStorage = new() { MountPath = "/mnt/a/b" } }] };
        }

        namespace Mine
        {
            sealed class CreateAgentRuntimeRequest { public List<FilesystemConfiguration> FilesystemConfigurations { get; set; } }
        }
        """);

    [Fact]
    public Task Nullable_values_and_constant_expressions_are_known() => Verify.Analyzer("""
        class C
        {
            const int Hour = 3600;

            static UpdateAgentRuntimeRequest Build(int? configured) => new UpdateAgentRuntimeRequest
            {
                LifecycleConfiguration = new() { IdleRuntimeSessionTimeout = {|ACL4001:2 * Hour|}, MaxLifetime = (int?)Hour },
                AgentRuntimeArtifact = new() { ContainerConfiguration = new() { ContainerUri = {|ACL4002:$"123456789012.dkr.ecr.us-east-1.amazonaws.com/{"agent"}:latest"|} } },
            };

            static UpdateAgentRuntimeRequest Unknown(int? configured) => new UpdateAgentRuntimeRequest
            {
                LifecycleConfiguration = new() { IdleRuntimeSessionTimeout = configured, MaxLifetime = 900 },
            };
        }
        """);

    [Fact]
    public Task Harness_enum_values_with_lower_case_wire_names_are_read() => Verify.Analyzer("""
        class C
        {
            static CreateHarnessRequest Build() => new CreateHarnessRequest
            {
                HarnessName = "research_assistant",
                Tools =
                [
                    new HarnessTool { Type = HarnessToolType.Remote_mcp, Name = "search", Config = new() { RemoteMcp = new() { Url = "https://mcp.example.com/mcp" } } },
                    new HarnessTool { Type = HarnessToolType.Agentcore_browser, Name = "browser", Config = new() { {|ACL1008:RemoteMcp|} = new() { Url = "https://mcp.example.com/mcp" } } },
                ],
            };
        }
        """);

    [Fact]
    public Task Code_without_the_SDK_is_ignored() => Verify.Analyzer("""
        class C
        {
            static int Count() => new List<string> { "/mnt/a/b" }.Count;
        }
        """);
}
