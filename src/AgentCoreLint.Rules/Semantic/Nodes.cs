using AgentCoreLint.Rules.Documents;

namespace AgentCoreLint.Rules.Semantic;

/// <summary>Small, total helpers over document nodes: none of them throws on an unexpected kind.</summary>
internal static class Nodes
{
    /// <summary>The text of a string scalar; false for every other kind (including unknown values).</summary>
    public static bool TryGetString(DocNode? node, out string text)
    {
        if (node is ScalarNode { IsString: true } scalar)
        {
            text = scalar.Text;
            return true;
        }

        text = string.Empty;
        return false;
    }

    /// <summary>The value of an integer scalar; false for every other kind.</summary>
    public static bool TryGetInt64(DocNode? node, out long value)
    {
        if (node is ScalarNode scalar)
        {
            return scalar.TryGetInt64(out value);
        }

        value = 0;
        return false;
    }

    /// <summary>True when a member is written with a value other than null. The AWS CLI and SDK serializers drop
    /// members whose value is null before sending, so the service never sees them: null counts as absent.</summary>
    public static bool IsPresent(DocNode? node) => node is not null && node.Kind != NodeKind.Null;

    /// <summary>True when the node is a value known only at deployment.</summary>
    public static bool IsUnknown(DocNode? node) => node is not null && node.Kind == NodeKind.Unknown;

    /// <summary>The member of an object, or null when absent or when <paramref name="node"/> is not an object.</summary>
    public static PropertyNode? Member(DocNode? node, string name) => node is ObjectNode obj ? obj.Find(name) : null;

    /// <summary>Quotes a value for a message: <c>'text'</c>, shortened to 80 characters. Never use for sensitive values.</summary>
    public static string Quote(string text) =>
        text.Length <= 80 ? "'" + text + "'" : "'" + text.Substring(0, 77) + "…'";
}
