using AgentCoreLint.Core.Engine;
using AgentCoreLint.Core.Output;
using AgentCoreLint.Rules.Documents;
using AgentCoreLint.Rules.Findings;
using static AgentCoreLint.Core.Tests.Output.OutputFixtures;

namespace AgentCoreLint.Core.Tests.Output;

public sealed class FingerprintsTests
{
    private static LintResult MountPath(SourceSpan span, string pointer = "/filesystemConfigurations/0/sessionStorage/mountPath",
        string ruleId = "ACL2001", SourceFile? file = null, string? logical = null, string message = "Mount path '/mnt' is not below /mnt.") =>
        Result(file ?? CreateRequest, ruleId, FindingLevel.Error, message, span, pointer, logical);

    [Fact]
    public void Fingerprint_is_32_lowercase_hex_characters()
    {
        var fingerprint = Fingerprints.Compute("ACL2001", "requests/create-runtime.json", null, "/a");
        Assert.Matches("^[0-9a-f]{32}$", fingerprint);
    }

    [Fact]
    public void Fingerprint_of_known_inputs_never_changes()
    {
        // Pinned: a different value means every user's baseline and every GitHub alert identity breaks.
        // Change what is hashed only together with a new key (agentcorelint/v2).
        Assert.Equal("fea61925f7a2719210ef22aed46ebbe7", Fingerprints.Compute(
            "ACL2001", "infra/my stack/template.yaml", "Resources/SupportAgent",
            "/Resources/SupportAgent/Properties/FilesystemConfigurations/0/SessionStorage/MountPath"));
    }

    [Fact]
    public void Fingerprint_is_unchanged_when_the_finding_moves_to_other_lines()
    {
        var before = Fingerprints.Assign([MountPath(SourceSpan.Of(7, 21, 7, 27))]);
        var after = Fingerprints.Assign([MountPath(SourceSpan.Of(31, 9, 31, 15))]);
        Assert.Equal(before[0].Fingerprint, after[0].Fingerprint);
    }

    [Fact]
    public void Fingerprint_is_unchanged_when_the_message_wording_or_value_changes()
    {
        var before = Fingerprints.Compute(MountPath(SourceSpan.Of(7, 21, 7, 27), message: "Mount path '/mnt' is not below /mnt."));
        var after = Fingerprints.Compute(MountPath(SourceSpan.Of(7, 21, 7, 29), message: "Mount path '/data' must be '/mnt/<directory>'."));
        Assert.Equal(before, after);
    }

    [Fact]
    public void Fingerprint_differs_across_rules_pointers_files_and_logical_locations()
    {
        var span = SourceSpan.Of(7, 21, 7, 27);
        var fingerprints = new[]
        {
            Fingerprints.Compute(MountPath(span)),
            Fingerprints.Compute(MountPath(span, ruleId: "ACL2002")),
            Fingerprints.Compute(MountPath(span, pointer: "/filesystemConfigurations/1/sessionStorage/mountPath")),
            Fingerprints.Compute(MountPath(span, file: UpdateRequest)),
            Fingerprints.Compute(MountPath(span, logical: "Resources/Agent")),
            Fingerprints.Compute(MountPath(span, logical: "")),
        };
        Assert.Equal(fingerprints.Length, fingerprints.Distinct().Count());
    }

    [Fact]
    public void Field_boundaries_cannot_be_shifted_to_collide()
    {
        Assert.NotEqual(
            Fingerprints.Compute("ACL1001", "a/b", null, "/c"),
            Fingerprints.Compute("ACL1001", "a", null, "/b/c"));
        Assert.NotEqual(
            Fingerprints.Compute("ACL1001", "a", "x", "/y"),
            Fingerprints.Compute("ACL1001", "a", "x/y", ""));
    }

    [Fact]
    public void Colliding_results_get_an_occurrence_suffix_in_report_order()
    {
        var root = SourceSpan.Of(1, 1, 1, 2);
        var results = Fingerprints.Assign(
        [
            Result(CreateRequest, "ACL1001", FindingLevel.Error, "Required member 'agentRuntimeArtifact' is missing.", root, ""),
            Result(CreateRequest, "ACL1001", FindingLevel.Error, "Required member 'networkConfiguration' is missing.", root, ""),
            Result(CreateRequest, "ACL1002", FindingLevel.Error, "Unknown member 'foo'.", SourceSpan.Of(2, 3, 2, 8), "/foo"),
            Result(CreateRequest, "ACL1001", FindingLevel.Error, "Required member 'roleArn' is missing.", root, ""),
        ]);

        var first = Fingerprints.Compute("ACL1001", CreateRequest.RelativePath, null, "");
        Assert.Equal(
            [first, first + ":2", Fingerprints.Compute("ACL1002", CreateRequest.RelativePath, null, "/foo"), first + ":3"],
            results.Select(r => r.Fingerprint));
        Assert.Equal(["agentRuntimeArtifact", "networkConfiguration", "foo", "roleArn"],
            results.Select(r => r.Finding.Message.Split('\'')[1]));
    }

    [Fact]
    public void Assign_replaces_existing_fingerprints_and_keeps_everything_else()
    {
        var input = MountPath(SourceSpan.Of(3, 4, 3, 9)) with { Fingerprint = "stale", IsSuppressed = true };
        var output = Assert.Single(Fingerprints.Assign([input]));
        Assert.Equal(Fingerprints.Compute(input), output.Fingerprint);
        Assert.Equal(input with { Fingerprint = output.Fingerprint }, output);
    }
}
