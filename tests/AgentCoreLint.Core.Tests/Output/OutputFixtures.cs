using AgentCoreLint.Core.Engine;
using AgentCoreLint.Core.Output;
using AgentCoreLint.Rules.Documents;
using AgentCoreLint.Rules.Findings;

namespace AgentCoreLint.Core.Tests.Output;

/// <summary>Reports and results for the writer, fingerprint and baseline tests.</summary>
internal static class OutputFixtures
{
    public static readonly SourceFile Template = new("/home/dev/agent repo/infra/my stack/template.yaml", "infra/my stack/template.yaml");
    public static readonly SourceFile CreateRequest = new("/home/dev/agent repo/requests/create-runtime.json", "requests/create-runtime.json");
    public static readonly SourceFile UpdateRequest = new("/home/dev/agent repo/requests/update-runtime.json", "requests/update-runtime.json");
    public static readonly SourceFile Unreadable = new("/home/dev/agent repo/requests/unreadable.json", "requests/unreadable.json");

    public static LintResult Result(SourceFile file, string ruleId, FindingLevel level, string message, SourceSpan span, string pointer,
        string? logicalLocation = null, bool suppressed = false) =>
        new()
        {
            File = file,
            Finding = new Finding
            {
                RuleId = ruleId,
                Level = level,
                Message = message,
                Span = span,
                Pointer = pointer,
                LogicalLocation = logicalLocation,
            },
            IsSuppressed = suppressed,
        };

    /// <summary>The results of a realistic run, in report order, without fingerprints: a CloudFormation template
    /// in a folder with a space (a storage rule and a security rule, with logical locations) and two request
    /// documents (a finding at the document root, a warning, and one the baseline suppressed).</summary>
    public static IReadOnlyList<LintResult> RealisticResults() =>
    [
        Result(Template, "ACL2001", FindingLevel.Error,
            "Mount path '/mnt/data/cache' must be exactly one directory below /mnt, e.g. '/mnt/data'.",
            SourceSpan.Of(14, 24, 14, 41), "/Resources/SupportAgent/Properties/FilesystemConfigurations/0/SessionStorage/MountPath",
            "Resources/SupportAgent"),
        Result(Template, "ACL3001", FindingLevel.Error,
            "Environment variable 'DB_PASSWORD' holds a literal password ('hu****', 18 characters); store it in AWS Secrets Manager and pass its ARN.",
            SourceSpan.Of(21, 22, 21, 42), "/Resources/SupportAgent/Properties/EnvironmentVariables/DB_PASSWORD",
            "Resources/SupportAgent"),
        Result(CreateRequest, "ACL1001", FindingLevel.Error,
            "Required member 'roleArn' is missing from CreateAgentRuntime.",
            SourceSpan.Of(1, 1, 1, 2), JsonPointer.Root),
        Result(CreateRequest, "ACL2102", FindingLevel.Warning,
            "networkModeConfig is ignored because networkMode is PUBLIC; set networkMode to VPC or remove networkModeConfig.",
            SourceSpan.Of(9, 5, 9, 24), "/networkConfiguration/networkModeConfig"),
        Result(UpdateRequest, "ACL1005", FindingLevel.Error,
            "Value of 'agentRuntimeName' does not match the pattern [a-zA-Z][a-zA-Z0-9_]{0,47}.",
            SourceSpan.Of(3, 23, 3, 38), "/agentRuntimeName", suppressed: true),
    ];

    /// <summary>A realistic report with fingerprints assigned and one file that could not be read.</summary>
    public static LintReport RealisticReport() => new()
    {
        Results = Fingerprints.Assign(RealisticResults()),
        Notifications = [new FileNotification(Unreadable, "The file could not be read: permission denied.")],
        FilesScanned = 4,
        TargetsChecked = 3,
        SourceRoot = "/home/dev/agent repo",
        AutomationId = "agentcorelint/",
    };

    public static LintReport Report(IReadOnlyList<LintResult> results, IReadOnlyList<FileNotification>? notifications = null) => new()
    {
        Results = results,
        Notifications = notifications ?? [],
        FilesScanned = results.Select(r => r.File.RelativePath).Distinct().Count(),
        TargetsChecked = results.Count,
        SourceRoot = "/home/dev/agent repo",
    };

