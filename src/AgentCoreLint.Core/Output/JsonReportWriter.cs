using AgentCoreLint.Core.Engine;
using AgentCoreLint.Rules.Findings;

namespace AgentCoreLint.Core.Output;

/// <summary>
/// Writes a report in AgentCoreLint's own JSON format, for scripts that do not want to read SARIF:
/// <code>
/// {
///   "version": 1,                                   // format version; bumped only on incompatible change
///   "tool": { "name": "AgentCoreLint", "version": "0.1.0" },
///   "summary": { "errors": 1, "warnings": 0, "notes": 0, "suppressed": 0, "files": 3, "requests": 2 },
///   "results": [ {
///     "ruleId": "ACL2001", "level": "error", "message": "…",
///     "path": "infra/agent.json",                   // relative to the source root, forward slashes, not escaped
///     "line": 12, "column": 7, "endLine": 12, "endColumn": 20,   // 1-based; end exclusive; UTF-16 columns
///     "pointer": "/filesystemConfigurations/0/mountPath",        // JSON Pointer; "" is the document root
///     "logicalLocation": null,                      // e.g. "Resources/MyRuntime"; null for request documents
///     "fingerprint": "…",                           // as SARIF partialFingerprints["agentcorelint/v1"]
///     "suppressed": false                           // true when a baseline suppressed it
///   } ],
///   "notifications": [ { "path": "infra/unreadable.json", "message": "…" } ]
/// }
/// </code>
/// Every property is always present. Summary counts leave out suppressed results, which are counted apart.
/// Results are in report order (path, line, column, rule id, message); all of them are written.
/// </summary>
public sealed class JsonReportWriter : IReportWriter
{
    /// <summary>The format version written as <c>version</c>.</summary>
    public const int FormatVersion = 1;

    /// <inheritdoc />
    public void Write(LintReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);

        var counts = ReportCounts.Of(report.Results);
        using var sink = new JsonTextSink(writer);
        var json = sink.Json;
        json.WriteStartObject();
        json.WriteNumber("version", FormatVersion);

        json.WriteStartObject("tool");
        json.WriteString("name", ToolInfo.Name);
        json.WriteString("version", ToolInfo.Version);
        json.WriteEndObject();

        json.WriteStartObject("summary");
        json.WriteNumber("errors", counts.Errors);
        json.WriteNumber("warnings", counts.Warnings);
        json.WriteNumber("notes", counts.Notes);
        json.WriteNumber("suppressed", counts.Suppressed);
        json.WriteNumber("files", report.FilesScanned);
        json.WriteNumber("requests", report.TargetsChecked);
        json.WriteEndObject();

        json.WriteStartArray("results");
        foreach (var result in report.Results)
        {
            var finding = result.Finding;
            json.WriteStartObject();
            json.WriteString("ruleId", finding.RuleId);
            json.WriteString("level", finding.Level.ToSarif());
            json.WriteString("message", finding.Message);
            json.WriteString("path", result.File.RelativePath);
            json.WriteNumber("line", finding.Span.Start.Line);
            json.WriteNumber("column", finding.Span.Start.Column);
            json.WriteNumber("endLine", finding.Span.End.Line);
            json.WriteNumber("endColumn", finding.Span.End.Column);
            json.WriteString("pointer", finding.Pointer);
            json.WriteString("logicalLocation", finding.LogicalLocation);
            json.WriteString("fingerprint", result.Fingerprint);
            json.WriteBoolean("suppressed", result.IsSuppressed);
            json.WriteEndObject();
            sink.FlushIfLarge();
        }

        json.WriteEndArray();

        json.WriteStartArray("notifications");
        foreach (var notification in report.Notifications)
        {
            json.WriteStartObject();
            json.WriteString("path", notification.File.RelativePath);
            json.WriteString("message", notification.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        sink.Complete();
    }
}
