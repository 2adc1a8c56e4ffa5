using System.Text.Json;
using AgentCoreLint.Core.Engine;
using AgentCoreLint.Core.Output;
using AgentCoreLint.Rules.Catalog;
using AgentCoreLint.Rules.Documents;
using AgentCoreLint.Rules.Findings;
using NJsonSchema;
using static AgentCoreLint.Core.Tests.Output.OutputFixtures;

namespace AgentCoreLint.Core.Tests.Output;

public sealed class SarifReportWriterTests
{
    private static readonly Lazy<JsonSchema> SarifSchema = new(() =>
        JsonSchema.FromFileAsync(RepoPaths.Get("schemas", "sarif", "sarif-schema-2.1.0.json")).GetAwaiter().GetResult());

    [Fact]
    public void Realistic_report_matches_the_golden_file()
    {
        // Rule documentation is snapshotted once, in rules-catalog.sarif (SampleGoldenTests).
        Golden.AssertMatches("realistic-report.sarif", Golden.WithoutRuleHelp(Write(new SarifReportWriter(), RealisticReport())));
    }

    [Fact]
    public void Realistic_report_validates_against_the_SARIF_schema()
    {
        var errors = SarifSchema.Value.Validate(Write(new SarifReportWriter(), RealisticReport()));
        Assert.Empty(errors.Select(e => $"{e.Path}: {e.Kind}"));
    }

    [Fact]
    public void Schema_validation_catches_an_invalid_log()
    {
        // Guards the test above against a schema that loads but accepts anything.
        var sarif = Write(new SarifReportWriter(), RealisticReport()).Replace("\"level\": \"warning\"", "\"level\": \"severe\"");
        Assert.NotEmpty(SarifSchema.Value.Validate(sarif));
    }

    [Fact]
    public void Header_and_run_properties_follow_the_output_contract()
    {
        using var log = Parse(RealisticReport());
        var root = log.RootElement;
        Assert.Equal("https://json.schemastore.org/sarif-2.1.0.json", root.GetProperty("$schema").GetString());
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());

        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("AgentCoreLint", driver.GetProperty("name").GetString());
        Assert.Equal(ToolInfo.Version, driver.GetProperty("version").GetString());
        Assert.Equal(ToolInfo.Version, driver.GetProperty("semanticVersion").GetString());
        Assert.Equal(ToolInfo.InformationUri, driver.GetProperty("informationUri").GetString());

