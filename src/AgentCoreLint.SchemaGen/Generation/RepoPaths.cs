namespace AgentCoreLint.SchemaGen.Generation;

/// <summary>Where generators find their inputs and put their outputs, relative to the repository root.</summary>
public static class RepoPaths
{
    /// <summary>The file that marks the repository root.</summary>
    public const string SolutionFile = "AgentCoreLint.sln";

    /// <summary>The vendored botocore service model.</summary>
    public const string ServiceModel = "schemas/aws/bedrock-agentcore-control-2023-06-05.service-2.json";

    /// <summary>The folder of generated per-operation request schemas.</summary>
    public const string ApiSchemas = "schemas/api";

    /// <summary>Turns a '/'-separated relative path into a full path below <paramref name="repoRoot"/>.</summary>
    public static string Combine(string repoRoot, string relativePath) =>
        Path.Combine(repoRoot, relativePath.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Walks up from <paramref name="start"/> to the folder that contains <see cref="SolutionFile"/>.</summary>
    /// <returns>The full path of that folder, or null when no ancestor has it.</returns>
    public static string? FindRepoRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
