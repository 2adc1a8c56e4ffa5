using System.Collections.Concurrent;
using AgentCoreLint.Core.Loading;
using AgentCoreLint.Core.Output;
using AgentCoreLint.Rules.Semantic;
using AgentCoreLint.Rules.Catalog;
using AgentCoreLint.Rules.Documents;
using AgentCoreLint.Rules.Analysis;
using AgentCoreLint.Rules.Findings;

namespace AgentCoreLint.Core.Engine;

/// <summary>
/// The lint engine: finds input files, loads each once, turns its documents into AgentCore requests through the
/// input adapters, checks each request against the service model's schema and the semantic rules, and returns a
/// deterministic <see cref="LintReport"/>. Files are linted in parallel; one file's failure never stops the run.
/// </summary>
public sealed class Linter
{
    /// <summary>File extensions linted when a directory is given (an explicitly named file is linted whatever its name).</summary>
    public static readonly IReadOnlyList<string> Extensions = new[] { ".json", ".yaml", ".yml", ".template", ".tf", ".tfvars" };

    // Folders that hold dependencies, build output or tool state, never the user's AgentCore configuration.
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal)
    {
        "node_modules", "bin", "obj", "__pycache__", "venv", "site-packages", "TestResults", "BenchmarkDotNet.Artifacts",
    };

    private readonly IReadOnlyList<IInputAdapter> _adapters;
    private readonly RequestChecker _checker;

    /// <summary>Creates an engine with the given adapters (asked in order) and request checker.</summary>
    public Linter(IReadOnlyList<IInputAdapter> adapters, RequestChecker checker)
    {
        _adapters = adapters;
        _checker = checker;
    }

    /// <summary>Creates an engine with the given adapters and semantic rules, at the built-in levels.</summary>
    public Linter(IReadOnlyList<IInputAdapter> adapters, IReadOnlyList<ISemanticRule> rules)
        : this(adapters, new RequestChecker(RuleSet.BuiltIn, rules))
    {
    }

    /// <summary>An engine with every input kind and every built-in rule.</summary>
    public static Linter CreateDefault() => new(InputAdapters.All, RequestChecker.Default);

    /// <summary>The checker every request goes through.</summary>
    public RequestChecker Checker => _checker;

    /// <summary>Lints files and directories (recursively).</summary>
    /// <param name="paths">Files or directories; relative paths are resolved against the current directory.</param>
    /// <param name="options">Run options.</param>
    /// <returns>The report; results are sorted and fingerprinted.</returns>
    /// <exception cref="FileNotFoundException">A path names neither a file nor a directory.</exception>
    public LintReport Lint(IEnumerable<string> paths, LintOptions options)
    {
        var sourceRoot = Path.GetFullPath(options.SourceRoot ?? FindSourceRoot(Directory.GetCurrentDirectory()));
        var files = Discover(paths).ToList();
        var results = new ConcurrentBag<LintResult>();
        var notifications = new ConcurrentBag<FileNotification>();
        var targets = 0;

        void LintFile(InputFile item)
        {
            var file = new SourceFile(item.FullPath, RelativePath(sourceRoot, item.FullPath));
            byte[] content;
            try
            {
                var length = new FileInfo(item.FullPath).Length;
                if (length > options.Load.MaxFileBytes)
                {
                    // Checked before reading: a huge file costs nothing, and the message can give its real size.
                    results.Add(new LintResult { File = file, Finding = FileFinding(RuleIds.ParseError, SizeMessage(length, options.Load.MaxFileBytes)) });
                    return;
                }

                content = File.ReadAllBytes(item.FullPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                notifications.Add(new FileNotification(file, $"Could not read the file: {e.GetType().Name}."));
                results.Add(new LintResult { File = file, Finding = FileFinding(RuleIds.ParseError, $"The file could not be read ({e.GetType().Name}).") });
                return;
            }

            var outcome = LintContent(content, item.FullPath, item.IsExplicit && !options.SkipUnrecognizedFiles, options);
            Interlocked.Add(ref targets, outcome.TargetCount);
            foreach (var finding in outcome.Findings)
            {
                results.Add(new LintResult { File = file, Finding = finding });
                if (RequestChecker.IsRuleFailure(finding))
                {
                    notifications.Add(new FileNotification(file, finding.Message));
                }
            }
        }

        // One file (a pre-commit chunk of one, an explicit path) needs no thread pool: start-up is the cost there.
        if (files.Count == 1)
        {
            LintFile(files[0]);
        }
        else
        {
            Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? Environment.ProcessorCount }, LintFile);
        }

        var sorted = results.ToList();
        sorted.Sort(CompareResults);

        return new LintReport
        {
            Results = Fingerprints.Assign(sorted),
            Notifications = notifications.OrderBy(n => n.File.RelativePath, StringComparer.Ordinal).ToList(),
            FilesScanned = files.Count,
            TargetsChecked = targets,
            SourceRoot = sourceRoot,
            AutomationId = options.AutomationId,
        };
    }

    /// <summary>Lints content that is not read from a file on disk (standard input) as one named file, judged like a
    /// file the user named (an unrecognised document is ACL0002 unless <see cref="LintOptions.SkipUnrecognizedFiles"/>).</summary>
    /// <param name="content">The bytes to lint.</param>
    /// <param name="fileName">The name to report and to detect the format by (e.g. <c>infra/agent.yaml</c>); relative
    /// names are taken from the current directory, as a path would be.</param>
    /// <param name="options">Run options.</param>
    /// <returns>A report of one file.</returns>
    public LintReport LintInput(byte[] content, string fileName, LintOptions options)
    {
        var sourceRoot = Path.GetFullPath(options.SourceRoot ?? FindSourceRoot(Directory.GetCurrentDirectory()));
        var fullPath = Path.GetFullPath(fileName);
        var file = new SourceFile(fullPath, RelativePath(sourceRoot, fullPath));
        var outcome = content.LongLength > options.Load.MaxFileBytes
            ? new FileOutcome(new[] { FileFinding(RuleIds.ParseError, SizeMessage(content.LongLength, options.Load.MaxFileBytes)) }, 0)
            : LintContent(content, fileName, !options.SkipUnrecognizedFiles, options);
        var results = outcome.Findings.Select(f => new LintResult { File = file, Finding = f }).ToList();
        results.Sort(CompareResults);
        return new LintReport
        {
            Results = Fingerprints.Assign(results),
            FilesScanned = 1,
            TargetsChecked = outcome.TargetCount,
            SourceRoot = sourceRoot,
            AutomationId = options.AutomationId,
        };
    }

    /// <summary>Lints one file's content. Never throws for any content.</summary>
    /// <param name="content">The file's bytes.</param>
    /// <param name="fileName">The file's name or path (for format detection and messages).</param>
    /// <param name="isExplicit">True when the user named the file: then an unrecognised document is a finding
    /// (ACL0002) rather than silently skipped.</param>
    /// <param name="options">Run options.</param>
    /// <returns>The findings and how many requests were checked.</returns>
    public FileOutcome LintContent(byte[] content, string fileName, bool isExplicit, LintOptions options)
    {
        var loaded = DocumentLoader.Load(content, fileName, options.Load);
        if (loaded.Documents.Count == 0)
        {
            // Nothing could be parsed: report it, whether named or found, since nobody can tell what it was meant to be.
            return new FileOutcome(loaded.Findings, 0);
        }

        var findings = new List<Finding>();
        var recognised = false;
        var targetCount = 0;
        foreach (var root in loaded.Documents)
        {
            var context = new InputContext(fileName, options, isExplicit);
            var adapter = _adapters.FirstOrDefault(a => a.Recognizes(root, fileName));
            adapter?.CreateTargets(root, context);
            if (context.Targets.Count == 0 && context.Findings.Count == 0)
            {
                continue;
            }

            recognised = true;
            findings.AddRange(context.Findings);
            foreach (var target in context.Targets)
            {
                targetCount++;
                findings.AddRange(_checker.Check(target, context.OriginOf(target)));
            }
        }

        if (!recognised && !isExplicit)
        {
            // A JSON or YAML file of some other tool, found in a directory: not ours to judge, syntax included.
            return new FileOutcome(Array.Empty<Finding>(), 0);
        }

        if (!recognised && isExplicit && options.Operation is null && !loaded.Documents.Any(d => d is ObjectNode))
        {
            findings.Add(FileFinding(RuleIds.UnrecognizedInput, "The file holds no JSON or YAML object, so it is not an AgentCore Control request, template or plan."));
        }

        findings.InsertRange(0, loaded.Findings);
        return new FileOutcome(findings, targetCount);
    }

    /// <summary>Checks one request: schema conformance and semantic rules, with one finding per problem.</summary>
    /// <param name="target">The request.</param>
    /// <returns>The findings for the request, suppressions and levels applied.</returns>
    public IReadOnlyList<Finding> Check(LintTarget target) => _checker.Check(target);

    /// <summary>The root of the git repository around <paramref name="directory"/>, or the directory itself.</summary>
    public static string FindSourceRoot(string directory)
    {
        for (var dir = new DirectoryInfo(directory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, ".git")))
            {
                return dir.FullName;
            }
        }

        return Path.GetFullPath(directory);
    }

    /// <summary>Deterministic order of results: path, line, column, rule, pointer, message.</summary>
    private static int CompareResults(LintResult a, LintResult b)
    {
        var order = string.CompareOrdinal(a.File.RelativePath, b.File.RelativePath);
        if (order == 0)
        {
            order = a.Finding.Span.Start.Line.CompareTo(b.Finding.Span.Start.Line);
        }

        if (order == 0)
        {
            order = a.Finding.Span.Start.Column.CompareTo(b.Finding.Span.Start.Column);
        }

        if (order == 0)
        {
            order = string.CompareOrdinal(a.Finding.RuleId, b.Finding.RuleId);
        }

        if (order == 0)
        {
            order = string.CompareOrdinal(a.Finding.Pointer, b.Finding.Pointer);
        }

        return order != 0 ? order : string.CompareOrdinal(a.Finding.Message, b.Finding.Message);
    }

    private static IEnumerable<InputFile> Discover(IEnumerable<string> paths)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path);
            if (File.Exists(full))
            {
                if (seen.Add(full))
                {
                    yield return new InputFile(full, true);
                }
            }
            else if (Directory.Exists(full))
            {
                foreach (var file in Walk(full).Where(seen.Add))
                {
                    yield return new InputFile(file, false);
                }
            }
            else
            {
                throw new FileNotFoundException($"No such file or directory: {path}", path);
            }
        }
    }

    private static IEnumerable<string> Walk(string root)
    {
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            IEnumerable<string> files, subdirs;
            try
            {
                files = Directory.GetFiles(dir).Order(StringComparer.Ordinal).ToList();
                subdirs = Directory.GetDirectories(dir).Order(StringComparer.Ordinal).Reverse().ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var file in files)
            {
                if (Extensions.Contains(Path.GetExtension(file).ToLowerInvariant()))
                {
                    yield return file;
                }
            }

            foreach (var sub in subdirs)
            {
                var name = Path.GetFileName(sub);
                // Hidden folders (.git, .terraform, .venv, .github …) and dependency/build folders are never configuration.
                if (!name.StartsWith('.') && !SkippedFolders.Contains(name) && !new DirectoryInfo(sub).Attributes.HasFlag(FileAttributes.ReparsePoint))
                {
                    pending.Push(sub);
                }
            }
        }
    }

    private static string SizeMessage(long length, long limit) =>
        $"The file is {Megabytes(length)}, over the {Megabytes(limit)} limit for one input; AgentCore requests, templates and plans are far smaller. Lint a smaller file, or raise the limit with --max-file-size.";

    private static string Megabytes(long bytes) =>
        (bytes / (1024.0 * 1024.0)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " MiB";

    private static string RelativePath(string root, string full) => Path.GetRelativePath(root, full).Replace('\\', '/');

    private static Finding FileFinding(string ruleId, string message) => Finding.ForFile(ruleId, message);
}

/// <summary>A file to lint, and whether the user named it (a class, not a tuple: generic code over value types is
/// not precompiled by ReadyToRun, and a one-file run is all start-up).</summary>
internal sealed record InputFile(string FullPath, bool IsExplicit);

/// <summary>The findings of one file and how many requests it held.</summary>
/// <param name="Findings">The findings, unsorted.</param>
/// <param name="TargetCount">How many requests were checked.</param>
public sealed record FileOutcome(IReadOnlyList<Finding> Findings, int TargetCount);

/// <summary>The input adapters, in the order they are asked.</summary>
public static class InputAdapters
{
    /// <summary>Every input kind: CloudFormation templates, Terraform plans and saved Get responses are recognised by
    /// members a request never has; the request document adapter comes last, since it recognises any object.</summary>
    public static IReadOnlyList<IInputAdapter> All { get; } = new IInputAdapter[]
    {
        new Iac.CloudFormationAdapter(),
        new Iac.TerraformPlanAdapter(),
        new Terraform.TerraformSourceAdapter(),
        new ProjectConfig.StarterToolkitConfigAdapter(),
        new ProjectConfig.AgentCoreCliProjectAdapter(),
        new Iac.SavedResponseAdapter(),
        new RequestDocumentAdapter(),
    };
}
