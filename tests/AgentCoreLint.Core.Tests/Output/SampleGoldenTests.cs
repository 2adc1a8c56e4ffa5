using AgentCoreLint.Core.Engine;
using AgentCoreLint.Core.Output;

namespace AgentCoreLint.Core.Tests.Output;

/// <summary>
/// Golden SARIF per sample kind (<c>Output/golden/samples-&lt;kind&gt;.sarif</c>): what a user uploads for the shipped
/// samples, byte for byte — findings, locations, fingerprints and rule metadata. <c>UPDATE_GOLDEN=1 dotnet test</c>
/// rewrites them after an intended change.
/// </summary>
public sealed class SampleGoldenTests
{
    // The source root is the only machine-dependent part of the log; pin it so clones anywhere compare equal.
    private const string PinnedSourceRoot = "/src/agentcorelint";

    [Theory]
    [InlineData("requests")]
    [InlineData("cloudformation")]
    [InlineData("terraform")]
    [InlineData("terraform-source")]
    [InlineData("project-config")]
    [InlineData("responses")]
    public void Sample_sarif_matches_its_golden_file(string kind)
    {
        var report = Linter.CreateDefault().Lint(new[] { RepoPaths.Get("samples", kind) }, new LintOptions { SourceRoot = RepoPaths.Root });
        Assert.NotEmpty(report.Results);

        var sarif = OutputFixtures.Write(new SarifReportWriter(), report with { SourceRoot = PinnedSourceRoot });

        Golden.AssertMatches($"samples-{kind}.sarif", sarif);
    }
}
