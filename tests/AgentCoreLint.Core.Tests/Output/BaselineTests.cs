using AgentCoreLint.Core.Engine;
using AgentCoreLint.Core.Output;
using AgentCoreLint.Rules.Documents;
using AgentCoreLint.Rules.Findings;
using static AgentCoreLint.Core.Tests.Output.OutputFixtures;

namespace AgentCoreLint.Core.Tests.Output;

public sealed class BaselineTests
{
    /// <summary>Writes a baseline the way <c>--write-baseline</c> does: the SARIF of the run.</summary>
    private static Baseline BaselineOf(IReadOnlyList<LintResult> results) =>
        Baseline.Load(new StringReader(Write(new SarifReportWriter(), Report(results))));

    private static IReadOnlyList<LintResult> Unsuppressed() =>
        Fingerprints.Assign(RealisticResults().Select(r => r with { IsSuppressed = false }));

    [Fact]
    public void Round_trip_suppresses_exactly_the_results_of_the_earlier_run()
    {
        var earlier = Unsuppressed();
        var baseline = BaselineOf(earlier);
        Assert.Equal(earlier.Count, baseline.Count);

        var applied = baseline.Apply(earlier);
        Assert.All(applied, r => Assert.True(r.IsSuppressed));
        Assert.Equal(earlier.Select(r => r with { IsSuppressed = true }), applied);
    }

    [Fact]
    public void Moved_results_stay_suppressed_and_new_results_are_reported()
    {
        var baseline = BaselineOf(Unsuppressed());

        // The next run: lines were inserted above every finding, one finding was fixed, one appeared.
        var next = RealisticResults()
            .Where(r => r.Finding.RuleId != "ACL2102")
            .Select(r => r with
            {
                IsSuppressed = false,
                Finding = r.Finding with { Span = SourceSpan.Of(r.Finding.Span.Start.Line + 5, 2, r.Finding.Span.End.Line + 5, 9) },
            })
            .Append(Result(CreateRequest, "ACL1002", FindingLevel.Error, "Unknown member 'foo'.", SourceSpan.Of(4, 3, 4, 8), "/foo"))
            .ToList();

        var applied = baseline.Apply(Fingerprints.Assign(next));
        Assert.Equal(["ACL1002"], applied.Where(r => !r.IsSuppressed).Select(r => r.Finding.RuleId));
        Assert.Equal(4, applied.Count(r => r.IsSuppressed));
    }

    [Fact]
    public void An_extra_occurrence_of_a_baselined_result_is_reported()
    {
        var root = SourceSpan.Of(1, 1, 1, 2);
        var missing = Result(CreateRequest, "ACL1001", FindingLevel.Error, "Required member 'roleArn' is missing.", root, "");
        var baseline = BaselineOf(Fingerprints.Assign([missing]));

        var applied = baseline.Apply(Fingerprints.Assign(
            [missing, missing with { Finding = missing.Finding with { Message = "Required member 'networkConfiguration' is missing." } }]));
        Assert.Equal([true, false], applied.Select(r => r.IsSuppressed));
    }

    [Fact]
    public void Rule_id_and_file_must_match_as_well_as_the_fingerprint()
    {
        var result = Fingerprints.Assign([Result(CreateRequest, "ACL1003", FindingLevel.Error, "Wrong type.", SourceSpan.Of(2, 3, 2, 9), "/a")])[0];
        var baseline = BaselineOf([result]);

        Assert.True(baseline.Contains(result));
        Assert.False(baseline.Contains(result with { File = UpdateRequest }));
        Assert.False(baseline.Contains(result with { Finding = result.Finding with { RuleId = "ACL1004" } }));
        Assert.False(baseline.Contains(result with { Fingerprint = "" }));
    }

    [Fact]
    public void Paths_with_spaces_and_escapes_match_after_the_round_trip()
    {
        var file = new SourceFile("/home/dev/agent repo/a b/100% #1.json", "a b/100% #1.json");
        var result = Fingerprints.Assign([Result(file, "ACL1003", FindingLevel.Error, "Wrong type.", SourceSpan.Of(2, 3, 2, 9), "/a")])[0];
        Assert.True(BaselineOf([result]).Contains(result));
    }

