using System.Globalization;
using AgentCoreLint.Rules.Documents;
using AgentCoreLint.Rules.Secrets;

namespace AgentCoreLint.Rules.Schema;

/// <summary>
/// Wording shared by the schema checks (the AgentCore Control API's shape validator and Core's CloudFormation
/// validator): counts, ranges, and values quoted in messages — never the value of a sensitive member or anything
/// that looks like a credential.
/// </summary>
public static class MessageText
{
    /// <summary>Values longer than this (UTF-16 code units) are cut in messages.</summary>
    public const int MaxEchoLength = 60;

    /// <summary>A value quoted for a message (<c>'value'</c>, cut when long; numbers bare), or a redacted description.</summary>
    /// <param name="node">The value; only scalars are quoted, anything else gives "".</param>
    /// <param name="sensitive">True when the value belongs to a sensitive member.</param>
    /// <param name="prefix">Text put before a non-empty result (usually a space).</param>
    public static string Quote(DocNode node, bool sensitive, string prefix)
    {
        if (node is not ScalarNode scalar)
        {
            return "";
        }

        // Sensitive members are never echoed, and neither is anything that looks like a credential, wherever it was put.
        if (sensitive || node.IsSensitive || (scalar.IsString && SecretDetectors.InspectText(scalar.Text) is not null))
        {
            return $"{prefix}(sensitive value, {Plural(CountScalars(scalar.Text), "character")}, not shown)";
        }

        if (!scalar.IsString)
        {
            return prefix + scalar.Text;
        }

        var text = scalar.Text;
        return text.Length <= MaxEchoLength ? $"{prefix}'{text}'" : $"{prefix}'{Cut(text)}…' ({Plural(CountScalars(text), "character")})";
    }

    /// <summary>A name cut to <see cref="MaxEchoLength"/> for messages.</summary>
    public static string Truncate(string text) => text.Length <= MaxEchoLength ? text : Cut(text) + "…";

    // Never cut between the halves of a surrogate pair: a lone surrogate is not text.
    private static string Cut(string text) =>
        text.Substring(0, char.IsHighSurrogate(text[MaxEchoLength - 1]) ? MaxEchoLength - 1 : MaxEchoLength);

    /// <summary>The bounds of a length or count: "exactly 1 item", "1 to 2 items", "at most 50 entries", "at least 1 item".</summary>
    public static string Bounds(int? min, int? max, string unit, string? plural = null)
    {
        plural ??= unit + "s";
        return (min, max) switch
        {
            ({ } lo, { } hi) when lo == hi => $"exactly {Plural(lo, unit, plural)}",
            ({ } lo and > 0, { } hi) => $"{lo} to {Plural(hi, unit, plural)}",
            (_, { } hi) => $"at most {Plural(hi, unit, plural)}",
            ({ } lo, null) => $"at least {Plural(lo, unit, plural)}",
            _ => "another size",
        };
    }

    /// <summary>"1 character", "2 characters".</summary>
    public static string Plural(int count, string unit, string? plural = null) =>
        $"{count.ToString(CultureInfo.InvariantCulture)} {(count == 1 ? unit : plural ?? unit + "s")}";

    /// <summary>A number bound for messages, or "?" when absent.</summary>
    public static string Format(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "?";

    /// <summary>Smithy counts string length in Unicode scalar values, not UTF-16 code units.</summary>
    public static int CountScalars(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }

            count++;
        }

        return count;
    }
}
