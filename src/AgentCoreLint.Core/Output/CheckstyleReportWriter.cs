using System.Globalization;
using System.Xml;
using AgentCoreLint.Core.Engine;
using AgentCoreLint.Rules.Findings;

namespace AgentCoreLint.Core.Output;

/// <summary>
/// Writes a report as checkstyle XML, which Jenkins (Warnings Next Generation), reviewdog, SonarQube importers,
/// Azure DevOps extensions and many editors read:
/// <code>
/// &lt;checkstyle version="4.3"&gt;
///   &lt;file name="infra/agent.json"&gt;
///     &lt;error line="12" column="7" severity="error" message="mountPath '/mnt/a/b' has …" source="AgentCoreLint.ACL2001" /&gt;
///   &lt;/file&gt;
/// &lt;/checkstyle&gt;
/// </code>
/// One <c>file</c> per file with results, in report order; levels map to checkstyle's severities <c>error</c>,
/// <c>warning</c> and <c>info</c>. <c>source</c> is <c>AgentCoreLint.</c> and the rule id (checkstyle's own form is
/// the check's dotted name, and consumers group by it). Results suppressed by a baseline are left out; a file that
/// could not be processed gets an <c>error</c> on line 1, without a column, with the source <c>AgentCoreLint</c>.
/// </summary>
/// <remarks><c>version</c> is the checkstyle report format version consumers expect (checkstyle's XMLLogger has
/// written 4.3 for years), not AgentCoreLint's. Paths are relative to the source root; lines and columns are 1-based;
/// text XML cannot hold is escaped as <c>\uXXXX</c>.</remarks>
public sealed class CheckstyleReportWriter : IReportWriter
{
    /// <summary>The checkstyle report format version written on the root element.</summary>
    public const string FormatVersion = "4.3";

    /// <inheritdoc />
    public void Write(LintReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);

        var entries = report.Results
            .Where(r => !r.IsSuppressed)
            .Select(r => new Entry(r.File.RelativePath, r.Finding.Span.Start.Line, r.Finding.Span.Start.Column, Severity(r.Finding.Level),
                r.Finding.Message, $"{ToolInfo.Name}.{r.Finding.RuleId}"))
            .Concat(report.Notifications.Select(n => new Entry(n.File.RelativePath, 1, null, "error", n.Message, ToolInfo.Name)));

        using (var xml = XmlReport.Create(writer))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("checkstyle");
            xml.WriteAttributeString("version", FormatVersion);
            foreach (var file in entries.GroupBy(e => e.Path, StringComparer.Ordinal))
            {
                xml.WriteStartElement("file");
                xml.WriteAttributeString("name", XmlReport.Clean(file.Key));
                foreach (var entry in file)
                {
                    xml.WriteStartElement("error");
                    xml.WriteAttributeString("line", entry.Line.ToString(CultureInfo.InvariantCulture));

                    if (entry.Column is { } column)
                    {
                        xml.WriteAttributeString("column", column.ToString(CultureInfo.InvariantCulture));
                    }

                    xml.WriteAttributeString("severity", entry.Severity);
                    xml.WriteAttributeString("message", XmlReport.Clean(entry.Message));
                    xml.WriteAttributeString("source", entry.Source);
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        writer.Write('\n');
    }

    private static string Severity(FindingLevel level) => level switch
    {
        FindingLevel.Error => "error",
        FindingLevel.Warning => "warning",
        _ => "info",
    };

    private sealed record Entry(string Path, int Line, int? Column, string Severity, string Message, string Source);
}
