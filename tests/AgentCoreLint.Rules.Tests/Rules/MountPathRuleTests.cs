using AgentCoreLint.Rules.Semantic;
using AgentCoreLint.Rules.Tests.Support;

namespace AgentCoreLint.Rules.Tests.Rules;

public sealed class MountPathRuleTests
{
    private static readonly MountPathRule Rule = new();

    private static string Runtime(string mountPathJson) => Requests.Runtime($$"""
        "filesystemConfigurations": [ { "sessionStorage": { "mountPath": ⟦{{mountPathJson}} } } ]
        """);

    [Theory]
    [InlineData("/mnt/data/cache", "has 2 directory levels below /mnt; use exactly one, e.g. '/mnt/data'")]
    [InlineData("/mnt/a/b/c/", "has 3 directory levels below /mnt; use exactly one, e.g. '/mnt/a'")]
    [InlineData("/mnt", "names /mnt itself; mount the filesystem exactly one directory below it, e.g. '/mnt/data'")]
    [InlineData("/mnt/", "names /mnt itself")]
    [InlineData("data", "is a relative path; use an absolute path exactly one directory below /mnt, e.g. '/mnt/data'")]
    [InlineData("mnt/cache", "is a relative path; use an absolute path exactly one directory below /mnt, e.g. '/mnt/cache'")]
    [InlineData("/data", "is not under /mnt; filesystems are mounted exactly one directory below /mnt, e.g. '/mnt/data'")]
    [InlineData("/home/app/state", "is not under /mnt; filesystems are mounted exactly one directory below /mnt, e.g. '/mnt/state'")]
    [InlineData("/mntdata", "is not under /mnt")]
    [InlineData("/MNT/data", "does not start with '/mnt/' (paths are case-sensitive); use '/mnt/data'")]
    [InlineData("/Mnt/data", "does not start with '/mnt/' (paths are case-sensitive); use '/mnt/data'")]
    [InlineData("/mnt//data", "has an empty path segment ('//'); use exactly one directory below /mnt, e.g. '/mnt/data'")]
    [InlineData("/mnt/data//", "has an empty path segment ('//')")]
    [InlineData("/mnt/..", "uses a '..' segment; mount the filesystem at a named directory exactly one level below /mnt, e.g. '/mnt/data'")]
    [InlineData("/mnt/../etc", "uses a '..' segment")]
    [InlineData("/mnt/.", "uses a '.' segment")]
    [InlineData("/mnt/my data", "contains ' ', which a mount directory name cannot contain (only letters, digits, '.', '_' and '-'); e.g. '/mnt/my-data'")]
    [InlineData("/mnt/données", "contains 'é'")]
    [InlineData("", "is empty; mount the filesystem one directory below /mnt, e.g. '/mnt/data'")]
    public void Invalid_mount_paths_are_explained(string path, string expected)
    {
        var finding = Lint.AssertSingle(Lint.Run(Rule, "CreateAgentRuntime", Runtime($"\"{path}\"")), "ACL2001");
        Assert.Contains($"mountPath '{path}' {expected}", finding.Message);
        Assert.True(finding.ReplacesSchemaFindings);
        Assert.Equal("/filesystemConfigurations/0/sessionStorage/mountPath", finding.Pointer);
    }

    [Fact]
    public void Too_long_a_name_is_reported_with_the_limit()
    {
        var path = "/mnt/" + new string('a', 196);
        var finding = Lint.AssertSingle(Lint.Run(Rule, "CreateAgentRuntime", Runtime($"\"{path}\"")), "ACL2001");
        Assert.Contains("is 201 characters long; the limit is 200", finding.Message);
        Assert.Contains("…", finding.Message); // long values are shortened in messages
    }

    [Theory]
    [InlineData("/mnt/data")]
    [InlineData("/mnt/data/")]
    [InlineData("/mnt/model-cache_v2.1")]
    [InlineData("/mnt/...")]
    [InlineData("/mnt/a")]
    public void Valid_mount_paths_pass(string path) =>
        Lint.AssertNone(Lint.Run(Rule, "CreateAgentRuntime", Runtime($"\"{path}\"").Replace("⟦", string.Empty)));

    [Fact]
    public void Every_mount_path_shape_is_checked_in_runtimes_and_harness_environments()
    {
        var runtime = Lint.Run(Rule, "UpdateAgentRuntime", Requests.Runtime("""
            "agentRuntimeId": "support_agent-AbCdEf1234",
            "filesystemConfigurations": [
              { "sessionStorage": { "mountPath": "/mnt/ok" } },
              { "s3FilesAccessPoint": { "accessPointArn": "arn:aws:s3files:us-east-1:123456789012:file-system/fs-0123456789abcdef01/access-point/fsap-0123456789abcdef01", "mountPath": ⟦"/mnt/s3/files" } },
              { "efsAccessPoint": { "accessPointArn": "arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-0123456789abcdef0", "mountPath": ⟦"/efs" } }
            ]
            """));
        Lint.AssertAtMarks(runtime, "ACL2001");

        var harness = Lint.Run(Rule, "CreateHarness", Requests.Harness("""
            "environment": { "agentCoreRuntimeEnvironment": { "filesystemConfigurations": [ { "sessionStorage": { "mountPath": ⟦"/mnt/work/tmp" } } ] } }
            """));
        Lint.AssertSingle(harness, "ACL2001");
    }

    [Fact]
    public void Unknown_and_non_string_values_are_skipped()
    {
        Lint.AssertNone(Lint.Run(Rule, "CreateAgentRuntime", Runtime("""{ "Fn::Sub": "/mnt/${Name}" }""").Replace("⟦", string.Empty)));
        Lint.AssertNone(Lint.Run(Rule, "CreateAgentRuntime", Runtime("42").Replace("⟦", string.Empty)));
        Lint.AssertNone(Lint.Run(Rule, "CreateAgentRuntime", Runtime("null").Replace("⟦", string.Empty)));
    }

    [Fact]
    public void The_rule_mirrors_the_model_pattern()
    {
        // MountPaths encodes the model's MountPath pattern; fail here if the vendored model changes it.
        var model = File.ReadAllText(ModelFile.Path);
        Assert.Contains("\"MountPath\":{\"type\":\"string\",\"max\":200,\"min\":6,\"pattern\":\"/mnt/[a-zA-Z0-9._-]+/?\"}", ModelFile.Compact(model));
    }
}
