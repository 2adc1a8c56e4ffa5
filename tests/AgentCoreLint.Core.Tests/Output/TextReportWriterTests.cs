using AgentCoreLint.Core.Engine;
using AgentCoreLint.Core.Output;
using AgentCoreLint.Rules.Documents;
using AgentCoreLint.Rules.Findings;
using static AgentCoreLint.Core.Tests.Output.OutputFixtures;

namespace AgentCoreLint.Core.Tests.Output;

public sealed class TextReportWriterTests
{
    [Fact]
    public void Writes_one_compiler_style_line_per_unsuppressed_result_then_failed_files_then_the_summary()
    {
        var text = Write(new TextReportWriter(), RealisticReport());
        Assert.Equal(
            """
            infra/my stack/template.yaml(14,24): error ACL2001: Mount path '/mnt/data/cache' must be exactly one directory below /mnt, e.g. '/mnt/data'.
            infra/my stack/template.yaml(21,22): error ACL3001: Environment variable 'DB_PASSWORD' holds a literal password ('hu****', 18 characters); store it in AWS Secrets Manager and pass its ARN.
            requests/create-runtime.json(1,1): error ACL1001: Required member 'roleArn' is missing from CreateAgentRuntime.
            requests/create-runtime.json(9,5): warning ACL2102: networkModeConfig is ignored because networkMode is PUBLIC; set networkMode to VPC or remove networkModeConfig.
            requests/unreadable.json: error: The file could not be read: permission denied.
            3 errors, 1 warning, 0 notes in 4 files (3 requests checked); 1 suppressed by the baseline; 1 file not processed

            """.ReplaceLineEndings("\n"),
            text);
    }

    [Fact]
    public void Summary_uses_the_singular_for_one()
    {
        var report = new LintReport
        {
            Results =
            [
                Result(CreateRequest, "ACL1001", FindingLevel.Error, "e", SourceSpan.Of(1, 1, 1, 2), ""),
                Result(CreateRequest, "ACL2102", FindingLevel.Warning, "w", SourceSpan.Of(2, 1, 2, 2), "/w"),
                Result(CreateRequest, "ACL2102", FindingLevel.Note, "n", SourceSpan.Of(3, 1, 3, 2), "/n"),
            ],
            FilesScanned = 1,
            TargetsChecked = 1,
            SourceRoot = "/r",
        };
        Assert.Equal("1 error, 1 warning, 1 note in 1 file (1 request checked)", TextReportWriter.Summary(report));
    }

    [Fact]
    public void Summary_uses_the_plural_for_zero_and_many()
    {
        var report = new LintReport { Results = [], FilesScanned = 0, TargetsChecked = 2, SourceRoot = "/r" };
        Assert.Equal("0 errors, 0 warnings, 0 notes in 0 files (2 requests checked)", TextReportWriter.Summary(report));
        Assert.Equal("0 errors, 0 warnings, 0 notes in 0 files (2 requests checked)\n", Write(new TextReportWriter(), report));
    }

    [Fact]
    public void Without_colour_there_are_no_escape_sequences()
    {
        Assert.DoesNotContain('\u001b', Write(new TextReportWriter(useColor: false), RealisticReport()));
    }

    [Fact]
    public void With_colour_only_the_level_word_is_coloured()
    {
        var lines = Write(new TextReportWriter(useColor: true), RealisticReport()).Split('\n');
        Assert.Equal(
            "infra/my stack/template.yaml(14,24): \u001b[31merror\u001b[0m ACL2001: Mount path '/mnt/data/cache' must be exactly one directory below /mnt, e.g. '/mnt/data'.",
            lines[0]);
        Assert.StartsWith("requests/create-runtime.json(9,5): \u001b[33mwarning\u001b[0m ACL2102: networkModeConfig", lines[3]);
        Assert.Equal("requests/unreadable.json: \u001b[31merror\u001b[0m: The file could not be read: permission denied.", lines[4]);
        Assert.DoesNotContain('\u001b', lines[5]);

        var note = new LintReport
        {
            Results = [Result(CreateRequest, "ACL2102", FindingLevel.Note, "n", SourceSpan.Of(3, 1, 3, 2), "/n")],
            SourceRoot = "/r",
        };
        Assert.StartsWith("requests/create-runtime.json(3,1): \u001b[36mnote\u001b[0m ACL2102: n\n", Write(new TextReportWriter(useColor: true), note));
    }

    [Fact]
    public void Control_characters_from_the_input_cannot_break_lines_or_drive_the_terminal()
    {
        var file = new SourceFile("/r/odd\nname.json", "odd\nname.json");
        var report = new LintReport
        {
            Results = [Result(file, "ACL1002", FindingLevel.Error, "Unknown member 'a\u001b[2Jb\r\nc'.", SourceSpan.Of(2, 3, 2, 9), "/a")],
            FilesScanned = 1,
            SourceRoot = "/r",
        };
        var lines = Write(new TextReportWriter(), report).Split('\n');
        Assert.Equal(@"odd\u000Aname.json(2,3): error ACL1002: Unknown member 'a\u001B[2Jb\u000D\u000Ac'.", lines[0]);
        Assert.Equal(3, lines.Length);
    }
}

public sealed class TextReportWriterPathAndHelpTests
{
    [Fact]
    public void Given_a_folder_paths_are_relative_to_it_so_they_open_from_there()
    {
        var subfolder = Write(new TextReportWriter(pathBase: "/home/dev/agent repo/infra"), RealisticReport()).Split('\n');
        Assert.StartsWith("my stack/template.yaml(14,24): error ACL2001", subfolder[0]);
        Assert.StartsWith("../requests/create-runtime.json(1,1): error ACL1001", subfolder[2]);
        Assert.StartsWith("../requests/unreadable.json: error:", subfolder[4]);
    }

    [Fact]
    public void Help_links_follow_each_result_with_the_rules_page()
    {
        var lines = Write(new TextReportWriter(showHelpLinks: true), RealisticReport()).Split('\n');
        Assert.StartsWith("infra/my stack/template.yaml(14,24): error ACL2001", lines[0]);
        Assert.Equal(
            $"    help: https://github.com/agentcorelint/agentcorelint/blob/v{AgentCoreLint.Core.ToolInfo.Version}/rules/storage/ACL2001-mount-path.md (or: agentcorelint explain ACL2001)",
            lines[1]);
        Assert.StartsWith("infra/my stack/template.yaml(21,22): error ACL3001", lines[2]);
        Assert.Contains("/rules/secrets/ACL3001-secret-in-environment.md", lines[3]);
    }
}
