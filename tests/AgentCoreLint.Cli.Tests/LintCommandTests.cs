using AgentCoreLint.Cli.Tests.Support;

namespace AgentCoreLint.Cli.Tests;

/// <summary><c>agentcorelint lint</c>: exit codes, fail level, output file and unrecognised files.</summary>
public sealed class LintCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_clean_document_exits_0_with_a_summary()
    {
        _dir.Write("runtime.json", Requests.Clean);

        var result = Tool.Lint(_dir, "runtime.json");

        Assert.Equal(CommandLine.ExitClean, result.ExitCode);
        Assert.Equal(new[] { "0 errors, 0 warnings, 0 notes in 1 file (1 request checked)" }, result.Lines);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void Findings_exit_1_in_compiler_style()
    {
        _dir.Write("runtime.json", Requests.BadName);

        var result = Tool.Lint(_dir, "runtime.json");

        Assert.Equal(CommandLine.ExitFindings, result.ExitCode);
        Assert.StartsWith("runtime.json(2,23): error ACL1005: agentRuntimeName 'support-agent'", result.Lines[0]);
        Assert.Equal("1 error, 0 warnings, 0 notes in 1 file (1 request checked)", result.Lines[^1]);
    }

    [Theory]
    [InlineData("Argument 'xml' not recognized", "--format", "xml")]
    [InlineData("Argument 'fatal' not recognized", "--fail-level", "fatal")]
    [InlineData("--no-such-option", "--no-such-option")]
    [InlineData("--max-file-size 'ten' is not a size: give a whole number of bytes greater than 0", "--max-file-size", "ten")]
    [InlineData("--max-file-size '0' is not a size", "--max-file-size", "0")]
    [InlineData("--max-file-size '1.5' is not a size", "--max-file-size", "1.5")]
    public void A_usage_error_exits_2_and_says_so_on_stderr(string message, params string[] args)
    {
        _dir.Write("runtime.json", Requests.Clean);

        var result = Tool.Lint(_dir, args.Append("runtime.json").ToArray());

        Assert.Equal(CommandLine.ExitError, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.StartsWith("agentcorelint: ", result.Stderr);
        Assert.Contains(message, result.Stderr);
    }

    [Fact]
    public void Max_file_size_reports_larger_files_instead_of_parsing_them()
    {
        _dir.Write("runtime.json", Requests.Clean);

        var result = Tool.Lint(_dir, "--max-file-size", "10", "runtime.json");

        Assert.Equal(CommandLine.ExitFindings, result.ExitCode);
        Assert.Contains("error ACL0001", result.Stdout);
        Assert.Contains("--max-file-size", result.Stdout);
    }

    [Fact]
    public void An_unknown_command_exits_2()
    {
        var result = Tool.Run("frobnicate");

        Assert.Equal(CommandLine.ExitError, result.ExitCode);
        Assert.Contains("Unrecognized command or argument 'frobnicate'", result.Stderr);
    }

    [Fact]
    public void An_unknown_operation_exits_2()
    {
        _dir.Write("runtime.json", Requests.Clean);

        var result = Tool.Lint(_dir, "--operation", "CreateRocket", "runtime.json");

        Assert.Equal(CommandLine.ExitError, result.ExitCode);
        Assert.Contains("--operation 'CreateRocket' is not an AgentCore Control operation", result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public void A_missing_path_exits_2_and_names_it()
    {
        var result = Tool.Lint(_dir, Path.Combine(_dir.Path, "nope.json"));

        Assert.Equal(CommandLine.ExitError, result.ExitCode);
        Assert.Contains("No such file or directory", result.Stderr);
        Assert.Contains("nope.json", result.Stderr);
    }

    [Fact]
    public void Write_baseline_without_baseline_file_exits_2()
    {
        _dir.Write("runtime.json", Requests.BadName);

        var result = Tool.Lint(_dir, "--write-baseline", "runtime.json");

        Assert.Equal(CommandLine.ExitError, result.ExitCode);
        Assert.Contains("--write-baseline needs --baseline FILE", result.Stderr);
    }

    [Fact]
    public void A_warning_fails_only_at_fail_level_warning_or_note()
    {
        _dir.Write("runtime.json", Requests.WarningOnly);

        Assert.Equal(CommandLine.ExitClean, Tool.Lint(_dir, "runtime.json").ExitCode);
        Assert.Equal(CommandLine.ExitFindings, Tool.Lint(_dir, "--fail-level", "warning", "runtime.json").ExitCode);
        Assert.Equal(CommandLine.ExitFindings, Tool.Lint(_dir, "--fail-level", "note", "runtime.json").ExitCode);
        Assert.Contains("warning ACL2102", Tool.Lint(_dir, "runtime.json").Stdout);
    }

    [Fact]
    public void A_note_fails_only_at_fail_level_note()
    {
        _dir.Write("runtime.json", Requests.NoteOnly);

        Assert.Equal(CommandLine.ExitClean, Tool.Lint(_dir, "--fail-level", "warning", "runtime.json").ExitCode);
        Assert.Equal(CommandLine.ExitFindings, Tool.Lint(_dir, "--fail-level", "note", "runtime.json").ExitCode);
    }

    [Theory]
    [InlineData("text", "runtime.json(2,23): error ACL1005")]
    [InlineData("sarif", "\"ruleId\": \"ACL1005\"")]
    [InlineData("json", "\"ruleId\": \"ACL1005\"")]
    public void Output_goes_to_the_file_and_not_to_stdout(string format, string expected)
    {
        _dir.Write("runtime.json", Requests.BadName);
        var report = Path.Combine(_dir.Path, "out", "report." + format);
        Directory.CreateDirectory(Path.GetDirectoryName(report)!);

        var result = Tool.Lint(_dir, "--format", format, "--output", report, "runtime.json");

        Assert.Equal(CommandLine.ExitFindings, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains(expected, File.ReadAllText(report));
    }

    [Fact]
    public void Named_files_that_are_not_AgentCore_documents_are_findings_by_default()
    {
        _dir.Write("package.json", Requests.PackageJson);
        _dir.Write(".github/workflows/ci.yml", Requests.Workflow);

        var result = Tool.Lint(_dir, "package.json", ".github/workflows/ci.yml");

        Assert.Equal(CommandLine.ExitFindings, result.ExitCode);
        Assert.Contains(result.Lines, l => l.StartsWith("package.json(1,1): error ACL0002", StringComparison.Ordinal));
        Assert.Contains(result.Lines, l => l.StartsWith(".github/workflows/ci.yml(1,1): error ACL0002", StringComparison.Ordinal));
    }

    [Fact]
    public void Skip_unrecognized_passes_named_files_that_are_not_AgentCore_documents_quietly()
    {
        _dir.Write("package.json", Requests.PackageJson);
        _dir.Write(".github/workflows/ci.yml", Requests.Workflow);
        _dir.Write("runtime.json", Requests.Clean);

        var result = Tool.Lint(_dir, "--skip-unrecognized", "package.json", ".github/workflows/ci.yml", "runtime.json");

        Assert.Equal(CommandLine.ExitClean, result.ExitCode);
        Assert.Equal(new[] { "0 errors, 0 warnings, 0 notes in 3 files (1 request checked)" }, result.Lines);
    }

    [Fact]
    public void Skip_unrecognized_still_reports_AgentCore_documents_and_unparseable_files()
    {
        _dir.Write("package.json", Requests.PackageJson);
        _dir.Write("runtime.json", Requests.BadName);
        _dir.Write("broken.yaml", "agentRuntimeName: [unclosed\n");

        var result = Tool.Lint(_dir, "--skip-unrecognized", "package.json", "runtime.json", "broken.yaml");

        Assert.Equal(CommandLine.ExitFindings, result.ExitCode);
        Assert.Contains(result.Lines, l => l.StartsWith("runtime.json(2,23): error ACL1005", StringComparison.Ordinal));
        Assert.Contains(result.Lines, l => l.StartsWith("broken.yaml(", StringComparison.Ordinal) && l.Contains("error ACL0001", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Lines, l => l.StartsWith("package.json", StringComparison.Ordinal));
    }

    [Fact]
    public void A_directory_skips_documents_that_are_not_AgentCore_ones()
    {
        _dir.Write("package.json", Requests.PackageJson);
        _dir.Write("deploy/workflow.yml", Requests.Workflow);
        _dir.Write("deploy/runtime.json", Requests.BadName);

        var result = Tool.Lint(_dir, ".");

        Assert.Equal(CommandLine.ExitFindings, result.ExitCode);
        Assert.Equal(2, result.Lines.Length);
        Assert.StartsWith("deploy/runtime.json(2,23): error ACL1005", result.Lines[0]);
    }

    [Fact]
    public void The_shipped_GitHub_workflow_sample_is_skipped_when_samples_are_linted()
    {
        var workflow = Path.Combine(Repository.Root, "samples", "github", "agentcorelint.yml");
        Assert.True(File.Exists(workflow));

        var result = Tool.Run("lint", "--source-root", Repository.Root, "--format", "json", Path.Combine(Repository.Root, "samples"));

        using var json = System.Text.Json.JsonDocument.Parse(result.Stdout);
        var paths = json.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("path").GetString()).Distinct().ToList();
        Assert.Contains("samples/requests/invalid/update-harness.json", paths);
        Assert.DoesNotContain(paths, p => p!.StartsWith("samples/github/", StringComparison.Ordinal));
        Assert.Equal(CommandLine.ExitClean, Tool.Run("lint", "--skip-unrecognized", workflow).ExitCode);
    }
}
