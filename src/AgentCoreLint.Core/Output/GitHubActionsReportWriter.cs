using System.Globalization;
using System.Text;
using AgentCoreLint.Core.Engine;
using AgentCoreLint.Rules.Findings;

namespace AgentCoreLint.Core.Output;

/// <summary>
/// Writes a report as GitHub Actions workflow commands, so that findings show as annotations on the pull request's
/// diff and the run's summary without code scanning:
/// <code>
/// ::error file=infra/agent.json,line=12,col=7,endLine=12,endColumn=19,title=ACL2001::mountPath '/mnt/a/b' has …
/// ::warning file=…::…
/// ::notice file=…::…
/// 1 error, 0 warnings, 0 notes in 3 files (2 requests checked)
/// </code>
/// Levels map to <c>error</c>, <c>warning</c> and <c>notice</c>; results suppressed by a baseline are left out; a file
/// that could not be processed is an <c>error</c> on the file. The summary line is plain text, for the log.
/// </summary>
/// <remarks>
/// <para>Paths are relative to the source root (the git repository root by default), which is what GitHub resolves
/// against the checked-out repository. Columns are 1-based; <c>endColumn</c> is inclusive, as annotations are,
/// and given only for a region on one line: GitHub ignores columns on a multi-line annotation.</para>
/// <para>Escaping is that of the Actions toolkit (<c>@actions/core</c>): in the message <c>%</c>, CR and LF become
/// <c>%25</c>, <c>%0D</c> and <c>%0A</c>; in property values <c>:</c> and <c>,</c> also become <c>%3A</c> and
/// <c>%2C</c>. A message quoting a file's content therefore cannot end the command or start another one.</para>
/// </remarks>
public sealed class GitHubActionsReportWriter : IReportWriter
{
    /// <inheritdoc />
    public void Write(LintReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);

        var line = new StringBuilder();
        foreach (var result in report.Results)
        {
            if (result.IsSuppressed)
            {
                continue;
            }

            var finding = result.Finding;
            var span = finding.Span;
            line.Clear().Append("::").Append(Command(finding.Level)).Append(" file=").Append(EscapeProperty(result.File.RelativePath))
                .Append(",line=").Append(Number(span.Start.Line))
                .Append(",endLine=").Append(Number(Math.Max(span.End.Line, span.Start.Line)));
            if (span.End.Line == span.Start.Line)
            {
                line.Append(",col=").Append(Number(span.Start.Column))
                    .Append(",endColumn=").Append(Number(Math.Max(span.Start.Column, span.End.Column - 1)));
            }

            line.Append(",title=").Append(EscapeProperty(finding.RuleId))
                .Append("::").Append(EscapeData(finding.Message)).Append('\n');
            writer.Write(line);
        }

        foreach (var notification in report.Notifications)
        {
            line.Clear().Append("::error file=").Append(EscapeProperty(notification.File.RelativePath))
                .Append(",title=").Append(EscapeProperty(ToolInfo.Name))
                .Append("::").Append(EscapeData(notification.Message)).Append('\n');
            writer.Write(line);
        }

        writer.Write(EscapeData(TextReportWriter.Summary(report)));
        writer.Write('\n');
    }

    /// <summary>A workflow command's message, escaped as <c>@actions/core</c>'s <c>escapeData</c> does.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static string EscapeData(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);
    }

    /// <summary>A workflow command's property value, escaped as <c>@actions/core</c>'s <c>escapeProperty</c> does.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static string EscapeProperty(string text) =>
        EscapeData(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

    private static string Command(FindingLevel level) => level switch
    {
        FindingLevel.Error => "error",
        FindingLevel.Warning => "warning",
        _ => "notice",
    };

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
