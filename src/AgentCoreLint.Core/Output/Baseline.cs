using System.Globalization;
using System.Text.Json;
using AgentCoreLint.Core.Engine;

namespace AgentCoreLint.Core.Output;

/// <summary>
/// The results of an earlier run (<c>--baseline FILE</c>), read from the SARIF log that run wrote
/// (<c>--write-baseline FILE</c> writes the same SARIF as <c>--format sarif</c>). Results of the current run that
/// are in the baseline are marked suppressed: still written, not counted toward the exit code.
/// </summary>
/// <remarks>
/// A result is in the baseline when its rule id, its file and its fingerprint
/// (<c>partialFingerprints["agentcorelint/v1"]</c>, see <see cref="Fingerprints"/>) all match an entry. Results of
/// the earlier run that were themselves suppressed are entries too, so a baseline rewritten while one is applied
/// keeps them. Fingerprints carry no line numbers, so results stay matched when lines move.
/// </remarks>
public sealed class Baseline
{
    private readonly HashSet<Entry> _entries;

    private Baseline(HashSet<Entry> entries) => _entries = entries;

    /// <summary>How many distinct results the baseline holds.</summary>
    public int Count => _entries.Count;

    /// <summary>Reads a baseline from a SARIF log written by AgentCoreLint.</summary>
    /// <param name="sarif">The SARIF text; read to its end, not closed.</param>
    /// <returns>The baseline: every result of every AgentCoreLint run in the log.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sarif"/> is null.</exception>
    /// <exception cref="BaselineFormatException">The text is not JSON, is not a SARIF 2.1.0 log, has no AgentCoreLint
    /// run, or has a result without a rule id, a file URI or an AgentCoreLint fingerprint.</exception>
    public static Baseline Load(TextReader sarif)
    {
        ArgumentNullException.ThrowIfNull(sarif);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(sarif.ReadToEnd(), new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            // JsonException's own message quotes the offending character; only the position is passed on.
            throw new BaselineFormatException(string.Create(CultureInfo.InvariantCulture,
                $"The baseline is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})."), e);
        }

        using (document)
        {
            return new Baseline(ReadEntries(document.RootElement));
        }
    }

    /// <summary>True when <paramref name="result"/> (rule id, relative path, fingerprint) is in the baseline.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public bool Contains(LintResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Fingerprint.Length > 0
            && _entries.Contains(new Entry(result.Finding.RuleId, result.File.RelativePath, result.Fingerprint));
    }

    /// <summary>Marks the results that are in the baseline as suppressed.</summary>
    /// <param name="results">Results with fingerprints assigned (<see cref="Fingerprints.Assign"/>).</param>
    /// <returns>The same results in the same order, those in the baseline with <see cref="LintResult.IsSuppressed"/>
    /// set; the others unchanged (a result already suppressed stays suppressed).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="results"/> is null.</exception>
    public IReadOnlyList<LintResult> Apply(IReadOnlyList<LintResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var applied = new LintResult[results.Count];
        for (var i = 0; i < results.Count; i++)
        {
            var result = results[i];
            applied[i] = !result.IsSuppressed && Contains(result) ? result with { IsSuppressed = true } : result;
        }

        return applied;
    }

    private static HashSet<Entry> ReadEntries(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.String || version.GetString() != "2.1.0"
            || !root.TryGetProperty("runs", out var runs) || runs.ValueKind != JsonValueKind.Array)
        {
            throw new BaselineFormatException("The baseline is not a SARIF 2.1.0 log: it needs \"version\": \"2.1.0\" and a \"runs\" array.");
        }

        var entries = new HashSet<Entry>();
        var ownRuns = 0;
        var runIndex = -1;
        foreach (var run in runs.EnumerateArray())
        {
            runIndex++;
            if (!IsOwnRun(run))
            {
                // A merged log may hold other tools' runs; they have nothing to say about AgentCoreLint results.
                continue;
            }

            ownRuns++;
            if (!run.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
            {
                throw Malformed($"runs[{runIndex}] has no \"results\" array");
            }

            var artifacts = run.TryGetProperty("artifacts", out var a) && a.ValueKind == JsonValueKind.Array ? a : default;
            var resultIndex = -1;
            foreach (var result in results.EnumerateArray())
            {
                resultIndex++;
                var where = $"runs[{runIndex}].results[{resultIndex}]";
                entries.Add(new Entry(
                    RuleId(result, run) ?? throw Malformed($"{where} has no rule id"),
                    RelativePath(result, artifacts) ?? throw Malformed($"{where} has no file location"),
                    Fingerprint(result) ?? throw Malformed($"{where} has no \"{Fingerprints.Key}\" fingerprint")));
            }
        }

        if (ownRuns == 0)
        {
            throw new BaselineFormatException($"The baseline has no run of {ToolInfo.Name}: write it with --write-baseline.");
        }

        return entries;
    }

    private static BaselineFormatException Malformed(string what) =>
        new($"The baseline is not a SARIF log written by {ToolInfo.Name}: {what}.");

    private static bool IsOwnRun(JsonElement run) =>
        run.ValueKind == JsonValueKind.Object
        && TryGetString(run, out var name, "tool", "driver", "name")
        && string.Equals(name, ToolInfo.Name, StringComparison.Ordinal);

    private static string? RuleId(JsonElement result, JsonElement run)
    {
        if (TryGetString(result, out var id, "ruleId"))
        {
            return id;
        }

        // SARIF allows a result to name its rule by index alone.
        if (result.ValueKind == JsonValueKind.Object
            && result.TryGetProperty("ruleIndex", out var index) && index.TryGetInt32(out var i)
            && run.TryGetProperty("tool", out var tool) && tool.TryGetProperty("driver", out var driver)
            && driver.TryGetProperty("rules", out var rules) && rules.ValueKind == JsonValueKind.Array
            && i >= 0 && i < rules.GetArrayLength()
            && TryGetString(rules[i], out var indexed, "id"))
        {
            return indexed;
        }

        return null;
    }

    private static string? RelativePath(JsonElement result, JsonElement artifacts)
    {
        if (result.ValueKind != JsonValueKind.Object
            || !result.TryGetProperty("locations", out var locations) || locations.ValueKind != JsonValueKind.Array
            || locations.GetArrayLength() == 0
            || locations[0].ValueKind != JsonValueKind.Object
            || !locations[0].TryGetProperty("physicalLocation", out var physical) || physical.ValueKind != JsonValueKind.Object
            || !physical.TryGetProperty("artifactLocation", out var location) || location.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (TryGetString(location, out var uri, "uri"))
        {
            return SarifUri.ToRelativePath(uri);
        }

        // SARIF allows an artifactLocation to be just an index into run.artifacts.
        if (location.TryGetProperty("index", out var index) && index.TryGetInt32(out var i)
            && artifacts.ValueKind == JsonValueKind.Array && i >= 0 && i < artifacts.GetArrayLength()
            && TryGetString(artifacts[i], out var indexed, "location", "uri"))
        {
            return SarifUri.ToRelativePath(indexed);
        }

        return null;
    }

    private static string? Fingerprint(JsonElement result) =>
        TryGetString(result, out var fingerprint, "partialFingerprints", Fingerprints.Key) ? fingerprint : null;

    /// <summary>Follows <paramref name="path"/> through nested objects to a non-empty string.</summary>
    private static bool TryGetString(JsonElement element, out string value, params string[] path)
    {
        value = "";
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return false;
            }
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        value = element.GetString()!;
        return value.Length > 0;
    }

    private readonly record struct Entry(string RuleId, string RelativePath, string Fingerprint);
}
