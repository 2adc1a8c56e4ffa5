using System.Net;
using System.Text.RegularExpressions;

namespace AgentCoreLint.SchemaGen.Model;

/// <summary>Turns the model's HTML documentation into one line of plain text for schema descriptions and messages.</summary>
public static partial class DocText
{
    /// <summary>
    /// Strips tags, decodes entities and collapses whitespace. Inline tags (<c>code</c>, <c>a</c>, …) vanish so
    /// that "a <c>&lt;code&gt;name&lt;/code&gt;.</c>" reads "a name."; every other tag separates words.
    /// </summary>
    /// <returns>The plain text, or null when nothing but markup and whitespace remains.</returns>
    public static string? ToPlainText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return null;
        }

        var text = Tag().Replace(html, match => InlineTags.Contains(match.Groups["name"].Value) ? "" : " ");

        // Decode after stripping: an escaped "&lt;b&gt;" in the docs is text to keep, not a tag to drop.
        text = WebUtility.HtmlDecode(text);
        text = Whitespace().Replace(text, " ").Trim();
        return text.Length == 0 ? null : text;
    }

    private static readonly HashSet<string> InlineTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "b", "code", "em", "i", "strong", "sub", "sup", "u", "span",
    };

    [GeneratedRegex(@"</?(?<name>[A-Za-z][A-Za-z0-9]*)\b[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
