using System.Text;

namespace AgentCoreLint.Core.Output;

/// <summary>URI forms of paths for SARIF (RFC 3986): relative references for results, a file URI for the root.</summary>
internal static class SarifUri
{
    /// <summary>The <c>uriBaseId</c> every result's <c>artifactLocation</c> is relative to.</summary>
    public const string SourceRootId = "%SRCROOT%";

    /// <summary>Percent-encodes each segment of a forward-slash relative path (a space becomes <c>%20</c>, <c>#</c>
    /// becomes <c>%23</c>); the slashes stay, so the result is a relative reference.</summary>
    public static string FromRelativePath(string relativePath)
    {
        var segments = relativePath.Replace('\\', '/').Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            segments[i] = Uri.EscapeDataString(segments[i]);
        }

        return string.Join('/', segments);
    }

    /// <summary>The relative path a <see cref="FromRelativePath"/> reference stands for.</summary>
    public static string ToRelativePath(string uri) => Uri.UnescapeDataString(uri);

    /// <summary>
    /// The <c>file:</c> URI of an absolute directory, ending with <c>/</c> as SARIF requires of a base URI.
    /// Built by hand rather than with <see cref="Uri"/> so that the result does not depend on the platform the
    /// tool runs on (a Windows path gives <c>file:///C:/…</c> on Linux too).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="directory"/> is not an absolute path.</exception>
    public static string FromAbsoluteDirectory(string directory)
    {
        var path = directory.Replace('\\', '/');
        var uri = new StringBuilder("file://");
        string rest;
        if (path.StartsWith("//", StringComparison.Ordinal))
        {
            // UNC path //server/share/...: the server is the URI's authority.
            var hostEnd = path.IndexOf('/', 2);
            var host = hostEnd < 0 ? path[2..] : path[2..hostEnd];
            uri.Append(Uri.EscapeDataString(host));
            rest = hostEnd < 0 ? "" : path[(hostEnd + 1)..];
        }
        else if (path.Length >= 3 && char.IsAsciiLetter(path[0]) && path[1] == ':' && path[2] == '/')
        {
            // Drive letter C:/...: written as file:///C:/..., the colon unescaped (RFC 8089, appendix E.2).
            uri.Append('/').Append(path, 0, 2);
            rest = path[3..];
        }
        else if (path.StartsWith('/'))
        {
            rest = path[1..];
        }
        else
        {
            throw new ArgumentException($"The source root must be an absolute path: '{directory}'.", nameof(directory));
        }

        uri.Append('/');
        foreach (var segment in rest.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            uri.Append(Uri.EscapeDataString(segment)).Append('/');
        }

        return uri.ToString();
    }
}
