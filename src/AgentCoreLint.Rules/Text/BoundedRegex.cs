using System.Text.RegularExpressions;

namespace AgentCoreLint.Rules.Text;

/// <summary>
/// Runs a regular expression built with a match timeout and turns a timeout into "cannot tell" instead of an
/// exception, so a pathological value ends as a decision of the caller rather than a crashed rule.
/// </summary>
internal static class BoundedRegex
{
    /// <summary>Whether <paramref name="input"/> matches <paramref name="regex"/>.</summary>
    /// <returns>True or false, or null when the match timed out and the caller has to decide.</returns>
    public static bool? IsMatch(Regex regex, string input)
    {
        try
        {
            return regex.IsMatch(input);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    /// <summary>The match of <paramref name="regex"/> searched from <paramref name="startAt"/> (look-behinds still
    /// see the text before it).</summary>
    /// <returns>The match (possibly unsuccessful), or null when the match timed out.</returns>
    public static Match? Match(Regex regex, string input, int startAt)
    {
        try
        {
            return regex.Match(input, startAt);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }
}
