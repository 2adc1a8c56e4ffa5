using System.Collections.Concurrent;
using System.Text;
using AgentCoreLint.Core.Terraform.Hcl;

namespace AgentCoreLint.Core.Terraform;

/// <summary>One parsed file of a module.</summary>
/// <param name="Path">The file's path (as the linter names it).</param>
/// <param name="File">Its syntax tree.</param>
internal sealed record ModuleFile(string Path, HclFile File);

/// <summary>A <c>variable "name" { … }</c> block.</summary>
/// <param name="Name">The variable name.</param>
/// <param name="Block">The block.</param>
/// <param name="Path">The file that declares it.</param>
internal sealed record VariableDeclaration(string Name, HclBlock Block, string Path)
{
    /// <summary><c>sensitive = true</c>.</summary>
    public bool IsSensitive => Block.Body.Attribute("sensitive")?.Value is HclLiteral { Kind: HclLiteralKind.Bool, Text: "true" };

    /// <summary>The <c>default</c> expression, or null.</summary>
    public HclExpression? Default => Block.Body.Attribute("default")?.Value;
}

/// <summary>A value assigned in a <c>.tfvars</c> file.</summary>
/// <param name="Attribute">The assignment.</param>
/// <param name="Path">The file.</param>
/// <param name="IsAutoLoaded">True for <c>terraform.tfvars</c> and <c>*.auto.tfvars</c>, which Terraform always reads.</param>
internal sealed record VariableValue(HclAttribute Attribute, string Path, bool IsAutoLoaded);

/// <summary>A <c>resource "type" "name" { … }</c> block.</summary>
internal sealed record ResourceDeclaration(string Type, string Name, HclBlock Block, string Path)
{
    /// <summary>The Terraform address, e.g. <c>aws_bedrockagentcore_agent_runtime.agent</c>.</summary>
    public string Address => $"{Type}.{Name}";
}

/// <summary>
/// The Terraform files of one module as Terraform reads them: every <c>*.tf</c> file in the folder of the file being
/// linted (a module is a folder), and the variable values of its <c>*.tfvars</c> files. Files that do not parse are
/// left out (their own lint reports the error). Parsed files are cached by path, size and time of last write, so a
/// directory run parses each file once however many of its siblings are linted.
/// </summary>
internal sealed class TerraformModule
{
    private static readonly ConcurrentDictionary<string, (long Length, DateTime Written, HclFile? File)> Cache = new(StringComparer.Ordinal);

    private TerraformModule(IReadOnlyList<ModuleFile> files, IReadOnlyList<ModuleFile> varFiles)
    {
        Files = files;
        foreach (var file in files)
        {
            foreach (var block in file.File.Body.Blocks)
            {
                switch (block.Type)
                {
                    case "variable" when block.Labels.Count == 1:
                        Add(Variables, block.Labels[0].Value, new VariableDeclaration(block.Labels[0].Value, block, file.Path));
                        break;
                    case "locals":
                        foreach (var local in block.Body.Attributes)
                        {
                            Add(Locals, local.Name, (local, file.Path));
                        }

                        break;
                    case "resource" when block.Labels.Count == 2:
                        Resources.Add(new ResourceDeclaration(block.Labels[0].Value, block.Labels[1].Value, block, file.Path));
                        break;
                }
            }
        }

        foreach (var file in varFiles)
        {
            var name = System.IO.Path.GetFileName(file.Path);
            var auto = name.Equals("terraform.tfvars", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".auto.tfvars", StringComparison.OrdinalIgnoreCase);
            foreach (var attribute in file.File.Body.Attributes)
            {
                Add(Values, attribute.Name, new VariableValue(attribute, file.Path, auto));
            }
        }
    }

    /// <summary>The <c>.tf</c> files, the linted file first when it is one.</summary>
    public IReadOnlyList<ModuleFile> Files { get; }

    /// <summary>Variable declarations by name (a folder may hold several when files of different modules were
    /// gathered in one place).</summary>
    public Dictionary<string, List<VariableDeclaration>> Variables { get; } = new(StringComparer.Ordinal);

