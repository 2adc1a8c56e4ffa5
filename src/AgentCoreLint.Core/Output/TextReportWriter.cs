using System.Globalization;
using System.Text;
using AgentCoreLint.Core.Engine;
using AgentCoreLint.Rules.Findings;

namespace AgentCoreLint.Core.Output;

/// <summary>
/// Writes a report in compiler style, one line per result that is not suppressed, then one line per file that
/// could not be processed, then a summary:
/// <code>
/// infra/agent.json(12,7): error ACL2001: message
/// infra/broken.json: error: message
/// 1 error, 0 warnings, 0 notes in 2 files (1 request checked); 1 suppressed by the baseline; 1 file not processed
/// </code>
/// </summary>
/// <remarks>
/// Paths are relative to the source root, or, given a folder (the CLI gives the current directory), to that folder,
/// so that a path printed in a subfolder can be opened from there. With help links on, each result line is followed
/// by <c>    help: URI</c>, the rule's page. With colour on (the CLI turns it on for a terminal), only the level word
/// is coloured, with ANSI escapes; without colour the output holds no escape sequence at all.
/// Control characters in messages and paths (a newline, an escape) are shown as <c>\u001B</c>-style escapes:
/// a result must stay on its line, and text from a linted file must not drive the terminal.
/// </remarks>
public sealed class TextReportWriter : IReportWriter
{
    private const string Reset = "\u001b[0m";

    private readonly bool _useColor;
    private readonly string? _pathBase;
    private readonly bool _showHelpLinks;

    /// <summary>Creates a text writer.</summary>
    /// <param name="useColor">True to colour the level word with ANSI escapes (for a terminal).</param>
    /// <param name="pathBase">An absolute folder that paths are shown relative to (with <c>..</c> segments for files
    /// outside it); null to show them relative to the source root, as SARIF does.</param>
    /// <param name="showHelpLinks">True to follow each result with a line naming its rule's help page.</param>
    public TextReportWriter(bool useColor = false, string? pathBase = null, bool showHelpLinks = false)
    {
        _useColor = useColor;
        _pathBase = pathBase;
        _showHelpLinks = showHelpLinks;
    }

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
            line.Clear();
            AppendPrintable(line, DisplayPath(result.File));
            line.Append('(').Append(finding.Span.Start.Line.ToString(CultureInfo.InvariantCulture))
                .Append(',').Append(finding.Span.Start.Column.ToString(CultureInfo.InvariantCulture)).Append("): ");
            AppendLevel(line, finding.Level);
            line.Append(' ');
            AppendPrintable(line, finding.RuleId);
            line.Append(": ");
            AppendPrintable(line, finding.Message);
            line.Append('\n');
            if (_showHelpLinks && AgentCoreLint.Rules.Catalog.RuleCatalog.TryGet(finding.RuleId, out var rule) && rule is not null)
            {
                line.Append("    help: ").Append(SarifReportWriter.HelpUri(rule)).Append(" (or: agentcorelint explain ").Append(rule.Id).Append(")\n");
            }

            writer.Write(line);
        }

        foreach (var notification in report.Notifications)
        {
            line.Clear();
            AppendPrintable(line, DisplayPath(notification.File));
            line.Append(": ");
            AppendLevel(line, FindingLevel.Error);
            line.Append(": ");
            AppendPrintable(line, notification.Message);
            writer.Write(line.Append('\n'));
        }

        writer.Write(Summary(report));
        writer.Write('\n');
    }

    /// <summary>The summary line (without a newline), e.g. <c>3 errors, 1 warning, 0 notes in 12 files (5 requests checked)</c>,
    /// followed by <c>; N suppressed by the baseline</c> and <c>; N files not processed</c> when there are any.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string Summary(LintReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var counts = ReportCounts.Of(report.Results);
        var summary = new StringBuilder()
            .Append(Count(counts.Errors, "error", "errors")).Append(", ")
            .Append(Count(counts.Warnings, "warning", "warnings")).Append(", ")
            .Append(Count(counts.Notes, "note", "notes"))
            .Append(" in ").Append(Count(report.FilesScanned, "file", "files"))
            .Append(" (").Append(Count(report.TargetsChecked, "request", "requests")).Append(" checked)");
        if (counts.Suppressed > 0)
        {
            summary.Append("; ").Append(counts.Suppressed.ToString(CultureInfo.InvariantCulture)).Append(" suppressed by the baseline");
        }

        if (report.Notifications.Count > 0)
        {
            summary.Append("; ").Append(Count(report.Notifications.Count, "file", "files")).Append(" not processed");
        }

        return summary.ToString();
    }

    private string DisplayPath(SourceFile file) =>
        _pathBase is null ? file.RelativePath : Path.GetRelativePath(_pathBase, file.FullPath).Replace('\\', '/');

    private static string Count(int count, string singular, string plural) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : plural);

    private void AppendLevel(StringBuilder line, FindingLevel level)
    {
        var word = level.ToSarif();
        if (!_useColor)
        {
            line.Append(word);
            return;
        }

        var color = level switch
        {
            FindingLevel.Error => "\u001b[31m",   // red
            FindingLevel.Warning => "\u001b[33m", // yellow
            FindingLevel.Note => "\u001b[36m",    // cyan
            _ => "",
        };
        line.Append(color).Append(word).Append(color.Length > 0 ? Reset : "");
    }

    private static void AppendPrintable(StringBuilder line, string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) && c != '\t')
            {
                line.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                line.Append(c);
            }
        }
    }
}
