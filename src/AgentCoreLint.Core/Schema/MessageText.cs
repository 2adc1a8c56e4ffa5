using System.Globalization;
using AgentCoreLint.Rules.Documents;
using AgentCoreLint.Rules.Secrets;

namespace AgentCoreLint.Core.Schema;

/// <summary>
/// Wording shared by the schema validators (AgentCore Control API and CloudFormation): counts, ranges, and values
/// quoted in messages — never the value of a sensitive member or anything that looks like a credential.
/// </summary>
internal static class MessageText
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
        return text.Length <= MaxEchoLength ? $"{prefix}'{text}'" : $"{prefix}'{text[..MaxEchoLength]}…' ({Plural(CountScalars(text), "character")})";
    }

    /// <summary>A name cut to <see cref="MaxEchoLength"/> for messages.</summary>
    public static string Truncate(string text) => text.Length <= MaxEchoLength ? text : text[..MaxEchoLength] + "…";

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

    /// <summary>NJsonSchema uses 0 for "no maximum" on item and property counts.</summary>
    public static int? NullIfZero(int? value) => value is 0 ? null : value;

    /// <summary>"1 character", "2 characters".</summary>
    public static string Plural(int count, string unit, string? plural = null) =>
        $"{count.ToString(CultureInfo.InvariantCulture)} {(count == 1 ? unit : plural ?? unit + "s")}";

    /// <summary>A number bound for messages, or "?" when absent.</summary>
    public static string Format(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "?";

    /// <summary>Smithy counts string length in Unicode scalar values, not UTF-16 code units.</summary>
    public static int CountScalars(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    /// <summary>Where a value finding points: a scalar itself; an object or list at its member key, the property's own
    /// line (a block mapping's span starts at its first nested key).</summary>
    public static SourceSpan Where(IndexedNode at) =>
        at.Node is ObjectNode or ArrayNode && at.Holder is { } holder ? holder.KeySpan : at.Node.Span;
}