    public static string Write(IReportWriter writer, LintReport report)
    {
        var text = new StringWriter();
        writer.Write(report, text);
        return text.ToString();
    }
}

/// <summary>Finds files of the repository the tests run in.</summary>
internal static class RepoPaths
{
    /// <summary>The repository root: the nearest directory above the test binaries (or, failing that, above this
    /// source file) that holds <c>AgentCoreLint.sln</c>.</summary>
    public static string Root { get; } = FindRoot();

    public static string Get(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot([System.Runtime.CompilerServices.CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? "" })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "AgentCoreLint.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("The repository root (AgentCoreLint.sln) was not found above the test binaries.");
    }
}

/// <summary>
/// Golden-file comparison; <c>UPDATE_GOLDEN=1 dotnet test</c> rewrites the goldens instead. A mismatch fails with
/// the first differing lines in unified-diff form, not the whole file.
/// </summary>
internal static class Golden
{
    /// <summary>The folder of the golden files.</summary>
    public static string Folder { get; } = RepoPaths.Get("tests", "AgentCoreLint.Core.Tests", "Output", "golden");

    /// <summary>True when the goldens are being rewritten (<c>UPDATE_GOLDEN=1</c>).</summary>
    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";

    public static void AssertMatches(string name, string actual)
    {
        var path = Path.Combine(Folder, name);
        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"Golden file {path} is missing; run `UPDATE_GOLDEN=1 dotnet test` to create it.");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected != actual)
        {
            Assert.Fail($"The output differs from the golden file {name}; if the change is intended, run `UPDATE_GOLDEN=1 dotnet test` and review the diff.\n" +
                        Diff(expected, actual, name));
        }
    }

    /// <summary>
    /// The first hunk where <paramref name="expected"/> and <paramref name="actual"/> differ, in unified-diff form:
    /// the lines between the common start and the common end, with three lines of context, at most 40 of each side.
    /// </summary>
    public static string Diff(string expected, string actual, string name)
    {
        const int context = 3;
        const int maxLines = 40;
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var start = 0;
        while (start < a.Length && start < b.Length && a[start] == b[start])
        {
            start++;
        }

        var endA = a.Length;
        var endB = b.Length;
        while (endA > start && endB > start && a[endA - 1] == b[endB - 1])
        {
            endA--;
            endB--;
        }

        var from = Math.Max(0, start - context);
        var toA = Math.Min(a.Length, endA + context);
        var toB = Math.Min(b.Length, endB + context);
        var text = new System.Text.StringBuilder();
        text.Append("--- golden/").Append(name).Append('\n').Append("+++ actual\n");
        text.Append($"@@ -{from + 1},{toA - from} +{from + 1},{toB - from} @@\n");
        for (var i = from; i < start; i++)
        {
            text.Append(' ').Append(a[i]).Append('\n');
        }

        AppendSide(text, '-', a, start, endA, maxLines);
        AppendSide(text, '+', b, start, endB, maxLines);
        for (var i = endA; i < toA; i++)
        {
            text.Append(' ').Append(a[i]).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// A SARIF log without each rule's <c>fullDescription</c> and <c>help</c> (text and Markdown): the sample goldens keep
    /// what a rule-set change shows (id, name, shortDescription, helpUri, level, tags) and leave the rule documentation
    /// to the one catalog golden, so editing a rule's <c>.md</c> changes one file.
    /// </summary>
    public static string WithoutRuleHelp(string sarif)
    {
        var log = System.Text.Json.Nodes.JsonNode.Parse(sarif)!;
        foreach (var run in log["runs"]!.AsArray())
        {
            foreach (var rule in run!["tool"]!["driver"]!["rules"]!.AsArray())
            {
                var descriptor = rule!.AsObject();
                descriptor.Remove("fullDescription");
                descriptor.Remove("help");
            }
        }

        return log.ToJsonString(new System.Text.Json.JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }) + "\n";
    }

    private static void AppendSide(System.Text.StringBuilder text, char sign, string[] lines, int start, int end, int maxLines)
    {
        for (var i = start; i < end && i < start + maxLines; i++)
        {
            text.Append(sign).Append(lines[i]).Append('\n');
        }

        if (end - start > maxLines)
        {
            text.Append($"{sign}… {end - start - maxLines} more line(s)\n");
        }
    }
}
