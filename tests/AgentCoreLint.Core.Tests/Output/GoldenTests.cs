namespace AgentCoreLint.Core.Tests.Output;

/// <summary>The golden-file helper itself: a mismatch must be readable, and the sample normalisation must drop
/// exactly the rule documentation.</summary>
public sealed class GoldenTests
{
    [Fact]
    public void A_mismatch_shows_the_differing_lines_with_context_in_unified_form()
    {
        var expected = string.Join('\n', Enumerable.Range(1, 20).Select(i => $"line {i}")) + "\n";
        var actual = expected.Replace("line 10\n", "line ten\nline 10a\n");

        var diff = Golden.Diff(expected, actual, "x.sarif");

        Assert.Equal(
            "--- golden/x.sarif\n+++ actual\n@@ -7,7 +7,8 @@\n line 7\n line 8\n line 9\n-line 10\n+line ten\n+line 10a\n line 11\n line 12\n line 13\n",
            diff);
    }

    [Fact]
    public void A_long_difference_is_cut_after_forty_lines_per_side()
    {
        var expected = string.Join('\n', Enumerable.Range(1, 100).Select(i => $"a{i}"));
        var actual = string.Join('\n', Enumerable.Range(1, 100).Select(i => $"b{i}"));

        var diff = Golden.Diff(expected, actual, "x.sarif");

        Assert.Contains("-a40\n-… 60 more line(s)\n+b1\n", diff);
        Assert.EndsWith("+b40\n+… 60 more line(s)\n", diff);
    }

    [Fact]
    public void Sample_goldens_keep_the_rule_identity_and_drop_its_documentation()
    {
        const string sarif = """
            {"runs":[{"tool":{"driver":{"name":"AgentCoreLint","rules":[{"id":"ACL2001","name":"MountPath",
            "shortDescription":{"text":"Mount path"},"fullDescription":{"text":"Long."},"help":{"text":"Fix.","markdown":"# Doc"},
            "helpUri":"https://example.com/ACL2001.md","defaultConfiguration":{"level":"error"}}]}},"results":[]}]}
            """;

        var normalised = Golden.WithoutRuleHelp(sarif);

        Assert.DoesNotContain("fullDescription", normalised);
        Assert.DoesNotContain("\"help\"", normalised);
        Assert.DoesNotContain("# Doc", normalised);
        foreach (var kept in new[] { "\"ACL2001\"", "\"MountPath\"", "\"Mount path\"", "\"helpUri\"", "\"error\"" })
        {
            Assert.Contains(kept, normalised);
        }
    }
}
