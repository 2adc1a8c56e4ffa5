using AgentCoreLint.Core.Engine;
using AgentCoreLint.Core.Output;
using AgentCoreLint.Rules.Catalog;
using AgentCoreLint.Rules.Documents;
using AgentCoreLint.Rules.Findings;

namespace AgentCoreLint.Core.Tests.Output;

/// <summary>
/// Golden SARIF, one per invalid sample file (<c>Output/golden/samples/&lt;kind&gt;/invalid/&lt;file&gt;.sarif</c>): what a
/// user uploads for that sample — findings, locations, fingerprints and the fired rules' ids, names, short
/// descriptions and levels. The rules' documentation is snapshotted once, in <c>rules-catalog.sarif</c>.
/// <c>UPDATE_GOLDEN=1 dotnet test</c> rewrites them after an intended change (and removes goldens of deleted samples).
/// Valid samples are checked to be clean by <c>SampleTests</c>.
/// </summary>
public sealed class SampleGoldenTests
{
    // The source root is the only machine-dependent part of the log; pin it so clones anywhere compare equal.
    private const string PinnedSourceRoot = "/src/agentcorelint";

    public static TheoryData<string> InvalidSamples()
    {
        var data = new TheoryData<string>();
        foreach (var sample in InvalidSamplePaths())
        {
            data.Add(sample);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(InvalidSamples))]
    public void Sample_sarif_matches_its_golden_file(string sample)
    {
        var report = Linter.CreateDefault().Lint(new[] { RepoPaths.Get("samples", sample) }, new LintOptions { SourceRoot = RepoPaths.Root });
        Assert.NotEmpty(report.Results);

        var sarif = OutputFixtures.Write(new SarifReportWriter(), report with { SourceRoot = PinnedSourceRoot });

        Golden.AssertMatches(GoldenName(sample), Golden.WithoutRuleHelp(sarif));
    }

    [Fact]
    public void Every_sample_golden_belongs_to_an_invalid_sample()
    {
        var folder = Path.Combine(Golden.Folder, "samples");
        var expected = InvalidSamplePaths().Select(GoldenName).ToHashSet(StringComparer.Ordinal);
        var orphans = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(Golden.Folder, f).Replace('\\', '/'))
                .Where(f => !expected.Contains(f))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];
        if (Golden.Updating)
        {
            orphans.ForEach(f => File.Delete(Path.Combine(Golden.Folder, f)));
            return;
        }

        Assert.Empty(orphans);
    }

    /// <summary>
    /// Every rule of the catalog as SARIF writes it (shortDescription, fullDescription, help text and Markdown,
    /// helpUri, level, tags, security-severity), byte for byte: the one snapshot of the rule documentation.
    /// </summary>
    [Fact]
    public void Every_rule_descriptor_matches_the_catalog_golden()
    {
        var file = new SourceFile(PinnedSourceRoot + "/catalog.json", "catalog.json");
        var results = RuleCatalog.All
            .Select((rule, i) => OutputFixtures.Result(file, rule.Id, FindingLevel.Note, $"Catalog entry {rule.Id}.",
                SourceSpan.Of(i + 1, 1, i + 1, 2), "/" + rule.Id))
            .ToList();
        var report = OutputFixtures.Report(Fingerprints.Assign(results)) with { SourceRoot = PinnedSourceRoot };

        var sarif = OutputFixtures.Write(new SarifReportWriter(), report);

        using var log = System.Text.Json.JsonDocument.Parse(sarif);
        var written = log.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules")
            .EnumerateArray().Select(r => r.GetProperty("id").GetString());
        Assert.Equal(RuleCatalog.All.Select(r => r.Id).Order(StringComparer.Ordinal), written.Order(StringComparer.Ordinal));
        Golden.AssertMatches("rules-catalog.sarif", sarif);
    }

    private static string GoldenName(string sample) => "samples/" + sample + ".sarif";

    // Sample paths relative to samples/, with '/' separators: requests/invalid/… .
    private static IEnumerable<string> InvalidSamplePaths()
    {
        var root = RepoPaths.Get("samples");
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => Linter.Extensions.Contains(Path.GetExtension(f)))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => f.Split('/') is [_, "invalid", ..])
            .Order(StringComparer.Ordinal);
    }
}
