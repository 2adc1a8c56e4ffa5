using AgentCoreLint.Rules.Findings;

namespace AgentCoreLint.Core.Engine;

/// <summary>A file given to the linter.</summary>
/// <param name="FullPath">The absolute path on disk.</param>
/// <param name="RelativePath">The path relative to the run's source root (<c>%SRCROOT%</c>), with forward slashes;
/// this is what every output shows and what SARIF's <c>artifactLocation.uri</c> holds.</param>
public sealed record SourceFile(string FullPath, string RelativePath);

/// <summary>One finding in one file, as reported by a run.</summary>
public sealed record LintResult
{
    /// <summary>The file the finding is in.</summary>
    public required SourceFile File { get; init; }

    /// <summary>The finding (rule, level, message, region, pointer).</summary>
    public required Finding Finding { get; init; }

    /// <summary>A stable identity for the result (SARIF <c>partialFingerprints</c>): independent of line numbers,
    /// so unrelated edits elsewhere in the file do not change it. Set by the engine.</summary>
    public string Fingerprint { get; init; } = "";

    /// <summary>True when a baseline suppressed the result; it is still written (SARIF <c>suppressions</c>)
    /// but does not count toward the exit code.</summary>
    public bool IsSuppressed { get; init; }
}

/// <summary>A file the run could not process as a whole (e.g. unreadable), for SARIF tool execution notifications.</summary>
/// <param name="File">The file.</param>
/// <param name="Message">What went wrong, without any file content.</param>
public sealed record FileNotification(SourceFile File, string Message);

/// <summary>The outcome of a lint run: results sorted deterministically (path, line, column, rule id, message).</summary>
public sealed record LintReport
{
    /// <summary>All results, suppressed ones included, in deterministic order.</summary>
    public required IReadOnlyList<LintResult> Results { get; init; }

    /// <summary>Files that failed as a whole.</summary>
    public IReadOnlyList<FileNotification> Notifications { get; init; } = Array.Empty<FileNotification>();

    /// <summary>How many files were read.</summary>
    public int FilesScanned { get; init; }

    /// <summary>How many AgentCore requests (documents or IaC resources) were checked.</summary>
    public int TargetsChecked { get; init; }

    /// <summary>The absolute source root that relative paths are relative to (SARIF <c>originalUriBaseIds.%SRCROOT%</c>).</summary>
    public required string SourceRoot { get; init; }

    /// <summary>The SARIF <c>runAutomationDetails.id</c> category, e.g. <c>agentcorelint/</c>.</summary>
    public string AutomationId { get; init; } = "agentcorelint/";
}
