namespace AgentCoreLint.SchemaGen.Generation;

/// <summary>The command line of SchemaGen: find the repository, run the generators, write or verify.</summary>
public static class GeneratorCommand
{
    /// <summary>Exit code: everything written, or verified up to date.</summary>
    public const int Success = 0;

    /// <summary>Exit code: <c>--verify</c> found drift.</summary>
    public const int Drift = 1;

    /// <summary>Exit code: bad arguments, or an input could not be read.</summary>
    public const int Failure = 2;

    /// <summary>The usage line.</summary>
    public const string Usage = "usage: AgentCoreLint.SchemaGen [--root DIR] [--verify]";

    /// <summary>Runs the command.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="generators">The generators to run, in order.</param>
    /// <param name="output">Receives progress and drift lines.</param>
    /// <param name="error">Receives usage and failure messages.</param>
    /// <param name="currentDirectory">Where the search for the repository root starts when <c>--root</c> is not given.</param>
    /// <returns><see cref="Success"/>, <see cref="Drift"/> or <see cref="Failure"/>.</returns>
    public static int Run(string[] args, IReadOnlyList<IGenerator> generators, TextWriter output, TextWriter error, string currentDirectory)
    {
        string? root = null;
        var verify = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--verify":
                    verify = true;
                    break;
                case "--root" when i + 1 < args.Length:
                    root = Path.GetFullPath(args[++i], currentDirectory);
                    break;
                case "-h" or "--help":
                    output.WriteLine(Usage);
                    return Success;
                default:
                    error.WriteLine($"unknown or incomplete argument '{args[i]}'");
                    error.WriteLine(Usage);
                    return Failure;
            }
        }

        root ??= RepoPaths.FindRepoRoot(currentDirectory);
        if (root is null || !File.Exists(Path.Combine(root, RepoPaths.SolutionFile)))
        {
            error.WriteLine($"cannot find the repository root (a folder with {RepoPaths.SolutionFile}); pass --root DIR");
            return Failure;
        }

        DriftReport report;
        try
        {
            report = GeneratedFiles.Check(root, generators);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            error.WriteLine($"generation failed: {e.Message}");
            return Failure;
        }

        return verify ? ReportDrift(report, output) : Write(root, report, output);
    }

    private static int ReportDrift(DriftReport report, TextWriter output)
    {
        foreach (var drift in report.Drifts)
        {
            output.WriteLine($"drift: {drift.RelativePath} ({drift.Kind.ToString().ToLowerInvariant()})");
        }

        if (report.Drifts.Count == 0)
        {
            output.WriteLine($"{report.GeneratedCount} generated files are up to date.");
            return Success;
        }

        output.WriteLine($"{report.Drifts.Count} file(s) drifted from {report.GeneratedCount} generated; run AgentCoreLint.SchemaGen without --verify and commit the result.");
        return Drift;
    }

    private static int Write(string root, DriftReport report, TextWriter output)
    {
        GeneratedFiles.Apply(root, report);
        foreach (var drift in report.Drifts)
        {
            var verb = drift.Kind switch
            {
                DriftKind.Missing => "created",
                DriftKind.Differs => "updated",
                _ => "deleted",
            };
            output.WriteLine($"{verb}: {drift.RelativePath}");
        }

        output.WriteLine($"{report.GeneratedCount} generated files; {report.Drifts.Count} changed.");
        return Success;
    }
}