        Assert.Equal("file:///home/dev/agent%20repo/", run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString());
        Assert.Equal("agentcorelint/", run.GetProperty("automationDetails").GetProperty("id").GetString());
        Assert.Equal("utf16CodeUnits", run.GetProperty("columnKind").GetString());
        Assert.Equal(
            ["infra/my%20stack/template.yaml", "requests/create-runtime.json", "requests/unreadable.json", "requests/update-runtime.json"],
            run.GetProperty("artifacts").EnumerateArray().Select(a => a.GetProperty("location").GetProperty("uri").GetString()));
        Assert.All(run.GetProperty("artifacts").EnumerateArray(),
            a => Assert.Equal("%SRCROOT%", a.GetProperty("location").GetProperty("uriBaseId").GetString()));
    }

    [Fact]
    public void Rules_are_the_fired_ones_sorted_with_catalog_metadata()
    {
        using var log = Parse(RealisticReport());
        var run = log.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();

        // ACL1005 only has a suppressed result; it is listed all the same.
        Assert.Equal(["ACL1001", "ACL1005", "ACL2001", "ACL2102", "ACL3001"], rules.Select(r => r.GetProperty("id").GetString()));

        var mountPath = rules[2];
        Assert.Equal("MountPath", mountPath.GetProperty("name").GetString());
        Assert.Equal("Filesystem mount path must be /mnt/<one directory>", mountPath.GetProperty("shortDescription").GetProperty("text").GetString());
        Assert.StartsWith("A filesystem configuration's `mountPath`", mountPath.GetProperty("fullDescription").GetProperty("text").GetString());
        Assert.StartsWith("Mount the filesystem at", mountPath.GetProperty("help").GetProperty("text").GetString());
        Assert.StartsWith("# ACL2001 mount-path", mountPath.GetProperty("help").GetProperty("markdown").GetString());
        Assert.Equal($"https://github.com/agentcorelint/agentcorelint/blob/v{ToolInfo.Version}/rules/storage/ACL2001-mount-path.md", mountPath.GetProperty("helpUri").GetString());
        Assert.Equal("error", mountPath.GetProperty("defaultConfiguration").GetProperty("level").GetString());
        Assert.Equal(["storage", "correctness"], mountPath.GetProperty("properties").GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.False(mountPath.GetProperty("properties").TryGetProperty("security-severity", out _));

        Assert.Equal("warning", rules[3].GetProperty("defaultConfiguration").GetProperty("level").GetString());

        var secret = rules[4];
        Assert.Equal("SecretInEnvironment", secret.GetProperty("name").GetString());
        Assert.Equal("8.5", secret.GetProperty("properties").GetProperty("security-severity").GetString());
        Assert.Contains("security", secret.GetProperty("properties").GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public void Results_carry_rule_index_location_fingerprint_and_pointer()
    {
        var report = RealisticReport();
        using var log = Parse(report);
        var run = log.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        var artifacts = run.GetProperty("artifacts");
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(report.Results.Count, results.Count);

        for (var i = 0; i < results.Count; i++)
        {
            var expected = report.Results[i];
            var result = results[i];
            Assert.Equal(expected.Finding.RuleId, result.GetProperty("ruleId").GetString());
            Assert.Equal(expected.Finding.RuleId, rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
            Assert.Equal(expected.Finding.Level.ToSarif(), result.GetProperty("level").GetString());
            Assert.Equal(expected.Finding.Message, result.GetProperty("message").GetProperty("text").GetString());

            var physical = Assert.Single(result.GetProperty("locations").EnumerateArray()).GetProperty("physicalLocation");
            var artifact = physical.GetProperty("artifactLocation");
            Assert.Equal("%SRCROOT%", artifact.GetProperty("uriBaseId").GetString());
            Assert.Equal(artifact.GetProperty("uri").GetString(),
                artifacts[artifact.GetProperty("index").GetInt32()].GetProperty("location").GetProperty("uri").GetString());
            var region = physical.GetProperty("region");
            var span = expected.Finding.Span;
            Assert.Equal(
                [span.Start.Line, span.Start.Column, span.End.Line, span.End.Column],
                new[] { "startLine", "startColumn", "endLine", "endColumn" }.Select(p => region.GetProperty(p).GetInt32()));

            Assert.Equal(expected.Fingerprint, result.GetProperty("partialFingerprints").GetProperty("agentcorelint/v1").GetString());
            Assert.Equal(expected.Finding.Pointer, result.GetProperty("properties").GetProperty("jsonPointer").GetString());
            Assert.Equal(expected.IsSuppressed, result.TryGetProperty("suppressions", out _));
        }

        Assert.Equal("infra/my%20stack/template.yaml",
            results[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        var logical = Assert.Single(results[0].GetProperty("locations")[0].GetProperty("logicalLocations").EnumerateArray());
        Assert.Equal("Resources/SupportAgent", logical.GetProperty("fullyQualifiedName").GetString());
        Assert.Equal("resource", logical.GetProperty("kind").GetString());
        Assert.False(results[2].GetProperty("locations")[0].TryGetProperty("logicalLocations", out _));

        var suppression = Assert.Single(results[4].GetProperty("suppressions").EnumerateArray());
        Assert.Equal("external", suppression.GetProperty("kind").GetString());
        Assert.Equal("baseline", suppression.GetProperty("justification").GetString());
    }

    [Fact]
    public void Failed_files_become_error_notifications_and_an_unsuccessful_invocation()
    {
        using var log = Parse(RealisticReport());
        var run = log.RootElement.GetProperty("runs")[0];
        var invocation = Assert.Single(run.GetProperty("invocations").EnumerateArray());
        Assert.False(invocation.GetProperty("executionSuccessful").GetBoolean());
        var notification = Assert.Single(invocation.GetProperty("toolExecutionNotifications").EnumerateArray());
        Assert.Equal("error", notification.GetProperty("level").GetString());
        Assert.Equal("The file could not be read: permission denied.", notification.GetProperty("message").GetProperty("text").GetString());
        var artifact = notification.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
        Assert.Equal("requests/unreadable.json", artifact.GetProperty("uri").GetString());
        Assert.Equal("%SRCROOT%", artifact.GetProperty("uriBaseId").GetString());
    }

    [Fact]
    public void A_run_without_failed_files_is_successful_and_has_no_notifications()
    {
        using var log = Parse(Report(Fingerprints.Assign(RealisticResults())));
        var invocation = log.RootElement.GetProperty("runs")[0].GetProperty("invocations")[0];
        Assert.True(invocation.GetProperty("executionSuccessful").GetBoolean());
        Assert.False(invocation.TryGetProperty("toolExecutionNotifications", out _));
    }

    [Fact]
    public void An_empty_report_has_an_empty_results_array_and_rules_array()
    {
        using var log = Parse(Report([]));
        var run = log.RootElement.GetProperty("runs")[0];
        Assert.Equal(0, run.GetProperty("results").GetArrayLength());
        Assert.Equal(0, run.GetProperty("tool").GetProperty("driver").GetProperty("rules").GetArrayLength());
        Assert.Equal(0, run.GetProperty("artifacts").GetArrayLength());
    }

    [Fact]
    public void No_property_is_null_and_only_the_root_pointer_is_an_empty_string()
    {
        using var log = Parse(RealisticReport());
        var empty = new List<string>();
        Walk(log.RootElement, "$", empty);
        Assert.Equal(["$.runs[0].results[2].properties.jsonPointer"], empty);

        static void Walk(JsonElement element, string path, List<string> empty)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        Walk(property.Value, $"{path}.{property.Name}", empty);
                    }

                    break;
                case JsonValueKind.Array:
                    var i = 0;
                    foreach (var item in element.EnumerateArray())
                    {
                        Walk(item, $"{path}[{i++}]", empty);
                    }

                    break;
                case JsonValueKind.Null:
                    Assert.Fail($"{path} is null");
                    break;
                case JsonValueKind.String when element.GetString()!.Length == 0:
                    empty.Add(path);
                    break;
            }
        }
    }

    [Fact]
    public void Output_is_deterministic_and_has_no_carriage_returns()
    {
        var first = Write(new SarifReportWriter(), RealisticReport());
        var second = Write(new SarifReportWriter(), RealisticReport());
        Assert.Equal(first, second);
        Assert.DoesNotContain('\r', first);
        Assert.EndsWith("}\n", first);
    }

    [Fact]
    public void Runs_over_the_result_cap_keep_the_first_results_in_path_order_and_say_how_many_were_omitted()
    {
        // A cap of 10 exercises the same path as GitHub's 25,000 (the default; the CLI test checks that wiring).
        const int cap = 10;
        const int total = cap + 5;
        var file = new SourceFile("/home/dev/agent repo/big.json", "big.json");
        // The last five results use a rule nothing else uses: its descriptor must go with them.
        var results = Enumerable.Range(1, total)
            .Select(i => Result(file, i <= cap ? "ACL1002" : "ACL1004", FindingLevel.Error,
                $"Unknown member 'm{i}'.", SourceSpan.Of(i, 3, i, 8), $"/m{i}"))
            .ToList();
        var report = Report(Fingerprints.Assign(results));

        var sarif = Write(new SarifReportWriter(maxResults: cap), report);
        using var log = JsonDocument.Parse(sarif);
        var run = log.RootElement.GetProperty("runs")[0];
        var written = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(cap, written.Count);
        Assert.Equal("Unknown member 'm1'.", written[0].GetProperty("message").GetProperty("text").GetString());
        Assert.Equal("Unknown member 'm10'.", written[^1].GetProperty("message").GetProperty("text").GetString());
        Assert.Equal(["ACL1002"], run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()));

        var invocation = run.GetProperty("invocations")[0];
        Assert.True(invocation.GetProperty("executionSuccessful").GetBoolean());
        var notification = Assert.Single(invocation.GetProperty("toolExecutionNotifications").EnumerateArray());
        Assert.Equal("warning", notification.GetProperty("level").GetString());
        var text = notification.GetProperty("message").GetProperty("text").GetString();
        Assert.StartsWith("5 of 15 results were omitted: GitHub code scanning accepts at most 25000 results per run, so only the first 10 in path order are included.", text);
        Assert.Contains("lint fewer paths per run", text);
    }

    [Fact]
    public void A_capped_log_with_its_warning_validates_against_the_SARIF_schema()
    {
        // A small cap rather than 25,000 results: the same code path, without a schema walk over megabytes.
        var sarif = Write(new SarifReportWriter(maxResults: 2), RealisticReport());
        using var log = JsonDocument.Parse(sarif);
        var notifications = log.RootElement.GetProperty("runs")[0].GetProperty("invocations")[0].GetProperty("toolExecutionNotifications");
        Assert.Equal(["error", "warning"], notifications.EnumerateArray().Select(n => n.GetProperty("level").GetString()));
        Assert.Empty(SarifSchema.Value.Validate(sarif).Select(e => $"{e.Path}: {e.Kind}"));
    }

    [Fact]
    public void A_smaller_cap_can_be_chosen_and_a_cap_below_one_is_refused()
    {
        var report = Report(Fingerprints.Assign(RealisticResults()));
        using var log = JsonDocument.Parse(Write(new SarifReportWriter(maxResults: 2), report));
        Assert.Equal(2, log.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
        Assert.Throws<ArgumentOutOfRangeException>(() => new SarifReportWriter(maxResults: 0));
    }

    [Theory]
    [InlineData("/home/dev/agent repo", "file:///home/dev/agent%20repo/")]
    [InlineData("/home/dev/repo/", "file:///home/dev/repo/")]
    [InlineData("/", "file:///")]
    [InlineData("/srv/a#b%c", "file:///srv/a%23b%25c/")]
    [InlineData(@"C:\src\agent repo", "file:///C:/src/agent%20repo/")]
    [InlineData(@"\\build01\share\repo", "file://build01/share/repo/")]
    public void Source_root_becomes_a_file_uri_ending_with_a_slash(string root, string expected)
    {
        using var log = Parse(Report([]) with { SourceRoot = root });
        Assert.Equal(expected, log.RootElement.GetProperty("runs")[0].GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString());
    }

    [Fact]
    public void A_relative_source_root_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Write(new SarifReportWriter(), Report([]) with { SourceRoot = "repo" }));
    }

    [Theory]
    [InlineData("a b/c.json", "a%20b/c.json")]
    [InlineData("dir/100%.yaml", "dir/100%25.yaml")]
    [InlineData("x#y/é.json", "x%23y/%C3%A9.json")]
    [InlineData("plain/file-name_1.json", "plain/file-name_1.json")]
    public void Relative_paths_are_percent_encoded_per_segment(string path, string expected)
    {
        var file = new SourceFile("/r/" + path, path);
        var report = Report(Fingerprints.Assign([Result(file, "ACL0001", FindingLevel.Error, "Bad.", SourceSpan.FileStart, "")])) with { SourceRoot = "/r" };
        using var log = Parse(report);
        Assert.Equal(expected, log.RootElement.GetProperty("runs")[0].GetProperty("results")[0]
            .GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
    }

    [Fact]
    public void An_invalid_span_keeps_only_the_valid_part_of_the_region()
    {
        var backwards = Result(CreateRequest, "ACL1003", FindingLevel.Error, "Wrong type.", SourceSpan.Of(5, 9, 5, 3), "/a");
        using var log = Parse(Report(Fingerprints.Assign([backwards])));
        var region = log.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal(["startLine", "startColumn"], region.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void A_rule_missing_from_the_catalog_gets_the_descriptions_GitHub_requires()
    {
        var custom = Result(CreateRequest, "ACL9001", FindingLevel.Warning, "Org policy: tag 'team' is required.", SourceSpan.Of(1, 1, 1, 2), "");
        using var log = Parse(Report(Fingerprints.Assign([custom])));
        var rule = Assert.Single(log.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray());
        Assert.Equal(["id", "shortDescription", "fullDescription", "help"], rule.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Rule ACL9001", rule.GetProperty("shortDescription").GetProperty("text").GetString());
        Assert.Equal("See the result message.", rule.GetProperty("help").GetProperty("text").GetString());
    }

    [Fact]
    public void Invalid_UTF16_in_a_message_is_replaced_not_fatal()
    {
        var odd = Result(CreateRequest, "ACL1002", FindingLevel.Error, "Unknown member 'a\ud800b'.", SourceSpan.Of(2, 3, 2, 9), "/a\ud800b");
        using var log = Parse(Report(Fingerprints.Assign([odd])));
        Assert.Equal("Unknown member 'a\ufffdb'.", log.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("message").GetProperty("text").GetString());
    }

    [Fact]
    public void Tags_are_distinct_non_empty_security_first_and_cut_to_the_GitHub_limit()
    {
        var rule = RuleCatalog.Get("ACL3001") with
        {
            Tags = ["secrets", "", "secrets", .. Enumerable.Range(1, 30).Select(i => $"t{i}")],
        };
        Assert.Equal(["security", "secrets", .. Enumerable.Range(1, 18).Select(i => $"t{i}")], SarifReportWriter.Tags(rule));
        Assert.Equal(["t1", "t2"], SarifReportWriter.Tags(rule with { SecuritySeverity = null, Tags = ["t1", "t2"] }));
    }

    [Theory]
    [InlineData("mount-path", "MountPath")]
    [InlineData("secret-in-sensitive-field", "SecretInSensitiveField")]
    [InlineData("union", "Union")]
    public void Rule_names_are_PascalCase_of_the_kebab_name(string kebab, string expected)
    {
        Assert.Equal(expected, SarifReportWriter.PascalCaseName(kebab));
    }

    private static JsonDocument Parse(LintReport report) => JsonDocument.Parse(Write(new SarifReportWriter(), report));

    [Fact]
    public void Every_help_uri_names_a_rule_page_of_the_repository_at_this_versions_tag()
    {
        var prefix = $"{ToolInfo.InformationUri}/blob/v{ToolInfo.Version}/";
        foreach (var rule in AgentCoreLint.Rules.Catalog.RuleCatalog.All)
        {
            var uri = SarifReportWriter.HelpUri(rule);
            Assert.StartsWith(prefix, uri);
            Assert.True(File.Exists(RepoPaths.Get(uri[prefix.Length..].Split('/'))), $"{uri}: no such page in the repository");
        }
    }
}
