using AgentCoreLint.Core.Engine;
using AgentCoreLint.Rules.Findings;

namespace AgentCoreLint.Core.Tests.Engine;

/// <summary>The shipped samples: valid ones are clean, every invalid one has errors.</summary>
public sealed class SampleTests
{
    public static TheoryData<string> ValidSamples() => Samples("valid");

    public static TheoryData<string> InvalidSamples() => Samples("invalid");

    [Theory]
    [MemberData(nameof(ValidSamples))]
    public void Valid_samples_have_no_findings(string path)
    {
        var outcome = Linter.CreateDefault().LintContent(File.ReadAllBytes(path), path, isExplicit: true, new LintOptions());
        Assert.Empty(outcome.Findings.Select(f => $"{f.RuleId} {f.Span}: {f.Message}"));
        Assert.True(outcome.TargetCount > 0);
    }

    [Theory]
    [MemberData(nameof(InvalidSamples))]
    public void Invalid_samples_have_errors(string path)
    {
        var outcome = Linter.CreateDefault().LintContent(File.ReadAllBytes(path), path, isExplicit: true, new LintOptions());
        Assert.Contains(outcome.Findings, f => f.Level == FindingLevel.Error);
    }

    private static TheoryData<string> Samples(string kind)
    {
        var root = RepoRoot();
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "samples"), "*", SearchOption.AllDirectories)
                     .Where(f => Path.GetDirectoryName(f)!.Split(Path.DirectorySeparatorChar).Contains(kind))
                     .Where(f => Linter.Extensions.Contains(Path.GetExtension(f)))
                     .Order(StringComparer.Ordinal))
        {
            data.Add(file);
        }

        return data;
    }

    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AgentCoreLint.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("AgentCoreLint.sln not found above the test directory.");
    }
}
