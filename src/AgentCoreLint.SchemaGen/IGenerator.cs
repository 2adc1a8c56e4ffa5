namespace AgentCoreLint.SchemaGen;

/// <summary>One generated file: its path relative to the repository root (forward slashes) and its content.</summary>
internal sealed record GeneratedFile(string RelativePath, string Content);

/// <summary>Produces generated files from vendored data in the repository. Must be deterministic.</summary>
internal interface IGenerator
{
    /// <summary>A folder (relative, forward slashes) whose files this generator owns entirely: stale files in it
    /// are deleted. Null when the generator writes single files only.</summary>
    string? OwnedFolder => null;

    IEnumerable<GeneratedFile> Generate(string repoRoot);
}
