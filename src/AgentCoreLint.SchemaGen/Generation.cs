namespace AgentCoreLint.SchemaGen;

/// <summary>Runs generators and writes or verifies their output.</summary>
internal static class Generation
{
    /// <summary>Writes (or, with <paramref name="verify"/>, compares) every generated file.</summary>
    /// <returns>The relative paths that changed (written) or differ (verify), including stale files in owned folders.</returns>
    public static IReadOnlyList<string> Run(string root, IEnumerable<IGenerator> generators, bool verify)
    {
        var changed = new List<string>();
        foreach (var generator in generators)
        {
            var files = generator.Generate(root).ToList();
            foreach (var file in files)
            {
                var path = Path.Combine(root, file.RelativePath);
                var current = File.Exists(path) ? File.ReadAllText(path) : null;
                if (current == file.Content)
                {
                    continue;
                }

                changed.Add(file.RelativePath);
                if (!verify)
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    File.WriteAllText(path, file.Content);
                }
            }

            if (generator.OwnedFolder is { } folder && Directory.Exists(Path.Combine(root, folder)))
            {
                var expected = files.Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal);
                foreach (var stale in Directory.EnumerateFiles(Path.Combine(root, folder))
                             .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/'))
                             .Where(p => !expected.Contains(p)).Order(StringComparer.Ordinal))
                {
                    changed.Add(stale);
                    if (!verify)
                    {
                        File.Delete(Path.Combine(root, stale));
                    }
                }
            }
        }

        return changed;
    }
}

/// <summary>Finds the repository root: the nearest folder upwards that holds <c>AgentCoreLint.sln</c>.</summary>
internal static class RepoRoot
{
    /// <exception cref="DirectoryNotFoundException">No such folder above <paramref name="start"/>.</exception>
    public static string Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AgentCoreLint.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No AgentCoreLint.sln above {start}.");
    }
}
