using System.Text;
using System.Xml.Linq;
using AgentCoreLint.Cli.Tests.Support;

namespace AgentCoreLint.Cli.Tests;

/// <summary>The CI formats, standard input, --source-root checks, help links and <c>explain</c>, as a user runs them.</summary>
public sealed class FormatsAndInputTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Format_github_writes_workflow_commands_with_source_root_relative_paths()
    {
        _dir.Write("infra/runtime.json", Requests.BadName);

        var result = Tool.Lint(_dir, "--format", "github", "infra");

        Assert.Equal(CommandLine.ExitFindings, result.ExitCode);
        Assert.StartsWith("::error file=infra/runtime.json,line=2,endLine=2,col=23,endColumn=", result.Lines[0]);
        Assert.Contains(",title=ACL1005::agentRuntimeName 'support-agent'", result.Lines[0]);
        Assert.Equal("1 error, 0 warnings, 0 notes in 1 file (1 request checked)", result.Lines[^1]);
    }

    [Theory]
    [InlineData("junit", "testsuites")]
    [InlineData("checkstyle", "checkstyle")]
    public void Xml_formats_are_written_to_the_output_file_as_UTF8(string format, string rootElement)
    {
        _dir.Write("runtime.json", Requests.BadName);
        var output = Path.Combine(_dir.Path, "report.xml");

        var result = Tool.Lint(_dir, "--format", format, "--output", output, "runtime.json");

        Assert.Equal(CommandLine.ExitFindings, result.ExitCode);
        Assert.Equal("", result.Stdout);
        var text = File.ReadAllText(output);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", text);
        var doc = XDocument.Parse(text);
        Assert.Equal(rootElement, doc.Root!.Name.LocalName);
        Assert.Contains("ACL1005", text);
    }

    [Fact]
    public void Standard_input_is_linted_under_the_stdin_filename_which_also_picks_the_format()
    {
        var yaml = """
            harnessName: support_harness
            executionRoleArn: arn:aws:iam::123456789012:role/Harness
            unknownMember: 1
            """;

        var result = Tool.RunIn(_dir.Path, Encoding.UTF8.GetBytes(yaml), "lint", "--no-color", "--source-root", _dir.Path, "--stdin-filename", "infra/harness.yaml", "-");

        Assert.StartsWith("infra/harness.yaml(3,1): error ACL1002", result.Stdout);
        Assert.EndsWith("in 1 file (1 request checked)\n", result.Stdout);
        Assert.Equal(CommandLine.ExitFindings, result.ExitCode);
    }

    [Fact]
    public void Standard_input_without_a_name_is_JSON_named_stdin_json()
    {
        var result = Tool.RunIn(_dir.Path, Encoding.UTF8.GetBytes(Requests.BadName), "lint", "--no-color", "--source-root", _dir.Path, "-");

        Assert.Equal(CommandLine.ExitFindings, result.ExitCode);
        Assert.StartsWith("stdin.json(2,23): error ACL1005", result.Lines[0]);
    }

    [Theory]
    [InlineData("- (standard input) is linted on its own", "-", "runtime.json")]
    [InlineData("--stdin-filename names the file on standard input: give - as the path too", "--stdin-filename", "a.json", "runtime.json")]
    [InlineData("--source-root '/nonexistent/folder' is not a folder", "--source-root", "/nonexistent/folder", "runtime.json")]
    public void Misused_input_options_exit_2_with_one_line(string message, params string[] args)
    {
        _dir.Write("runtime.json", Requests.Clean);

        var result = Tool.RunIn(_dir.Path, [], new[] { "lint" }.Concat(args.Select(_dir.Resolve)).ToArray());

        Assert.Equal(CommandLine.ExitError, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.StartsWith("agentcorelint: " + message, result.Stderr);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Text_paths_of_files_outside_the_current_directory_lead_there()
    {
        _dir.Write("infra/runtime.json", Requests.BadName);
        Directory.CreateDirectory(Path.Combine(_dir.Path, "docs"));

        var result = Tool.RunIn(Path.Combine(_dir.Path, "docs"), null, "lint", "--no-color", "--source-root", _dir.Path, Path.Combine(_dir.Path, "infra"));

        Assert.StartsWith("../infra/runtime.json(2,23): error ACL1005", result.Lines[0]);
        Assert.True(File.Exists(Path.Combine(_dir.Path, "docs", "../infra/runtime.json")));
    }

    [Fact]
    public void Show_help_links_names_the_rule_page_under_each_finding()
    {
        _dir.Write("runtime.json", Requests.BadName);

        var result = Tool.Lint(_dir, "--show-help-links", "runtime.json");

        Assert.StartsWith("runtime.json(2,23): error ACL1005", result.Lines[0]);
        Assert.Matches(@"^    help: https://github\.com/agentcorelint/agentcorelint/blob/v[0-9.]+/rules/schema/ACL1005-pattern\.md \(or: agentcorelint explain ACL1005\)$", result.Lines[1]);
    }

    [Theory]
    [InlineData("ACL2001")]
    [InlineData("acl2001")]
    [InlineData("mount-path")]
    public void Explain_prints_the_rules_page_from_the_tool_itself(string rule)
    {
        var result = Tool.Run("explain", rule);

        Assert.Equal(CommandLine.ExitClean, result.ExitCode);
        Assert.StartsWith("# ACL2001 mount-path:", result.Stdout);
        Assert.Contains("## Non-compliant", result.Stdout);
        Assert.Contains("## How to fix", result.Stdout);
        Assert.Matches(@"\nOnline: https://github\.com/agentcorelint/agentcorelint/blob/v[0-9.]+/rules/storage/ACL2001-mount-path\.md\n$", result.Stdout);
    }

    [Fact]
    public void Explain_an_unknown_rule_exits_2_and_points_at_the_list()
    {
        var result = Tool.Run("explain", "ACL9999");

        Assert.Equal(CommandLine.ExitError, result.ExitCode);
        Assert.Equal("agentcorelint: No rule 'ACL9999'. Run 'agentcorelint rules' for the rule ids and names.\n", result.Stderr);
    }
}

/// <summary>Runs without anything to check, and --write-baseline with report options.</summary>
public sealed class NothingCheckedAndBaselineOptionsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_folder_without_any_file_to_lint_exits_2_and_says_why()
    {
        _dir.Write("empty/notes.txt", "not a config");

        var result = Tool.Lint(_dir, "empty");

        Assert.Equal(CommandLine.ExitError, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.StartsWith("agentcorelint: no files to lint in ", result.Stderr);
        Assert.Contains("*.json, *.yaml, *.yml, *.template", result.Stderr);
    }

    [Fact]
    public void Files_that_are_none_of_ours_pass_with_a_visible_warning()
    {
        _dir.Write("web/package.json", Requests.PackageJson);

        var result = Tool.Lint(_dir, "web");

        Assert.Equal(CommandLine.ExitClean, result.ExitCode);
        Assert.Equal("0 errors, 0 warnings, 0 notes in 1 file (0 requests checked)\n", result.Stdout);
        Assert.Equal("agentcorelint: warning: 1 file read, but none is an AgentCore request, template or plan, so nothing was checked.\n", result.Stderr);
    }

    [Theory]
    [InlineData("--output", "--output", "report.txt")]
    [InlineData("--format", "--format", "json")]
    [InlineData("--format", "--format", "sarif")]
    public void Write_baseline_refuses_report_options_instead_of_ignoring_them(string named, params string[] args)
    {
        _dir.Write("runtime.json", Requests.BadName);
        var baseline = Path.Combine(_dir.Path, "baseline.sarif");

        var result = Tool.Lint(_dir, new[] { "--baseline", baseline, "--write-baseline" }.Concat(args).Append("runtime.json").ToArray());

        Assert.Equal(CommandLine.ExitError, result.ExitCode);
        Assert.Equal($"agentcorelint: --write-baseline writes only the baseline ({baseline}, SARIF) and no report; remove {named}, and run again without --write-baseline for a report.\n", result.Stderr);
        Assert.False(File.Exists(baseline));
    }
}