    /// <summary>Local values by name, with the file that sets each.</summary>
    public Dictionary<string, List<(HclAttribute Attribute, string Path)>> Locals { get; } = new(StringComparer.Ordinal);

    /// <summary>Values from <c>.tfvars</c> files by variable name, in file-name order (Terraform's load order: later wins).</summary>
    public Dictionary<string, List<VariableValue>> Values { get; } = new(StringComparer.Ordinal);

    /// <summary>Resources in file order.</summary>
    public List<ResourceDeclaration> Resources { get; } = new();

    /// <summary>Loads the module around <paramref name="path"/>, whose own tree is <paramref name="current"/>.</summary>
    /// <param name="path">The linted file; when it is not a file on disk, the module is that file alone.</param>
    /// <param name="current">The linted file's syntax tree.</param>
    /// <param name="maxFileBytes">Siblings larger than this are not read.</param>
    /// <param name="maxDepth">The nesting limit for siblings.</param>
    public static TerraformModule Load(string path, HclFile current, long maxFileBytes, int maxDepth)
    {
        var isVarFile = path.EndsWith(".tfvars", StringComparison.OrdinalIgnoreCase);
        var files = new List<ModuleFile>();
        var varFiles = new List<ModuleFile>();
        (isVarFile ? varFiles : files).Add(new ModuleFile(path, current));
        string? directory = null;
        try
        {
            if (File.Exists(path))
            {
                directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            directory = null;
        }

        if (directory is not null)
        {
            var self = System.IO.Path.GetFullPath(path);
            string[] siblings;
            try
            {
                siblings = Directory.GetFiles(directory).Order(StringComparer.Ordinal).ToArray();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                siblings = Array.Empty<string>();
            }

            foreach (var sibling in siblings)
            {
                var tf = sibling.EndsWith(".tf", StringComparison.OrdinalIgnoreCase);
                var tfvars = sibling.EndsWith(".tfvars", StringComparison.OrdinalIgnoreCase);
                if ((!tf && !tfvars) || string.Equals(sibling, self, StringComparison.Ordinal) || Read(sibling, maxFileBytes, maxDepth) is not { } file)
                {
                    continue;
                }

                (tf ? files : varFiles).Add(new ModuleFile(sibling, file));
            }
        }

        varFiles.Sort((a, b) => string.CompareOrdinal(System.IO.Path.GetFileName(a.Path), System.IO.Path.GetFileName(b.Path)));
        return new TerraformModule(files, varFiles);
    }

    /// <summary>The declaration among <paramref name="candidates"/> that serves <paramref name="fromPath"/>: the one in the same file,
    /// else the one whose file name shares the longest start with it (files of several modules gathered in one folder),
    /// else null when there is none.</summary>
    public static T? Closest<T>(IReadOnlyList<T> candidates, Func<T, string> pathOf, string fromPath)
    {
        if (candidates.Count == 0)
        {
            return default;
        }

        var from = System.IO.Path.GetFileName(fromPath);
        return candidates.OrderByDescending(c => CommonPrefix(System.IO.Path.GetFileName(pathOf(c)), from)).First();
    }

    private static int CommonPrefix(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n])
        {
            n++;
        }

        return n == a.Length && n == b.Length ? int.MaxValue : n;
    }

    private static void Add<T>(Dictionary<string, List<T>> map, string key, T value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = new List<T>();
        }

        list.Add(value);
    }

    private static HclFile? Read(string path, long maxFileBytes, int maxDepth)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.Length > maxFileBytes)
            {
                return null;
            }

            if (Cache.TryGetValue(path, out var cached) && cached.Length == info.Length && cached.Written == info.LastWriteTimeUtc)
            {
                return cached.File;
            }

            var bytes = File.ReadAllBytes(path);
            string text;
            try
            {
                text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                text = "\0";
            }

            var parsed = HclLoader.TryParse(text, maxDepth, out _)?.File;
            if (Cache.Count > 4096)
            {
                Cache.Clear();
            }

            Cache[path] = (info.Length, info.LastWriteTimeUtc, parsed);
            return parsed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
