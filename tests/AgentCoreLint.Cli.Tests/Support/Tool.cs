namespace AgentCoreLint.Cli.Tests.Support;

/// <summary>What one in-process run of the command line returned and wrote.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>The lines of standard output, without the final empty one.</summary>
    public string[] Lines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Runs <see cref="CommandLine.Run"/> in-process with captured output, as <c>agentcorelint ARGS</c> would.</summary>
internal static class Tool
{
    public static CliResult Run(params string[] args) => RunIn(Directory.GetCurrentDirectory(), null, args);

    /// <summary>Runs with <paramref name="workingDirectory"/> as the current directory the command line is told of (text
    /// report paths are relative to it) and <paramref name="stdin"/> as standard input.</summary>
    public static CliResult RunIn(string workingDirectory, byte[]? stdin, params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var host = new CommandLine.Host(stdout, stderr, () => new MemoryStream(stdin ?? []), workingDirectory, () => false);
        var exitCode = CommandLine.Run(args, host);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary><c>lint</c> with paths relative to <paramref name="root"/>, which is also the source root and the
    /// working directory, and no colour.</summary>
    public static CliResult Lint(TempDirectory root, params string[] args) =>
        RunIn(root.Path, null, new[] { "lint", "--source-root", root.Path, "--no-color" }.Concat(args.Select(a => root.Resolve(a))).ToArray());
}

/// <summary>A temporary directory, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("acl-cli-").FullName;

    /// <summary>Writes <paramref name="content"/> to <paramref name="relative"/> (creating folders) and returns the full path.</summary>
    public string Write(string relative, string content)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    /// <summary>The full path of <paramref name="argument"/> when it names an existing entry here; otherwise the argument unchanged (an option).</summary>
    public string Resolve(string argument)
    {
        var full = System.IO.Path.Combine(Path, argument);
        return !argument.StartsWith('-') && (File.Exists(full) || Directory.Exists(full)) ? full : argument;
    }

    public string Read(string relative) => File.ReadAllText(System.IO.Path.Combine(Path, relative));

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
