using AgentCoreLint.Rules.Semantic;
using AgentCoreLint.Rules.Tests.Support;

namespace AgentCoreLint.Rules.Tests.Rules;

public sealed class FileSystemNeedsVpcRuleTests
{
    private static readonly FileSystemNeedsVpcRule Rule = new();

    private const string Vpc = """{ "networkMode": "VPC", "networkModeConfig": { "subnets": ["subnet-0123456789abcdef0"], "securityGroups": ["sg-0123456789abcdef0"] } }""";
    private const string Efs = """{ "accessPointArn": "arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-0123456789abcdef0", "mountPath": "/mnt/shared" }""";
    private const string S3Files = """{ "accessPointArn": "arn:aws:s3files:us-east-1:123456789012:file-system/fs-0123456789abcdef01/access-point/fsap-0123456789abcdef01", "mountPath": "/mnt/files" }""";

    [Fact]
    public void Access_point_file_systems_in_public_mode_are_reported_at_the_member_key()
    {
        var result = Lint.Run(Rule, "CreateAgentRuntime", Requests.Runtime($$"""
            "filesystemConfigurations": [
              { "sessionStorage": { "mountPath": "/mnt/session" } },
              { ⟦"efsAccessPoint": {{Efs}} },
              { ⟦"s3FilesAccessPoint": {{S3Files}} }
            ]
            """));
        var findings = Lint.AssertAtMarks(result, "ACL2003");
        Assert.Equal("filesystemConfigurations[1].efsAccessPoint mounts a file system through an access point in your VPC, but networkConfiguration.networkMode is 'PUBLIC': " +
                     "set networkMode to 'VPC' with subnets and security groups that can reach the file system's mount targets, or use sessionStorage.", findings[0].Message);
        Assert.Equal("/filesystemConfigurations/2/s3FilesAccessPoint", findings[1].Pointer);
    }

    [Fact]
    public void Vpc_mode_and_session_storage_pass()
    {
        Lint.AssertNone(Lint.Run(Rule, "CreateAgentRuntime", Requests.Runtime($$"""
            "filesystemConfigurations": [ { "efsAccessPoint": {{Efs}} }, { "s3FilesAccessPoint": {{S3Files}} } ]
            """, network: Vpc)));
        Lint.AssertNone(Lint.Run(Rule, "CreateAgentRuntime", Requests.Runtime("""
            "filesystemConfigurations": [ { "sessionStorage": { "mountPath": "/mnt/session" } } ]
            """)));
    }

    [Fact]
    public void Harness_environments_read_their_own_network_configuration()
    {
        var result = Lint.Run(Rule, "CreateHarness", Requests.Harness($$"""
            "environment": { "agentCoreRuntimeEnvironment": {
              "networkConfiguration": { "networkMode": "PUBLIC" },
              "filesystemConfigurations": [ { ⟦"efsAccessPoint": {{Efs}} } ]
            } }
            """));
        Assert.Contains("but environment.agentCoreRuntimeEnvironment.networkConfiguration.networkMode is 'PUBLIC'", Lint.AssertSingle(result, "ACL2003").Message);
    }

    [Fact]
    public void An_unknown_or_absent_network_mode_is_not_reported()
    {
        Lint.AssertNone(Lint.Run(Rule, "CreateHarness", Requests.Harness($$"""
            "environment": { "agentCoreRuntimeEnvironment": { "filesystemConfigurations": [ { "efsAccessPoint": {{Efs}} } ] } }
            """)));
        Lint.AssertNone(Lint.Run(Rule, "CreateAgentRuntime", Requests.Runtime($$"""
            "filesystemConfigurations": [ { "efsAccessPoint": {{Efs}} } ]
            """, network: """{ "networkMode": { "Ref": "NetworkMode" } }""")));
        Lint.AssertNone(Lint.Run(Rule, "CreateAgentRuntime", Requests.Runtime("""
            "filesystemConfigurations": [ { "efsAccessPoint": { "Fn::If": ["Efs", {}, {}] } }, { "efsAccessPoint": null } ]
            """)));
    }
}
