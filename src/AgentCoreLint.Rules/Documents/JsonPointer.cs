using System.Text;

namespace AgentCoreLint.Rules.Documents;

/// <summary>
/// JSON Pointers (RFC 6901): <c>""</c> is the whole document, <c>/a/0/b~1c</c> is member <c>b/c</c> of the
/// first item of member <c>a</c>. Every node of a document tree carries the pointer of its place in the file.
/// </summary>
public static class JsonPointer
{
    /// <summary>The pointer of the document root: the empty string.</summary>
    public const string Root = "";

    /// <summary>Appends one reference token (a member name or an array index) to <paramref name="pointer"/>,
    /// escaping <c>~</c> as <c>~0</c> and <c>/</c> as <c>~1</c>.</summary>
    /// <param name="pointer">A valid JSON Pointer.</param>
    /// <param name="token">The unescaped member name or index.</param>
    /// <returns>The child pointer.</returns>
    public static string Append(string pointer, string token)
    {
        if (token.IndexOf('~') < 0 && token.IndexOf('/') < 0)
        {
            return pointer + "/" + token;
        }

        return pointer + "/" + token.Replace("~", "~0").Replace("/", "~1");
    }

    /// <summary>Appends an array index to <paramref name="pointer"/>.</summary>
    public static string Append(string pointer, int index) =>
        pointer + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Splits a pointer into its unescaped reference tokens.</summary>
    /// <param name="pointer">A JSON Pointer; <c>""</c> yields no tokens.</param>
    /// <exception cref="ArgumentException">The pointer is neither empty nor starts with <c>/</c>.</exception>
    public static IReadOnlyList<string> Parse(string pointer)
    {
        if (pointer.Length == 0)
        {
            return Array.Empty<string>();
        }

        if (pointer[0] != '/')
        {
            throw new ArgumentException($"A JSON Pointer starts with '/': '{pointer}'.", nameof(pointer));
        }

        var tokens = new List<string>();
        var current = new StringBuilder();
        for (var i = 1; i < pointer.Length; i++)
        {
            var c = pointer[i];
            if (c == '/')
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
            else if (c == '~' && i + 1 < pointer.Length && (pointer[i + 1] == '0' || pointer[i + 1] == '1'))
            {
                current.Append(pointer[i + 1] == '0' ? '~' : '/');
                i++;
            }
            else
            {
                current.Append(c);
            }
        }

        tokens.Add(current.ToString());
        return tokens;
    }
}
