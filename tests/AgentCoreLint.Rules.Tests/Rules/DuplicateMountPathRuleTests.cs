using AgentCoreLint.Rules.Semantic;
using AgentCoreLint.Rules.Tests.Support;

namespace AgentCoreLint.Rules.Tests.Rules;

public sealed class DuplicateMountPathRuleTests
{
    private static readonly DuplicateMountPathRule Rule = new();

    private const string Efs = "arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-0123456789abcdef0";

    [Fact]
    public void A_trailing_slash_names_the_same_directory_and_is_reported_at_the_second_entry()
    {
        var result = Lint.Run(Rule, "CreateAgentRuntime", Requests.Runtime($$"""
            "filesystemConfigurations": [
              { "sessionStorage": { "mountPath": "/mnt/data" } },
              { "efsAccessPoint": { "accessPointArn": "{{Efs}}", "mountPath": ⟦"/mnt/data/" } }
            ]
            """));
        var finding = Lint.AssertSingle(result, "ACL2002");
        Assert.Equal("mountPath '/mnt/data/' of filesystemConfigurations[1] is the same directory as the mount path of filesystemConfigurations[0] ('/mnt/data'): " +
                     "only one filesystem can be mounted at a directory; give each filesystem configuration its own directory under /mnt.", finding.Message);
        Assert.Equal("/filesystemConfigurations/1/efsAccessPoint/mountPath", finding.Pointer);
    }

    [Fact]
    public void Identical_paths_name_the_first_entry_without_repeating_the_path()
    {
        var result = Lint.Run(Rule, "CreateAgentRuntime", Requests.Runtime($$"""
            "filesystemConfigurations": [
              { "sessionStorage": { "mountPath": "/mnt/data" } },
              { "sessionStorage": { "mountPath": "/mnt/other" } },
              { "efsAccessPoint": { "accessPointArn": "{{Efs}}", "mountPath": ⟦"/mnt/data" } },
              { "efsAccessPoint": { "accessPointArn": "{{Efs}}", "mountPath": ⟦"/mnt/other/" } }
            ]
            """));
        var findings = Lint.AssertAtMarks(result, "ACL2002");
        Assert.Contains("of filesystemConfigurations[2] is the same directory as the mount path of filesystemConfigurations[0]:", findings[0].Message);
        Assert.Contains("of filesystemConfigurations[3] is the same directory as the mount path of filesystemConfigurations[1] ('/mnt/other')", findings[1].Message);
    }

    [Fact]
    public void Distinct_case_sensitive_and_invalid_paths_are_not_duplicates()
    {
        Lint.AssertNone(Lint.Run(Rule, "CreateAgentRuntime", Requests.Runtime($$"""
            "filesystemConfigurations": [
              { "sessionStorage": { "mountPath": "/mnt/data" } },
              { "efsAccessPoint": { "accessPointArn": "{{Efs}}", "mountPath": "/mnt/Data" } },
              { "efsAccessPoint": { "accessPointArn": "{{Efs}}", "mountPath": "/mnt/data/cache" } },
              { "efsAccessPoint": { "accessPointArn": "{{Efs}}", "mountPath": "/mnt/data/cache" } },
              { "efsAccessPoint": { "accessPointArn": "{{Efs}}", "mountPath": { "Ref": "MountPath" } } }
            ]
            """)));
    }

    [Fact]
    public void Harness_environments_are_checked()
    {
        var result = Lint.Run(Rule, "UpdateHarness", $$"""
            {
              "harnessId": "research_assistant-AbCdEf1234",
              "environment": { "agentCoreRuntimeEnvironment": { "filesystemConfigurations": [
                { "sessionStorage": { "mountPath": "/mnt/work/" } },
                { "efsAccessPoint": { "accessPointArn": "{{Efs}}", "mountPath": ⟦"/mnt/work" } }
              ] } }
            }
            """);
        Assert.Contains("environment.agentCoreRuntimeEnvironment.filesystemConfigurations[1]", Lint.AssertSingle(result, "ACL2002").Message);
    }
}
