namespace AgentCoreLint.Cli.Tests.Support;

/// <summary>The repository the tests run from.</summary>
internal static class Repository
{
    /// <summary>The folder with Directory.Build.props above the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Directory.Build.props")) && Directory.Exists(Path.Combine(dir.FullName, "samples")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("The repository root (Directory.Build.props and samples/) is not above the test binaries.");
    }
}
