using System.Diagnostics;
using System.Text.Json;
using AgentCoreLint.Cli.Tests.Support;
using AgentCoreLint.Core.Engine;

namespace AgentCoreLint.Cli.Tests;

/// <summary>These tests change the process's current directory, so they run alone, after the parallel tests.</summary>
[CollectionDefinition(nameof(CurrentDirectoryCollection), DisableParallelization = true)]
public sealed class CurrentDirectoryCollection;

/// <summary>Without --source-root, SARIF paths are relative to the root of the git repository around the current
/// directory, so GitHub code scanning resolves them when the linter runs in a subdirectory; text paths are relative to
/// the current directory, so they can be opened from where the linter ran.</summary>
[Collection(nameof(CurrentDirectoryCollection))]
public sealed class SourceRootTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly string _previous = Directory.GetCurrentDirectory();

    public void Dispose()
    {
        Directory.SetCurrentDirectory(_previous);
        _dir.Dispose();
    }

    [Fact]
    public void Run_in_a_subdirectory_of_a_git_repository_SARIF_paths_are_repository_relative_and_text_paths_open_from_there()
    {
        Git("init", "-q", _dir.Path);
        _dir.Write("infra/agents/requests/runtime.json", Requests.BadName);
        Directory.SetCurrentDirectory(Path.Combine(_dir.Path, "infra", "agents"));

        var text = Tool.Run("lint", "--no-color", "requests/runtime.json");
        var sarif = Tool.Run("lint", "--format", "sarif", "requests");

        Assert.Equal(CommandLine.ExitFindings, text.ExitCode);
        Assert.StartsWith("requests/runtime.json(2,23): error ACL1005", text.Lines[0]);
        Assert.True(File.Exists("requests/runtime.json"));
        using var log = JsonDocument.Parse(sarif.Stdout);
        var run = log.RootElement.GetProperty("runs")[0];
        var location = run.GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
        Assert.Equal("infra/agents/requests/runtime.json", location.GetProperty("uri").GetString());
        Assert.Equal(new Uri(_dir.Path + "/").AbsoluteUri, run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString());
    }

    [Fact]
    public void Source_root_option_overrides_the_repository_root()
    {
        Git("init", "-q", _dir.Path);
        _dir.Write("infra/requests/runtime.json", Requests.BadName);
        Directory.SetCurrentDirectory(Path.Combine(_dir.Path, "infra"));

        var result = Tool.Run("lint", "--no-color", "--source-root", ".", "requests/runtime.json");

        Assert.StartsWith("requests/runtime.json(2,23): error ACL1005", result.Lines[0]);
    }

    [Fact]
    public void Outside_a_repository_paths_are_relative_to_the_current_directory()
    {
        _dir.Write("infra/requests/runtime.json", Requests.BadName);
        Directory.SetCurrentDirectory(Path.Combine(_dir.Path, "infra"));
        // The case needs a temporary folder outside any repository; say so plainly if the machine's is inside one.
        var temp = Path.GetDirectoryName(_dir.Path)!;
        Assert.True(Linter.FindSourceRoot(temp) == temp, $"{temp} is inside a git repository");

        var result = Tool.Run("lint", "--no-color", "requests/runtime.json");

        Assert.StartsWith("requests/runtime.json(2,23): error ACL1005", result.Lines[0]);
    }

    private static void Git(params string[] args)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var git = Process.Start(start)!;
        var error = git.StandardError.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"git {string.Join(' ', args)} failed: {error}");
    }
}
