using System.Diagnostics;
using AgentCoreLint.Cli.Tests.Support;

namespace AgentCoreLint.Cli.Tests;

/// <summary>The built tool on a real pseudo-terminal (util-linux <c>script</c>): nothing but the report reaches it.</summary>
public sealed class TerminalTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("lint --no-color {0}")]
    [InlineData("lint --no-color --format json {0}")]
    [InlineData("--help")]
    [InlineData("lint --help")]
    [InlineData("explain ACL2001")]
    public void Without_colour_a_terminal_gets_no_escape_sequence(string arguments)
    {
        var file = _dir.Write("runtime.json", Requests.BadName);

        var output = OnTerminal(string.Format(System.Globalization.CultureInfo.InvariantCulture, arguments, file));

        Assert.NotEqual("", output.Trim());
        Assert.DoesNotContain('\u001b', output);
    }

    [Fact]
    public void With_colour_on_a_terminal_only_colour_escapes_are_written()
    {
        var file = _dir.Write("runtime.json", Requests.BadName);

        var output = OnTerminal($"lint {file}");

        Assert.Contains("\u001b[31merror\u001b[0m ACL1005", output);
        Assert.DoesNotContain("\u001b[?1h", output);
        Assert.DoesNotContain("\u001b=", output);
    }

    [Fact]
    public void Output_redirected_to_a_shared_file_is_appended_not_written_over()
    {
        // A CI step's log is one file that every command of the step writes to, one after another.
        var dll = Path.Combine(AppContext.BaseDirectory, "agentcorelint.dll");
        var log = Path.Combine(_dir.Path, "log.txt");
        var start = new ProcessStartInfo("sh") { RedirectStandardError = true, WorkingDirectory = _dir.Path };
        foreach (var arg in new[] { "-c", $"echo before > '{log}'; dotnet '{dll}' --version >> '{log}'; dotnet '{dll}' --version >> '{log}'" })
        {
            start.ArgumentList.Add(arg);
        }

        using var sh = Process.Start(start)!;
        sh.StandardError.ReadToEnd();
        sh.WaitForExit();

        var version = AgentCoreLint.Core.ToolInfo.Version;
        Assert.Equal($"before\n{version}\n{version}\n", File.ReadAllText(log));
    }

    /// <summary>Runs the tool's dll (built beside the tests) on a pseudo-terminal and returns what the terminal got.</summary>
    private string OnTerminal(string arguments)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "agentcorelint.dll");
        Assert.True(File.Exists(dll), $"{dll} is not built beside the tests");
        var typescript = Path.Combine(_dir.Path, "typescript");
        var start = new ProcessStartInfo("script") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _dir.Path };
        foreach (var arg in new[] { "-q", "-e", "-c", $"dotnet {dll} {arguments}", typescript })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["TERM"] = "xterm";
        start.Environment.Remove("NO_COLOR");
        using var script = Process.Start(start)!;
        script.StandardOutput.ReadToEnd();
        script.StandardError.ReadToEnd();
        script.WaitForExit();
        // script(1) frames the session with "Script started/done" lines of its own; the session is in between.
        var lines = File.ReadAllText(typescript).Split('\n');
        return string.Join('\n', lines.Where(l => !l.StartsWith("Script started", StringComparison.Ordinal) && !l.StartsWith("Script done", StringComparison.Ordinal)));
    }
}
