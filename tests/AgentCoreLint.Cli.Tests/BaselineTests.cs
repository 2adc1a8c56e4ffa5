using System.Text.Json;
using AgentCoreLint.Cli.Tests.Support;

namespace AgentCoreLint.Cli.Tests;

/// <summary><c>--write-baseline</c> and <c>--baseline</c>: adopt the linter on a repository with findings, fail only on new ones.</summary>
public sealed class BaselineTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string BaselinePath => Path.Combine(_dir.Path, "agentcorelint-baseline.sarif");

    [Fact]
    public void A_written_baseline_suppresses_exactly_its_results_on_the_next_run()
    {
        _dir.Write("requests/runtime.json", Requests.BadName);
        _dir.Write("requests/secret.json", Requests.Secret);

        var write = Tool.Lint(_dir, "--baseline", BaselinePath, "--write-baseline", "requests");
        Assert.Equal(CommandLine.ExitClean, write.ExitCode);
        Assert.Contains("wrote a baseline of 2 finding(s)", write.Stderr);
        Assert.Equal("", write.Stdout);

        var next = Tool.Lint(_dir, "--baseline", BaselinePath, "requests");

        Assert.Equal(CommandLine.ExitClean, next.ExitCode);
        Assert.Equal(new[] { "0 errors, 0 warnings, 0 notes in 2 files (2 requests checked); 2 suppressed by the baseline" }, next.Lines);
    }

    [Fact]
    public void A_new_defect_fails_and_is_the_only_one_reported()
    {
        _dir.Write("requests/runtime.json", Requests.BadName);
        Assert.Equal(CommandLine.ExitClean, Tool.Lint(_dir, "--baseline", BaselinePath, "--write-baseline", "requests").ExitCode);
        _dir.Write("requests/secret.json", Requests.Secret);

        var next = Tool.Lint(_dir, "--baseline", BaselinePath, "requests");

        Assert.Equal(CommandLine.ExitFindings, next.ExitCode);
        Assert.Equal(2, next.Lines.Length);
        Assert.StartsWith("requests/secret.json(6,50): error ACL3001", next.Lines[0]);
        Assert.Equal("1 error, 0 warnings, 0 notes in 2 files (2 requests checked); 1 suppressed by the baseline", next.Lines[1]);
    }

    [Fact]
    public void Baselined_results_stay_in_SARIF_as_suppressions()
    {
        _dir.Write("requests/runtime.json", Requests.BadName);
        Tool.Lint(_dir, "--baseline", BaselinePath, "--write-baseline", "requests");
        _dir.Write("requests/secret.json", Requests.Secret);

        var next = Tool.Lint(_dir, "--baseline", BaselinePath, "--format", "sarif", "requests");

        Assert.Equal(CommandLine.ExitFindings, next.ExitCode);
        using var sarif = JsonDocument.Parse(next.Stdout);
        var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(2, results.Count);
        var old = results.Single(r => r.GetProperty("ruleId").GetString() == "ACL1005");
        var suppression = Assert.Single(old.GetProperty("suppressions").EnumerateArray());
        Assert.Equal("external", suppression.GetProperty("kind").GetString());
        var fresh = results.Single(r => r.GetProperty("ruleId").GetString() == "ACL3001");
        Assert.False(fresh.TryGetProperty("suppressions", out _));
    }

    [Fact]
    public void A_fixed_finding_leaves_the_run_clean()
    {
        _dir.Write("requests/runtime.json", Requests.BadName);
        Tool.Lint(_dir, "--baseline", BaselinePath, "--write-baseline", "requests");
        _dir.Write("requests/runtime.json", Requests.Clean);

        var next = Tool.Lint(_dir, "--baseline", BaselinePath, "requests");

        Assert.Equal(CommandLine.ExitClean, next.ExitCode);
        Assert.Equal(new[] { "0 errors, 0 warnings, 0 notes in 1 file (1 request checked)" }, next.Lines);
    }

    [Theory]
    [InlineData("not json at all", "The baseline is not valid JSON (line 1")]
    [InlineData("""{ "version": "2.1.0" }""", "needs \"version\": \"2.1.0\" and a \"runs\" array")]
    [InlineData("""{ "version": "2.1.0", "runs": [ { "tool": { "driver": { "name": "OtherTool" } }, "results": [] } ] }""", "has no run of AgentCoreLint")]
    public void A_malformed_baseline_exits_2_with_a_clear_message(string content, string message)
    {
        _dir.Write("requests/runtime.json", Requests.BadName);
        File.WriteAllText(BaselinePath, content);

        var result = Tool.Lint(_dir, "--baseline", BaselinePath, "requests");

        Assert.Equal(CommandLine.ExitError, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.StartsWith($"agentcorelint: --baseline {BaselinePath}: ", result.Stderr);
        Assert.Contains(message, result.Stderr);
    }

    [Fact]
    public void A_missing_baseline_exits_2()
    {
        _dir.Write("requests/runtime.json", Requests.BadName);

        var result = Tool.Lint(_dir, "--baseline", BaselinePath, "requests");

        Assert.Equal(CommandLine.ExitError, result.ExitCode);
        Assert.StartsWith($"agentcorelint: --baseline {BaselinePath}: Could not find file", result.Stderr);
    }
}
