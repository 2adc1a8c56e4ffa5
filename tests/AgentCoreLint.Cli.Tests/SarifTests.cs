using System.Text;
using System.Text.Json;
using AgentCoreLint.Cli.Tests.Support;

namespace AgentCoreLint.Cli.Tests;

/// <summary>SARIF as GitHub code scanning ingests it, end to end through the command line.</summary>
public sealed class SarifTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Fingerprints_survive_an_unrelated_line_inserted_above_the_finding()
    {
        _dir.Write("runtime.json", Requests.Secret);
        var before = Run("runtime.json");

        // A new, valid member above the secret pushes the finding down a line.
        _dir.Write("runtime.json", Requests.Secret.Replace("{\n", "{\n  \"description\": \"Answers customer support questions\",\n", StringComparison.Ordinal));
        var after = Run("runtime.json");

        var first = Assert.Single(Results(before));
        var second = Assert.Single(Results(after));
        Assert.Equal("ACL3001", first.GetProperty("ruleId").GetString());
        Assert.Equal(StartLine(first) + 1, StartLine(second));
        Assert.Equal(Fingerprint(first), Fingerprint(second));
        Assert.Matches("^[0-9a-f]{32}$", Fingerprint(first));
    }

    [Fact]
    public void Fingerprints_tell_two_findings_of_one_rule_apart()
    {
        _dir.Write("a.json", Requests.BadName);
        _dir.Write("b.json", Requests.BadName);

        var results = Results(Run("."));

        Assert.Equal(2, results.Count);
        Assert.NotEqual(Fingerprint(results[0]), Fingerprint(results[1]));
    }

    [Fact]
    public void Category_becomes_the_automation_id()
    {
        _dir.Write("runtime.json", Requests.BadName);

        var withCategory = Run("--category", "agentcorelint/requests", "runtime.json");
        var without = Run("runtime.json");

        Assert.Equal("agentcorelint/requests/", withCategory.RootElement.GetProperty("runs")[0].GetProperty("automationDetails").GetProperty("id").GetString());
        Assert.Equal("agentcorelint/", without.RootElement.GetProperty("runs")[0].GetProperty("automationDetails").GetProperty("id").GetString());
    }

    [Fact]
    public void Paths_are_relative_to_the_source_root()
    {
        _dir.Write("deploy/requests/runtime.json", Requests.BadName);

        using var sarif = Run("deploy/requests/runtime.json");

        var run = sarif.RootElement.GetProperty("runs")[0];
        var location = Results(sarif).Single().GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
        Assert.Equal("deploy/requests/runtime.json", location.GetProperty("uri").GetString());
        Assert.Equal("%SRCROOT%", location.GetProperty("uriBaseId").GetString());
        Assert.Equal(new Uri(_dir.Path + "/").AbsoluteUri, run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString());
    }

    [Fact]
    public void Security_rules_carry_security_severity_and_the_security_tag_and_every_rule_has_help_markdown()
    {
        _dir.Write("secret.json", Requests.Secret);
        _dir.Write("name.json", Requests.BadName);

        using var sarif = Run(".");

        var rules = sarif.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(new[] { "ACL1005", "ACL3001" }, rules.Select(r => r.GetProperty("id").GetString()));
        foreach (var rule in rules)
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("help").GetProperty("markdown").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("help").GetProperty("text").GetString()));
        }

        var secret = rules.Single(r => r.GetProperty("id").GetString() == "ACL3001").GetProperty("properties");
        Assert.Equal("security", secret.GetProperty("tags")[0].GetString());
        Assert.True(double.Parse(secret.GetProperty("security-severity").GetString()!, System.Globalization.CultureInfo.InvariantCulture) >= 7.0);
        var schema = rules.Single(r => r.GetProperty("id").GetString() == "ACL1005");
        Assert.False(schema.TryGetProperty("properties", out var props) && props.TryGetProperty("security-severity", out _));
    }

    [Fact]
    public void SARIF_keeps_GitHub_s_25000_results_with_a_notice()
    {
        // The cap itself is tested on the writer with a small cap; this checks that the CLI applies GitHub's 25,000
        // and reports the omission. One run: the notice states the total, and the JSON writer (no cap) has its own test.
        var request = new StringBuilder("{\n  \"harnessId\": \"abcdefghij\"");
        for (var i = 0; i < 25_010; i++)
        {
            request.Append(",\n  \"unknownMember").Append(i).Append("\": 1");
        }

        _dir.Write("huge.json", request.Append("\n}\n").ToString());
        // The operation is named: inferring it for a document with 25,000 unknown members is not what this tests.
        using var sarif = Run("--operation", "UpdateHarness", "huge.json");

        Assert.Equal(25_000, Results(sarif).Count);
        var notice = sarif.RootElement.GetProperty("runs")[0].GetProperty("invocations")[0].GetProperty("toolExecutionNotifications").EnumerateArray()
            .Single(n => n.GetProperty("level").GetString() == "warning");
        var text = notice.GetProperty("message").GetProperty("text").GetString()!;
        var counts = System.Text.RegularExpressions.Regex.Match(text, "^([0-9]+) of ([0-9]+) results were omitted");
        Assert.True(counts.Success, text);
        var total = int.Parse(counts.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(total >= 25_010, $"only {total} results");
        Assert.Equal(total - 25_000, int.Parse(counts.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    private JsonDocument Run(params string[] args)
    {
        var result = Tool.Lint(_dir, new[] { "--format", "sarif" }.Concat(args).ToArray());
        Assert.Equal("", result.Stderr);
        return JsonDocument.Parse(result.Stdout);
    }

    private static List<JsonElement> Results(JsonDocument sarif) =>
        sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();

    private static int StartLine(JsonElement result) =>
        result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32();

    private static string Fingerprint(JsonElement result) =>
        result.GetProperty("partialFingerprints").GetProperty("agentcorelint/v1").GetString()!;
}
