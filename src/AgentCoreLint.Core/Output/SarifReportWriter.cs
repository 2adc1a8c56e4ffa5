using System.Globalization;
using System.Text;
using System.Text.Json;
using AgentCoreLint.Core.Engine;
using AgentCoreLint.Rules.Catalog;
using AgentCoreLint.Rules.Findings;

namespace AgentCoreLint.Core.Output;

/// <summary>
/// Writes a report as a SARIF 2.1.0 log for GitHub code scanning: one run, the rules that have results (from the
/// rule catalog), results with a relative <c>artifactLocation</c> under <c>%SRCROOT%</c>, a region,
/// <c>partialFingerprints["agentcorelint/v1"]</c>, baseline suppressions, and the files that failed as tool
/// execution notifications.
/// </summary>
/// <remarks>
/// The output is deterministic: indented with <c>\n</c>, no timestamps, properties in a fixed order, rules and
/// artifacts sorted, results in report order. It holds only messages and locations, never source text. A log
/// written by this class is also the baseline format (<see cref="Baseline.Load"/>).
/// </remarks>
public sealed class SarifReportWriter : IReportWriter
{
    /// <summary>The <c>$schema</c> GitHub and editors recognise for SARIF 2.1.0.</summary>
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    private readonly int _maxResults;

    /// <summary>Creates a writer that keeps at most <paramref name="maxResults"/> results per run.</summary>
    /// <param name="maxResults">The cap; GitHub rejects more than <see cref="GitHubSarifLimits.MaxResultsPerRun"/>.
    /// Results past the cap are left out (the first ones in report order are kept) and a warning notification says
    /// how many.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxResults"/> is less than 1.</exception>
    public SarifReportWriter(int maxResults = GitHubSarifLimits.MaxResultsPerRun)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxResults, 1);
        _maxResults = maxResults;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><see cref="LintReport.SourceRoot"/> is not an absolute path.</exception>
    public void Write(LintReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);

        var sourceRootUri = SarifUri.FromAbsoluteDirectory(report.SourceRoot);
        var kept = report.Results.Count > _maxResults ? report.Results.Take(_maxResults).ToList() : report.Results;
        var omitted = report.Results.Count - kept.Count;

        var rules = kept.Select(r => r.Finding.RuleId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var ruleIndex = rules.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        var artifacts = kept.Select(r => r.File.RelativePath)
            .Concat(report.Notifications.Select(n => n.File.RelativePath))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var artifactIndex = artifacts.Select((path, i) => (path, i)).ToDictionary(x => x.path, x => x.i, StringComparer.Ordinal);

        using var sink = new JsonTextSink(writer);
        var json = sink.Json;
        json.WriteStartObject();
        json.WriteString("$schema", SchemaUri);
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();

        WriteTool(json, rules);
        WriteInvocation(json, report, artifactIndex, omitted);

        json.WriteStartObject("originalUriBaseIds");
        json.WriteStartObject(SarifUri.SourceRootId);
        json.WriteString("uri", sourceRootUri);
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartArray("artifacts");
        foreach (var path in artifacts)
        {
            json.WriteStartObject();
            json.WriteStartObject("location");
            json.WriteString("uri", SarifUri.FromRelativePath(path));
            json.WriteString("uriBaseId", SarifUri.SourceRootId);
            json.WriteEndObject();
            // Every listed file is one the run was asked to analyse; saying so is also what makes the array more
            // than a copy of the result locations (the validator's SARIF2004).
            json.WriteStartArray("roles");
            json.WriteStringValue("analysisTarget");
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("results");
        foreach (var result in kept)
        {
            WriteResult(json, result, ruleIndex[result.Finding.RuleId], artifactIndex[result.File.RelativePath]);
            sink.FlushIfLarge();
        }

        json.WriteEndArray();

        if (!string.IsNullOrEmpty(report.AutomationId))
        {
            json.WriteStartObject("automationDetails");
            json.WriteString("id", report.AutomationId);
            json.WriteEndObject();
        }

        json.WriteString("columnKind", "utf16CodeUnits");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        sink.Complete();
    }

    /// <summary>The SARIF <c>reportingDescriptor.name</c> of a kebab-case rule name: <c>mount-path</c> → <c>MountPath</c>.</summary>
    public static string PascalCaseName(string kebabName)
    {
        ArgumentNullException.ThrowIfNull(kebabName);
        var name = new StringBuilder(kebabName.Length);
        foreach (var part in kebabName.Split('-', StringSplitOptions.RemoveEmptyEntries))
        {
            name.Append(char.ToUpperInvariant(part[0])).Append(part, 1, part.Length - 1);
        }

        return name.ToString();
    }

    /// <summary>Where a rule's Markdown doc is published (<see cref="RuleDescriptor.HelpUri"/>).</summary>
    public static string HelpUri(RuleDescriptor rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.HelpUri;
    }

    private static void WriteTool(Utf8JsonWriter json, IReadOnlyList<string> ruleIds)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", ToolInfo.Name);
        json.WriteString("version", ToolInfo.Version);
        json.WriteString("semanticVersion", ToolInfo.Version);
        json.WriteString("informationUri", ToolInfo.InformationUri);
        json.WriteStartArray("rules");
        foreach (var id in ruleIds)
        {
            json.WriteStartObject();
            json.WriteString("id", id);
            if (RuleCatalog.TryGet(id, out var rule) && rule is not null)
            {
                WriteRuleMetadata(json, rule);
            }
            else
            {
                WriteUncataloguedRuleMetadata(json, id);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteRuleMetadata(Utf8JsonWriter json, RuleDescriptor rule)
    {
        json.WriteString("name", PascalCaseName(rule.Name));
        WriteMessage(json, "shortDescription", rule.Title);
        WriteMessage(json, "fullDescription", rule.Description);
        if (!string.IsNullOrEmpty(rule.Help) || !string.IsNullOrEmpty(rule.HelpMarkdown))
        {
            json.WriteStartObject("help");
            // SARIF requires help.text whenever help is present; fall back to the title for a rule without help text.
            json.WriteString("text", string.IsNullOrEmpty(rule.Help) ? rule.Title : rule.Help);
            if (!string.IsNullOrEmpty(rule.HelpMarkdown))
            {
                json.WriteString("markdown", rule.HelpMarkdown);
            }

            json.WriteEndObject();
        }

        json.WriteString("helpUri", HelpUri(rule));
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", rule.DefaultLevel.ToSarif());
        json.WriteEndObject();

        var isSecurity = !string.IsNullOrEmpty(rule.SecuritySeverity);
        var tags = Tags(rule);
        if (tags.Count > 0 || isSecurity)
        {
            json.WriteStartObject("properties");
            if (tags.Count > 0)
            {
                json.WriteStartArray("tags");
                foreach (var tag in tags)
                {
                    json.WriteStringValue(tag);
                }

                json.WriteEndArray();
            }

            if (isSecurity)
            {
                json.WriteString("security-severity", rule.SecuritySeverity);
            }

            json.WriteEndObject();
        }
    }

    /// <summary>
    /// A result whose rule is not in the catalog (a user's own ACL9xxx rule, or a bug elsewhere) still needs a
    /// descriptor for its <c>ruleIndex</c>, and GitHub rejects a descriptor without short and full descriptions
    /// and help. The text says only what is known: the result messages carry the details.
    /// </summary>
    private static void WriteUncataloguedRuleMetadata(Utf8JsonWriter json, string id)
    {
        WriteMessage(json, "shortDescription", $"Rule {id}");
        WriteMessage(json, "fullDescription", $"{id} is not in the {ToolInfo.Name} rule catalog; each result's message describes the problem.");
        json.WriteStartObject("help");
        json.WriteString("text", "See the result message.");
        json.WriteEndObject();
    }

    /// <summary>The rule's tags, distinct and non-empty, with <c>security</c> first for security rules (GitHub only
    /// ranks results by <c>security-severity</c> when the rule is tagged <c>security</c>), cut to GitHub's limit.</summary>
    internal static List<string> Tags(RuleDescriptor rule)
    {
        var tags = new List<string>();
        if (!string.IsNullOrEmpty(rule.SecuritySeverity))
        {
            tags.Add("security");
        }

        foreach (var tag in rule.Tags)
        {
            if (!string.IsNullOrEmpty(tag) && !tags.Contains(tag, StringComparer.Ordinal))
            {
                tags.Add(tag);
            }
        }

        return tags.Count > GitHubSarifLimits.MaxTagsPerRule ? tags.GetRange(0, GitHubSarifLimits.MaxTagsPerRule) : tags;
    }

    private static void WriteInvocation(Utf8JsonWriter json, LintReport report, IReadOnlyDictionary<string, int> artifactIndex, int omitted)
    {
        json.WriteStartArray("invocations");
        json.WriteStartObject();
        // A file that could not be processed at all means the analysis is incomplete: say so, and say which.
        json.WriteBoolean("executionSuccessful", report.Notifications.Count == 0);
        if (report.Notifications.Count > 0 || omitted > 0)
        {
            json.WriteStartArray("toolExecutionNotifications");
            foreach (var notification in report.Notifications)
            {
                json.WriteStartObject();
                json.WriteString("level", "error");
                WriteMessage(json, "message", notification.Message);
                json.WriteStartArray("locations");
                json.WriteStartObject();
                json.WriteStartObject("physicalLocation");
                WriteArtifactLocation(json, notification.File.RelativePath, artifactIndex[notification.File.RelativePath]);
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
            }

            if (omitted > 0)
            {
                json.WriteStartObject();
                json.WriteString("level", "warning");
                WriteMessage(json, "message", OmittedMessage(omitted, report.Results.Count));
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static string OmittedMessage(int omitted, int total) => string.Create(CultureInfo.InvariantCulture,
        $"{omitted} of {total} results were omitted: GitHub code scanning accepts at most {GitHubSarifLimits.MaxResultsPerRun} results per run, so only the first {total - omitted} in path order are included. Narrow the run: lint fewer paths per run and upload each with its own category (automation id), or turn off rules you do not act on. The text and JSON outputs list every result.");

    private static void WriteResult(Utf8JsonWriter json, LintResult result, int ruleIndex, int artifactIndex)
    {
        var finding = result.Finding;
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", finding.Level.ToSarif());
        WriteMessage(json, "message", finding.Message);

        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        WriteArtifactLocation(json, result.File.RelativePath, artifactIndex);
        WriteRegion(json, finding);
        json.WriteEndObject();
        if (!string.IsNullOrEmpty(finding.LogicalLocation))
        {
            json.WriteStartArray("logicalLocations");
            json.WriteStartObject();
            json.WriteString("fullyQualifiedName", finding.LogicalLocation);
            json.WriteString("kind", "resource");
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteEndArray();

        if (!string.IsNullOrEmpty(result.Fingerprint))
        {
            json.WriteStartObject("partialFingerprints");
            json.WriteString(Fingerprints.Key, result.Fingerprint);
            json.WriteEndObject();
        }

        if (result.IsSuppressed)
        {
            json.WriteStartArray("suppressions");
            json.WriteStartObject();
            json.WriteString("kind", "external");
            json.WriteString("justification", "baseline");
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteStartObject("properties");
        json.WriteString("jsonPointer", finding.Pointer);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteArtifactLocation(Utf8JsonWriter json, string relativePath, int index)
    {
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", SarifUri.FromRelativePath(relativePath));
        json.WriteString("uriBaseId", SarifUri.SourceRootId);
        json.WriteNumber("index", index);
        json.WriteEndObject();
    }

    /// <summary>Writes the region, leaving out what is not a valid SARIF position (lines and columns are 1-based;
    /// an end before the start is dropped) rather than failing the whole log over one bad span.</summary>
    private static void WriteRegion(Utf8JsonWriter json, Finding finding)
    {
        var (start, end) = (finding.Span.Start, finding.Span.End);
        if (start.Line < 1)
        {
            return;
        }

        json.WriteStartObject("region");
        json.WriteNumber("startLine", start.Line);
        var hasColumns = start.Column >= 1;
        if (hasColumns)
        {
            json.WriteNumber("startColumn", start.Column);
        }

        if (end.Line > start.Line || (end.Line == start.Line && (!hasColumns || end.Column >= start.Column)))
        {
            json.WriteNumber("endLine", end.Line);
            if (hasColumns && end.Column >= 1)
            {
                json.WriteNumber("endColumn", end.Column);
            }
        }

        json.WriteEndObject();
    }

    private static void WriteMessage(Utf8JsonWriter json, string property, string text)
    {
        json.WriteStartObject(property);
        json.WriteString("text", text);
        json.WriteEndObject();
    }
}
