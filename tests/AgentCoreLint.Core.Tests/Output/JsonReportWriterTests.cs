using System.Text.Json;
using AgentCoreLint.Core.Output;
using static AgentCoreLint.Core.Tests.Output.OutputFixtures;

namespace AgentCoreLint.Core.Tests.Output;

public sealed class JsonReportWriterTests
{
    [Fact]
    public void Writes_the_documented_shape()
    {
        var report = RealisticReport();
        using var json = JsonDocument.Parse(Write(new JsonReportWriter(), report));
        var root = json.RootElement;
        Assert.Equal(["version", "tool", "summary", "results", "notifications"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal("AgentCoreLint", root.GetProperty("tool").GetProperty("name").GetString());
        Assert.Equal(ToolInfo.Version, root.GetProperty("tool").GetProperty("version").GetString());

        var summary = root.GetProperty("summary");
        Assert.Equal(
            [("errors", 3), ("warnings", 1), ("notes", 0), ("suppressed", 1), ("files", 4), ("requests", 3)],
            summary.EnumerateObject().Select(p => (p.Name, p.Value.GetInt32())));

        var results = root.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(report.Results.Count, results.Count);
        Assert.All(results, r => Assert.Equal(
            ["ruleId", "level", "message", "path", "line", "column", "endLine", "endColumn", "pointer", "logicalLocation", "fingerprint", "suppressed"],
            r.EnumerateObject().Select(p => p.Name)));

        var first = results[0];
        Assert.Equal("ACL2001", first.GetProperty("ruleId").GetString());
        Assert.Equal("error", first.GetProperty("level").GetString());
        Assert.Equal(report.Results[0].Finding.Message, first.GetProperty("message").GetString());
        Assert.Equal("infra/my stack/template.yaml", first.GetProperty("path").GetString());
        Assert.Equal([14, 24, 14, 41], new[] { "line", "column", "endLine", "endColumn" }.Select(p => first.GetProperty(p).GetInt32()));
        Assert.Equal("/Resources/SupportAgent/Properties/FilesystemConfigurations/0/SessionStorage/MountPath", first.GetProperty("pointer").GetString());
        Assert.Equal("Resources/SupportAgent", first.GetProperty("logicalLocation").GetString());
        Assert.Equal(report.Results[0].Fingerprint, first.GetProperty("fingerprint").GetString());
        Assert.False(first.GetProperty("suppressed").GetBoolean());

        Assert.Equal("", results[2].GetProperty("pointer").GetString());
        Assert.Equal(JsonValueKind.Null, results[2].GetProperty("logicalLocation").ValueKind);
        Assert.Equal("warning", results[3].GetProperty("level").GetString());
        Assert.True(results[4].GetProperty("suppressed").GetBoolean());

        var notification = Assert.Single(root.GetProperty("notifications").EnumerateArray());
        Assert.Equal("requests/unreadable.json", notification.GetProperty("path").GetString());
        Assert.Equal("The file could not be read: permission denied.", notification.GetProperty("message").GetString());
    }

    [Fact]
    public void Output_ends_with_a_newline_and_uses_lf()
    {
        var text = Write(new JsonReportWriter(), RealisticReport());
        Assert.EndsWith("}\n", text);
        Assert.DoesNotContain('\r', text);
    }

    [Fact]
    public void Large_reports_are_written_whole()
    {
        // More than one 64 KiB chunk, so the streaming path is exercised, and more than SARIF's GitHub cap: the JSON
        // output has none (the SARIF warning tells users so).
        const int total = GitHubSarifLimits.MaxResultsPerRun + 10;
        var results = Enumerable.Range(1, total)
            .Select(i => Result(CreateRequest, "ACL1002", Rules.Findings.FindingLevel.Error, $"Unknown member 'm{i}'.",
                Rules.Documents.SourceSpan.Of(i, 3, i, 8), $"/m{i}"))
            .ToList();
        var text = Write(new JsonReportWriter(), Report(Fingerprints.Assign(results)));
        Assert.True(text.Length > 128 * 1024);
        using var json = JsonDocument.Parse(text);
        var written = json.RootElement.GetProperty("results");
        Assert.Equal(total, written.GetArrayLength());
        Assert.Equal("Unknown member 'm25010'.", written[total - 1].GetProperty("message").GetString());
    }
}