    [Fact]
    public void Results_suppressed_in_the_earlier_run_stay_in_a_rewritten_baseline()
    {
        var earlier = Fingerprints.Assign(RealisticResults());
        Assert.Contains(earlier, r => r.IsSuppressed);
        var applied = BaselineOf(earlier).Apply(Fingerprints.Assign(RealisticResults().Select(r => r with { IsSuppressed = false })));
        Assert.All(applied, r => Assert.True(r.IsSuppressed));
    }

    [Fact]
    public void An_empty_run_is_a_valid_empty_baseline()
    {
        var baseline = BaselineOf([]);
        Assert.Equal(0, baseline.Count);
        Assert.All(baseline.Apply(Unsuppressed()), r => Assert.False(r.IsSuppressed));
    }

    [Fact]
    public void Rule_index_and_artifact_index_are_understood_without_rule_id_and_uri()
    {
        const string sarif = """
            {
              "version": "2.1.0",
              "runs": [
                { "tool": { "driver": { "name": "OtherTool" } }, "results": [ { "message": { "text": "x" } } ] },
                {
                  "tool": { "driver": { "name": "AgentCoreLint", "rules": [ { "id": "ACL1003" } ] } },
                  "artifacts": [ { "location": { "uri": "a%20b/c.json", "uriBaseId": "%SRCROOT%" } } ],
                  "results": [ {
                    "ruleIndex": 0,
                    "message": { "text": "Wrong type." },
                    "locations": [ { "physicalLocation": { "artifactLocation": { "index": 0 } } } ],
                    "partialFingerprints": { "agentcorelint/v1": "0123456789abcdef0123456789abcdef" }
                  } ]
                }
              ]
            }
            """;
        var baseline = Baseline.Load(new StringReader(sarif));
        var file = new SourceFile("/r/a b/c.json", "a b/c.json");
        var result = Result(file, "ACL1003", FindingLevel.Error, "Wrong type.", SourceSpan.Of(1, 1, 1, 2), "/a") with
        {
            Fingerprint = "0123456789abcdef0123456789abcdef",
        };
        Assert.Equal(1, baseline.Count);
        Assert.True(baseline.Contains(result));
    }

    [Theory]
    [InlineData("", "not valid JSON")]
    [InlineData("{\"version\": \"2.1.0\", \"runs\": [", "not valid JSON")]
    [InlineData("[1, 2]", "not a SARIF 2.1.0 log")]
    [InlineData("{\"version\": \"2.0.0\", \"runs\": []}", "not a SARIF 2.1.0 log")]
    [InlineData("{\"version\": \"2.1.0\"}", "not a SARIF 2.1.0 log")]
    [InlineData("{\"version\": \"2.1.0\", \"runs\": []}", "has no run of AgentCoreLint")]
    [InlineData("{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": {\"name\": \"OtherTool\"}}, \"results\": []}]}", "has no run of AgentCoreLint")]
    [InlineData("{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": {\"name\": \"AgentCoreLint\"}}}]}", "runs[0] has no \"results\" array")]
    [InlineData("{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": {\"name\": \"AgentCoreLint\"}}, \"results\": [{\"ruleId\": \"ACL1001\", \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": \"a.json\"}}}]}]}]}",
        "runs[0].results[0] has no \"agentcorelint/v1\" fingerprint")]
    [InlineData("{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": {\"name\": \"AgentCoreLint\"}}, \"results\": [{\"ruleId\": \"ACL1001\", \"partialFingerprints\": {\"agentcorelint/v1\": \"ab\"}}]}]}",
        "runs[0].results[0] has no file location")]
    [InlineData("{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": {\"name\": \"AgentCoreLint\"}}, \"results\": [7]}]}",
        "runs[0].results[0] has no rule id")]
    public void Malformed_baselines_throw_a_BaselineFormatException_naming_the_problem(string sarif, string expected)
    {
        var error = Assert.Throws<BaselineFormatException>(() => Baseline.Load(new StringReader(sarif)));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void The_exception_message_does_not_quote_the_file()
    {
        var error = Assert.Throws<BaselineFormatException>(() => Baseline.Load(new StringReader("{\"version\": ghp_SECRETTOKEN}")));
        Assert.DoesNotContain("ghp_", error.Message);
        Assert.DoesNotContain("SECRET", error.Message);
        Assert.Equal("The baseline is not valid JSON (line 1, byte 13).", error.Message);
    }
}
