using System.Security.Cryptography;
using System.Text;
using AgentCoreLint.Core.Engine;

namespace AgentCoreLint.Core.Output;

/// <summary>
/// Stable result identities for SARIF <c>partialFingerprints["agentcorelint/v1"]</c> and baselines.
/// </summary>
/// <remarks>
/// A fingerprint hashes the rule id, the file's relative path, the logical location and the JSON Pointer of the
/// finding: what is wrong and where in the document's structure, never where in the text. Line numbers are left
/// out so that edits elsewhere in the file keep the identity. The message is left out too: its wording changes
/// between tool versions and it quotes the offending value, and either would turn a baselined result into a
/// "new" one. Two results with the same inputs (e.g. two required members missing from one object) are told
/// apart by an occurrence suffix (<c>:2</c>, <c>:3</c>, …) in report order. Changing what is hashed means a new
/// key (<c>agentcorelint/v2</c>), so that old baselines are not silently misread.
/// </remarks>
public static class Fingerprints
{
    /// <summary>The <c>partialFingerprints</c> key the fingerprints are written under.</summary>
    public const string Key = "agentcorelint/v1";

    /// <summary>Hex characters kept from the SHA-256: 128 bits are plenty to tell results of one repository apart.</summary>
    private const int Length = 32;

    /// <summary>Computes the base fingerprint of one result (without an occurrence suffix).</summary>
    /// <param name="ruleId">The rule id, e.g. <c>ACL2001</c>.</param>
    /// <param name="relativePath">The file's path relative to the source root, with forward slashes.</param>
    /// <param name="logicalLocation">The finding's logical location (CloudFormation resource, Terraform address), or null.</param>
    /// <param name="pointer">The finding's JSON Pointer; <c>""</c> for the document root.</param>
    /// <returns>32 lowercase hex characters.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleId"/>, <paramref name="relativePath"/> or <paramref name="pointer"/> is null.</exception>
    public static string Compute(string ruleId, string relativePath, string? logicalLocation, string pointer)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        ArgumentNullException.ThrowIfNull(relativePath);
        ArgumentNullException.ThrowIfNull(pointer);

        // Length-prefixed fields: no choice of separator could be ambiguous, because pointers and logical
        // locations may contain any character a user put into a key. A null logical location is written as
        // "~" (which no length prefix starts with) so that it differs from an empty one.
        var text = new StringBuilder(Key).Append('\n');
        AppendField(text, ruleId);
        AppendField(text, relativePath);
        if (logicalLocation is null)
        {
            text.Append("~\n");
        }
        else
        {
            AppendField(text, logicalLocation);
        }

        AppendField(text, pointer);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return Convert.ToHexStringLower(hash)[..Length];
    }

    /// <summary>Computes the base fingerprint of <paramref name="result"/> (without an occurrence suffix).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static string Compute(LintResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Compute(result.Finding.RuleId, result.File.RelativePath, result.Finding.LogicalLocation, result.Finding.Pointer);
    }

    /// <summary>
    /// Sets <see cref="LintResult.Fingerprint"/> on every result: the base fingerprint for the first result with
    /// given inputs, then <c>base:2</c>, <c>base:3</c>, … for the following ones, in the order given.
    /// </summary>
    /// <param name="results">The results of a whole run, in the report's deterministic order; any fingerprint already
    /// set is replaced.</param>
    /// <returns>New results, in the same order, each with a fingerprint unique within the run.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="results"/> is null.</exception>
    public static IReadOnlyList<LintResult> Assign(IEnumerable<LintResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        var assigned = new List<LintResult>();
        foreach (var result in results)
        {
            var fingerprint = Compute(result);
            var occurrence = occurrences.TryGetValue(fingerprint, out var seen) ? seen + 1 : 1;
            occurrences[fingerprint] = occurrence;
            if (occurrence > 1)
            {
                fingerprint += ":" + occurrence.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            assigned.Add(result with { Fingerprint = fingerprint });
        }

        return assigned;
    }

    private static void AppendField(StringBuilder text, string value) =>
        text.Append(value.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(':').Append(value).Append('\n');
}
