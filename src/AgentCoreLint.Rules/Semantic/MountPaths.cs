using System.Text;

namespace AgentCoreLint.Rules.Semantic;

/// <summary>
/// The service model's <c>MountPath</c> shape: pattern <c>/mnt/[a-zA-Z0-9._-]+/?</c> (a whole-value match),
/// length 6–200; and the member documentation: "The path must be under <c>/mnt</c> with exactly one
/// subdirectory level (for example, <c>/mnt/data</c>)".
/// </summary>
internal static class MountPaths
{
    /// <summary>The model pattern (unanchored, as in the model).</summary>
    public const string ModelPattern = "/mnt/[a-zA-Z0-9._-]+/?";

    /// <summary>The model's maximum length.</summary>
    public const int MaxLength = 200;

    private const string Root = "/mnt";

    /// <summary>The directory a valid mount path names, without a trailing slash (<c>/mnt/data/</c> → <c>/mnt/data</c>).</summary>
    /// <returns>False when the path is not valid (see <see cref="Problem"/>).</returns>
    public static bool TryNormalize(string value, out string directory)
    {
        directory = string.Empty;
        if (Problem(value) is not null)
        {
            return false;
        }

        directory = value.EndsWith("/", StringComparison.Ordinal) ? value.Substring(0, value.Length - 1) : value;
        return true;
    }

    /// <summary>What is wrong with a mount path, as the part of a message after the quoted value, or null when it
    /// is valid. The message says what was given and what is expected, with a corrected example.</summary>
    public static string? Problem(string value)
    {
        if (value.Length == 0)
        {
            return "is empty; mount the filesystem one directory below /mnt, e.g. '/mnt/data'";
        }

        if (value[0] != '/')
        {
            return $"is a relative path; use an absolute path exactly one directory below /mnt, e.g. '{Suggest(value)}'";
        }

        if (value.Length >= Root.Length && string.Compare(value, 0, Root, 0, Root.Length, StringComparison.OrdinalIgnoreCase) == 0 &&
            (value.Length == Root.Length || value[Root.Length] == '/') &&
            string.Compare(value, 0, Root, 0, Root.Length, StringComparison.Ordinal) != 0)
        {
            return $"does not start with '/mnt/' (paths are case-sensitive); use '{Suggest(value.Substring(Root.Length))}'";
        }

        if (value == Root || value == Root + "/")
        {
            return "names /mnt itself; mount the filesystem exactly one directory below it, e.g. '/mnt/data'";
        }

        if (!value.StartsWith(Root + "/", StringComparison.Ordinal))
        {
            return $"is not under /mnt; filesystems are mounted exactly one directory below /mnt, e.g. '{Suggest(value)}'";
        }

        var rest = value.Substring(Root.Length + 1);
        if (rest.EndsWith("/", StringComparison.Ordinal))
        {
            rest = rest.Substring(0, rest.Length - 1); // one trailing slash is allowed by the pattern
        }

        var segments = rest.Split('/');
        foreach (var s in segments)
        {
            if (s.Length == 0)
            {
                return $"has an empty path segment ('//'); use exactly one directory below /mnt, e.g. '{Suggest(rest)}'";
            }
        }

        foreach (var s in segments)
        {
            if (s == "." || s == "..")
            {
                return $"uses a '{s}' segment; mount the filesystem at a named directory exactly one level below /mnt, e.g. '{Suggest(rest)}'";
            }
        }

        if (segments.Length > 1)
        {
            return $"has {segments.Length} directory levels below /mnt; use exactly one, e.g. '{Root}/{Clean(segments[0])}'";
        }

        foreach (var c in rest)
        {
            if (!IsNameChar(c))
            {
                return $"contains '{c}', which a mount directory name cannot contain (only letters, digits, '.', '_' and '-'); e.g. '{Root}/{Clean(rest)}'";
            }
        }

        if (value.Length > MaxLength)
        {
            return $"is {value.Length} characters long; the limit is {MaxLength}";
        }

        return null;
    }

    private static bool IsNameChar(char c) =>
        c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '.' or '_' or '-';

    // A corrected example built from what the user wrote: the last usable segment below /mnt.
    private static string Suggest(string path)
    {
        var segments = path.Split('/');
        for (var i = segments.Length - 1; i >= 0; i--)
        {
            var s = segments[i];
            if (s.Length > 0 && s != "." && s != ".." && !string.Equals(s, "mnt", StringComparison.OrdinalIgnoreCase))
            {
                return Root + "/" + Clean(s);
            }
        }

        return Root + "/data";
    }

    private static string Clean(string segment)
    {
        var sb = new StringBuilder(Math.Min(segment.Length, 64));
        foreach (var c in segment)
        {
            if (sb.Length == 64)
            {
                break;
            }

            sb.Append(IsNameChar(c) ? c : '-');
        }

        var cleaned = sb.ToString().Trim('-');
        return cleaned.Length == 0 || cleaned == "." || cleaned == ".." ? "data" : cleaned;
    }
}
