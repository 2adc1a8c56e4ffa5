namespace AgentCoreLint.Analyzers.Tests;

/// <summary>ACL2101 (VPC mode without a complete VPC configuration) and ACL2102 (VPC configuration ignored), with
/// every way the SDK's <c>NetworkMode</c> enum is written.</summary>
public sealed class NetworkRuleTests
{
    [Fact]
    public Task Vpc_mode_needs_subnets_and_security_groups() => Verify.Analyzer("""
        class C
        {
            static CreateAgentRuntimeRequest[] All() => new[]
            {
                new CreateAgentRuntimeRequest { NetworkConfiguration = new NetworkConfiguration { NetworkMode = {|ACL2101:NetworkMode.VPC|} } },
                new CreateAgentRuntimeRequest { NetworkConfiguration = new NetworkConfiguration { NetworkMode = NetworkMode.VPC, {|ACL2101:NetworkModeConfig|} = new VpcConfig { Subnets = new List<string> { "subnet-0123456789abcdef0" } } } },
            };

            static async Task Send(IAmazonBedrockAgentCoreControl client)
            {
                await client.CreateAgentRuntimeAsync(new CreateAgentRuntimeRequest { NetworkConfiguration = new() { NetworkMode = {|ACL2101:new NetworkMode("VPC")|} } });
                await client.CreateAgentRuntimeAsync(new CreateAgentRuntimeRequest { NetworkConfiguration = new() { NetworkMode = {|ACL2101:NetworkMode.FindValue("VPC")|} } });
                await client.CreateAgentRuntimeAsync(new CreateAgentRuntimeRequest { NetworkConfiguration = new() { NetworkMode = {|ACL2101:"VPC"|} } });
            }
        }
        """);

    [Fact]
    public Task Malformed_ids_are_reported_at_the_item() => Verify.Analyzer("""
        class C
        {
            static async Task Send(IAmazonBedrockAgentCoreControl client)
            {
                await client.CreateBrowserAsync(new CreateBrowserRequest
                {
                    Name = "research_browser",
                    NetworkConfiguration = new BrowserNetworkConfiguration
                    {
                        NetworkMode = BrowserNetworkMode.VPC,
                        VpcConfig = new VpcConfig { Subnets = ["subnet-0123456789abcdef0"], SecurityGroups = [{|ACL2101:"subnet-0123456789abcdef1"|}] },
                    },
                });
            }
        }
        """);

    [Fact]
    public Task Vpc_configuration_in_public_mode_is_reported() => Verify.Analyzer("""
        class C
        {
            static async Task Send(IAmazonBedrockAgentCoreControl client)
            {
                await client.CreateAgentRuntimeAsync(new CreateAgentRuntimeRequest
                {
                    NetworkConfiguration = new NetworkConfiguration
                    {
                        NetworkMode = NetworkMode.PUBLIC,
                        {|ACL2102:NetworkModeConfig|} = new VpcConfig { Subnets = ["subnet-0123456789abcdef0"], SecurityGroups = ["sg-0123456789abcdef0"] },
                    },
                });
            }
        }
        """);

    [Fact]
    public Task Complete_vpc_and_unknown_modes_are_not_reported() => Verify.Analyzer("""
        class C
        {
            static readonly NetworkMode Configured = NetworkMode.FindValue(Environment.GetEnvironmentVariable("MODE"));

            static CreateAgentRuntimeRequest[] All(NetworkMode mode, List<string> subnets, VpcConfig vpc) => new[]
            {
                new CreateAgentRuntimeRequest { NetworkConfiguration = new() { NetworkMode = NetworkMode.VPC, NetworkModeConfig = new VpcConfig { Subnets = ["subnet-0123456789abcdef0"], SecurityGroups = ["sg-0123456789abcdef0"] } } },
                new CreateAgentRuntimeRequest { NetworkConfiguration = new() { NetworkMode = mode } },
                new CreateAgentRuntimeRequest { NetworkConfiguration = new() { NetworkMode = Configured } },
                new CreateAgentRuntimeRequest { NetworkConfiguration = new() { NetworkMode = NetworkMode.VPC, NetworkModeConfig = new VpcConfig { Subnets = subnets, SecurityGroups = ["sg-0123456789abcdef0"] } } },
                new CreateAgentRuntimeRequest { NetworkConfiguration = new() { NetworkMode = NetworkMode.VPC, NetworkModeConfig = vpc } },
                new CreateAgentRuntimeRequest { NetworkConfiguration = new() { NetworkMode = NetworkMode.VPC, NetworkModeConfig = new VpcConfig { Subnets = [.. subnets], SecurityGroups = ["sg-0123456789abcdef0"] } } },
            };
        }
        """);
}
