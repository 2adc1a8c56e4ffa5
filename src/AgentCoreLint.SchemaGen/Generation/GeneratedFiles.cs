using System.Text;

namespace AgentCoreLint.SchemaGen.Generation;

/// <summary>How a generated file differs from the repository.</summary>
public enum DriftKind
{
    /// <summary>Generated but absent on disk.</summary>
    Missing,

    /// <summary>On disk with other content.</summary>
    Differs,

    /// <summary>On disk in an owned folder, but no longer generated.</summary>
    Stale,
}

/// <summary>One file out of step with its generator.</summary>
/// <param name="RelativePath">Path from the repository root with '/' separators.</param>
/// <param name="Kind">How it differs.</param>
/// <param name="Content">The generated content (null for stale files, which are deleted).</param>
public sealed record FileDrift(string RelativePath, DriftKind Kind, string? Content);

/// <summary>The result of comparing all generated files with the repository.</summary>
/// <param name="GeneratedCount">How many files the generators produced.</param>
/// <param name="Drifts">Files out of step, ordered by path.</param>
public sealed record DriftReport(int GeneratedCount, IReadOnlyList<FileDrift> Drifts);

/// <summary>Compares generator output with the files in the repository, and writes it.</summary>
public static class GeneratedFiles
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Runs every generator in memory and compares byte for byte with the repository.</summary>
    /// <exception cref="InvalidOperationException">Two generators produce the same path, or a path leaves the repository.</exception>
    public static DriftReport Check(string repoRoot, IEnumerable<IGenerator> generators)
    {
        var generatorList = generators.ToList();
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in generatorList.SelectMany(g => g.Generate(repoRoot)))
        {
            CheckRelativePath(file.RelativePath);
            if (!files.TryAdd(file.RelativePath, file.Content))
            {
                throw new InvalidOperationException($"Two generators produce '{file.RelativePath}'.");
            }
        }

        var drifts = new List<FileDrift>();
        foreach (var (path, content) in files)
        {
            var fullPath = RepoPaths.Combine(repoRoot, path);
            if (!File.Exists(fullPath))
            {
                drifts.Add(new FileDrift(path, DriftKind.Missing, content));
            }
            else if (!File.ReadAllBytes(fullPath).AsSpan().SequenceEqual(Utf8NoBom.GetBytes(content)))
            {
                drifts.Add(new FileDrift(path, DriftKind.Differs, content));
            }
        }

        foreach (var owned in generatorList.SelectMany(g => g.OwnedDirectories))
        {
            drifts.AddRange(FilesBelow(repoRoot, owned)
                .Where(path => !files.ContainsKey(path))
                .Select(path => new FileDrift(path, DriftKind.Stale, null)));
        }

        return new DriftReport(files.Count, drifts.OrderBy(d => d.RelativePath, StringComparer.Ordinal).ToList());
    }

    /// <summary>Brings the repository in step: writes missing and differing files, deletes stale ones.</summary>
    public static void Apply(string repoRoot, DriftReport report)
    {
        foreach (var drift in report.Drifts)
        {
            var fullPath = RepoPaths.Combine(repoRoot, drift.RelativePath);
            if (drift.Kind == DriftKind.Stale)
            {
                File.Delete(fullPath);
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
            File.WriteAllText(fullPath, drift.Content, Utf8NoBom);
        }
    }

    private static IEnumerable<string> FilesBelow(string repoRoot, string relativeDirectory)
    {
        var directory = RepoPaths.Combine(repoRoot, relativeDirectory);
        if (!Directory.Exists(directory))
        {
            return [];
        }

        return Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Select(full => Path.GetRelativePath(repoRoot, full).Replace(Path.DirectorySeparatorChar, '/'));
    }

    private static void CheckRelativePath(string path)
    {
        var segments = path.Split('/');
        if (path.Length == 0 || Path.IsPathRooted(path) || path.Contains('\\') || segments.Any(s => s is "" or "." or ".."))
        {
            throw new InvalidOperationException($"Generated path '{path}' must be relative to the repository root, with '/' separators.");
        }
    }
}
