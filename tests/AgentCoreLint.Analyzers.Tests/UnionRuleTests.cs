namespace AgentCoreLint.Analyzers.Tests;

/// <summary>ACL1008 on C# requests: an SDK union class (a plain class with one property per member) must set exactly
/// one member; a member whose value is unknown may be the one that is set.</summary>
public sealed class UnionRuleTests
{
    [Fact]
    public Task Two_members_and_no_member_are_reported() => Verify.Analyzer("""
        class C
        {
            static UpdateAgentRuntimeRequest[] All() => new[]
            {
                new UpdateAgentRuntimeRequest
                {
                    AgentRuntimeArtifact = new() { ContainerConfiguration = new() { ContainerUri = "123456789012.dkr.ecr.us-east-1.amazonaws.com/a:1" }, {|ACL1008:CodeConfiguration|} = new() },
                },
                new UpdateAgentRuntimeRequest
                {
                    FilesystemConfigurations = [{|ACL1008:new FilesystemConfiguration()|}],
                },
            };
        }
        """);

    [Fact]
    public Task One_member_or_an_unknown_one_is_not_reported() => Verify.Analyzer("""
        class C
        {
            static UpdateAgentRuntimeRequest[] All(ContainerConfiguration container, CodeConfiguration code) => new[]
            {
                new UpdateAgentRuntimeRequest { AgentRuntimeArtifact = new() { ContainerConfiguration = new() { ContainerUri = "123456789012.dkr.ecr.us-east-1.amazonaws.com/a:1" } } },
                new UpdateAgentRuntimeRequest { AgentRuntimeArtifact = new() { ContainerConfiguration = container } },
                new UpdateAgentRuntimeRequest { AgentRuntimeArtifact = new() { ContainerConfiguration = container, CodeConfiguration = null } },
                new UpdateAgentRuntimeRequest { FilesystemConfigurations = [new() { SessionStorage = Storage() }] },
            };

            static SessionStorageConfiguration Storage() => new() { MountPath = "/mnt/data" };
        }
        """);
}
