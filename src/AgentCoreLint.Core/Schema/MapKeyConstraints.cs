using System.Text.Json;
using System.Text.RegularExpressions;

namespace AgentCoreLint.Core.Schema;

/// <summary>The constraints a map shape puts on its keys (the JSON Schema <c>propertyNames</c> of the map's
/// definition, from the model's key shape), e.g. <c>TagsMap</c> keys: 1–128 characters matching <c>TagKey</c>'s pattern.</summary>
/// <param name="KeyShape">The key shape's name.</param>
/// <param name="MinLength">Minimum length in characters, or null.</param>
/// <param name="MaxLength">Maximum length in characters, or null.</param>
/// <param name="Pattern">The anchored pattern, or null.</param>
/// <param name="ModelPattern">The model's original (unanchored) pattern, for messages.</param>
internal sealed record MapKeyConstraint(string KeyShape, int? MinLength, int? MaxLength, string? Pattern, string? ModelPattern)
{
    // Built on first use: a schema has a constraint for every map it can hold, a document uses few of them.
    private Regex? _regex;

    /// <summary>True when <paramref name="key"/> matches <see cref="Pattern"/> (or there is none).</summary>
    /// <exception cref="RegexMatchTimeoutException">The match took over a second (the model's patterns never do).</exception>
    public bool MatchesPattern(string key) =>
        Pattern is null || (_regex ??= new Regex(Pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))).IsMatch(key);
}

/// <summary>
/// Reads map key constraints from a generated operation schema. NJsonSchema 10.7 keeps <c>propertyNames</c> but
/// never applies it, so the validator checks map keys itself with these.
/// </summary>
internal static class MapKeyConstraints
{
    /// <summary>Map shape name → its key constraint, for every map definition that constrains keys.</summary>
    public static IReadOnlyDictionary<string, MapKeyConstraint> Read(string schemaJson)
    {
        var result = new Dictionary<string, MapKeyConstraint>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(schemaJson);
        if (!document.RootElement.TryGetProperty("definitions", out var definitions))
        {
            return result;
        }

        foreach (var definition in definitions.EnumerateObject())
        {
            if (!definition.Value.TryGetProperty("propertyNames", out var names))
            {
                continue;
            }

            int? Int(string name) => names.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;
            string? Text(string name) => names.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var pattern = Text("pattern");
            result[definition.Name] = new MapKeyConstraint(
                Text("x-shape") ?? "key",
                Int("minLength"),
                Int("maxLength"),
                pattern,
                Text("x-pattern"));
        }

        return result;
    }
}
