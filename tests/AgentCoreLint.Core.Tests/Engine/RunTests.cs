using AgentCoreLint.Core.Engine;
using AgentCoreLint.Rules.Findings;

namespace AgentCoreLint.Core.Tests.Engine;

/// <summary>Whole runs over directories: discovery, hostile files, ordering, relative paths.</summary>
public sealed class RunTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("acl-run-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Hostile_files_each_yield_one_finding_and_the_rest_of_the_run_goes_on()
    {
        Write("garbage.json", "\u0001\u0002 not json at all ]]]");
        Write("empty.yaml", "");
        Write("deep.json", new string('[', 100_000) + new string(']', 100_000));
        using (var big = File.Create(Path.Combine(_root, "big.json")))
        {
            big.SetLength(50L * 1024 * 1024);
        }

        Write("binary.yaml", "name: a\0b\n");
        Write("ok/runtime.json", """
            {
              "agentRuntimeName": "support-agent",
              "agentRuntimeArtifact": { "containerConfiguration": { "containerUri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/a:1" } },
              "roleArn": "arn:aws:iam::123456789012:role/Runtime",
              "networkConfiguration": { "networkMode": "PUBLIC" }
            }
            """);

        var report = Linter.CreateDefault().Lint(new[] { _root }, new LintOptions { SourceRoot = _root });

        foreach (var name in new[] { "garbage.json", "empty.yaml", "deep.json", "big.json", "binary.yaml" })
        {
            var result = Assert.Single(report.Results, r => r.File.RelativePath == name);
            Assert.Equal("ACL0001", result.Finding.RuleId);
            Assert.Equal(FindingLevel.Error, result.Finding.Level);
        }

        // The size is checked before the file is read (a sparse 50 MiB file), and the message gives size and limit.
        var tooLarge = Assert.Single(report.Results, r => r.File.RelativePath == "big.json").Finding.Message;
        Assert.Contains("The file is 50 MiB, over the 32 MiB limit", tooLarge);
        Assert.Contains(report.Results, r => r.File.RelativePath == "ok/runtime.json" && r.Finding.RuleId == "ACL1005");
        Assert.Equal(6, report.FilesScanned);
    }

    [Fact]
    public void Results_are_sorted_with_forward_slash_relative_paths_and_fingerprints()
    {
        Write("b/second.json", """{"harnessId": "bad id", "maxIterations": 3}""");
        Write("a/first.json", """{"harnessId": "bad id", "maxIterations": 3}""");
        var report = Linter.CreateDefault().Lint(new[] { _root }, new LintOptions { SourceRoot = _root });
        Assert.Equal(new[] { "a/first.json", "b/second.json" }, report.Results.Select(r => r.File.RelativePath).Distinct());
        Assert.All(report.Results, r => Assert.False(string.IsNullOrEmpty(r.Fingerprint)));
    }

    [Fact]
    public void Hidden_and_dependency_folders_are_not_searched()
    {
        Write(".git/config.json", """{"harnessId": "bad id"}""");
        Write("node_modules/pkg/harness.json", """{"harnessId": "bad id"}""");
        var report = Linter.CreateDefault().Lint(new[] { _root }, new LintOptions { SourceRoot = _root });
        Assert.Empty(report.Results);
        Assert.Equal(0, report.FilesScanned);
    }

    [Fact]
    public void A_missing_path_is_an_error()
    {
        Assert.Throws<FileNotFoundException>(() => Linter.CreateDefault().Lint(new[] { Path.Combine(_root, "nope.json") }, new LintOptions()));
    }

    private void Write(string relative, string content)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
