using System.Globalization;
using System.Text;
using System.Xml;

namespace AgentCoreLint.Core.Output;

/// <summary>What the XML writers (JUnit, checkstyle) share: writer settings and text that XML 1.0 can carry.</summary>
internal static class XmlReport
{
    /// <summary>An indented XML writer over <paramref name="writer"/>. The declaration names the text writer's encoding
    /// (UTF-8 for the CLI's file and standard output writers). Character checking stays on: <see cref="Clean"/> removes
    /// what XML 1.0 cannot hold before it reaches the writer, so a check that fires is a bug, not user input.</summary>
    public static XmlWriter Create(TextWriter writer) => XmlWriter.Create(writer, new XmlWriterSettings
    {
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Entitize,
        CloseOutput = false,
    });

    /// <summary>
    /// <paramref name="text"/> with every character XML 1.0 does not allow (C0 controls other than tab, line feed and
    /// carriage return; U+FFFE, U+FFFF; unpaired surrogates) written as a <c>\uXXXX</c> escape, as the text writer
    /// shows them. Messages quote members and values from the linted file, and a file may hold any of these.
    /// </summary>
    public static string Clean(string text)
    {
        var firstBad = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsAllowedAt(text, i))
            {
                firstBad = i;
                break;
            }

            if (char.IsHighSurrogate(text[i]))
            {
                i++;
            }
        }

        if (firstBad < 0)
        {
            return text;
        }

        var clean = new StringBuilder(text.Length + 16).Append(text, 0, firstBad);
        for (var i = firstBad; i < text.Length; i++)
        {
            if (!IsAllowedAt(text, i))
            {
                clean.Append("\\u").Append(((int)text[i]).ToString("X4", CultureInfo.InvariantCulture));
            }
            else if (char.IsHighSurrogate(text[i]))
            {
                clean.Append(text[i]).Append(text[i + 1]);
                i++;
            }
            else
            {
                clean.Append(text[i]);
            }
        }

        return clean.ToString();
    }

    private static bool IsAllowedAt(string text, int i)
    {
        var c = text[i];
        if (char.IsHighSurrogate(c))
        {
            return i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
        }

        if (char.IsLowSurrogate(c))
        {
            return false;
        }

        return c is '\t' or '\n' or '\r' || (c >= '\u0020' && c != '\uFFFE' && c != '\uFFFF');
    }
}
