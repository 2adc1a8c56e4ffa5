namespace AgentCoreLint.SchemaGen.Generation;

/// <summary>A file that a generator produces.</summary>
/// <param name="RelativePath">Path from the repository root with '/' separators, e.g. <c>schemas/api/CreateAgentRuntime.json</c>.</param>
/// <param name="Content">The full file text; written as UTF-8 without a byte order mark.</param>
public sealed record GeneratedFile(string RelativePath, string Content);

/// <summary>Produces checked-in files from vendored data. The program writes them, or with <c>--verify</c> reports drift.</summary>
public interface IGenerator
{
    /// <summary>
    /// Folders (relative, '/' separators) that hold nothing but this generator's output: a file there that the generator
    /// no longer produces is stale, and is deleted on write and reported on verify. Generators that write single files
    /// into shared folders own none.
    /// </summary>
    IReadOnlyList<string> OwnedDirectories => [];

    /// <summary>Generates every file in memory, reading inputs below <paramref name="repoRoot"/>.</summary>
    IEnumerable<GeneratedFile> Generate(string repoRoot);
}
