using Microsoft.CodeAnalysis;

namespace AgentCoreLint.Analyzers.Tests;

/// <summary>ACL2001 (mount path) and ACL2002 (duplicate mount path) on C# requests, and the ACL2001 code fix.</summary>
public sealed class StorageRuleTests
{
    [Fact]
    public Task Mount_path_of_every_filesystem_kind_is_checked() => Verify.Analyzer("""
        class C
        {
            static UpdateAgentRuntimeRequest Build() => new UpdateAgentRuntimeRequest
            {
                AgentRuntimeId = "support_agent-a1b2c3d4e5",
                FilesystemConfigurations = new List<FilesystemConfiguration>
                {
                    new FilesystemConfiguration { SessionStorage = new SessionStorageConfiguration { MountPath = {|ACL2001:"mnt/data"|} } },
                    new FilesystemConfiguration { EfsAccessPoint = new EfsAccessPointConfiguration { AccessPointArn = "arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-0123456789abcdef0", MountPath = {|ACL2001:"/data/efs"|} } },
                },
            };
        }
        """);

    [Fact]
    public Task Two_filesystems_on_one_path_are_reported() => Verify.Analyzer("""
        class C
        {
            static UpdateAgentRuntimeRequest Build() => new UpdateAgentRuntimeRequest
            {
                FilesystemConfigurations = new List<FilesystemConfiguration>
                {
                    new() { SessionStorage = new() { MountPath = "/mnt/data" } },
                    new() { SessionStorage = new() { MountPath = {|ACL2002:"/mnt/data/"|} } },
                },
            };
        }
        """);

    [Fact]
    public Task Valid_and_unknown_mount_paths_are_not_reported() => Verify.Analyzer("""
        class C
        {
            static UpdateAgentRuntimeRequest Build(string path) => new UpdateAgentRuntimeRequest
            {
                FilesystemConfigurations = new List<FilesystemConfiguration>
                {
                    new() { SessionStorage = new() { MountPath = "/mnt/data" } },
                    new() { SessionStorage = new() { MountPath = path } },
                    new() { SessionStorage = new() { MountPath = Environment.GetEnvironmentVariable("MOUNT") } },
                },
            };
        }
        """);

    [Fact]
    public Task Code_fix_keeps_the_first_level() => Verify.CodeFix<MountPathCodeFixProvider>("""
        class C
        {
            static UpdateAgentRuntimeRequest Build() => new UpdateAgentRuntimeRequest
            {
                FilesystemConfigurations = [new() { SessionStorage = new() { MountPath = {|ACL2001:"/mnt/data/cache"|} } }],
            };
        }
        """, """
        class C
        {
            static UpdateAgentRuntimeRequest Build() => new UpdateAgentRuntimeRequest
            {
                FilesystemConfigurations = [new() { SessionStorage = new() { MountPath = "/mnt/data" } }],
            };
        }
        """);

    [Fact]
    public Task Code_fix_is_not_offered_where_the_intended_directory_is_unclear() => Verify.CodeFix<MountPathCodeFixProvider>("""
        class C
        {
            static UpdateAgentRuntimeRequest Build() => new UpdateAgentRuntimeRequest
            {
                FilesystemConfigurations = [new() { SessionStorage = new() { MountPath = {|ACL2001:"/data/cache"|} } }],
            };
        }
        """, """
        class C
        {
            static UpdateAgentRuntimeRequest Build() => new UpdateAgentRuntimeRequest
            {
                FilesystemConfigurations = [new() { SessionStorage = new() { MountPath = {|ACL2001:"/data/cache"|} } }],
            };
        }
        """);

    [Theory]
    [InlineData("/mnt/data/cache", "/mnt/data")]
    [InlineData("/mnt/data/a/b/", "/mnt/data")]
    [InlineData("/mnt/data", null)]
    [InlineData("/mnt//data", null)]
    [InlineData("/mnt/../etc", null)]
    [InlineData("/mnt/da ta/x", null)]
    [InlineData("/var/data/x", null)]
    public void First_level_is_computed_only_for_well_formed_deeper_paths(string path, string? expected) =>
        Assert.Equal(expected, MountPathCodeFixProvider.FirstLevel(path));
}
