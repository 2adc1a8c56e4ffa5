using AgentCoreLint.Rules.Documents;

namespace AgentCoreLint.Core.Iac;

/// <summary>
/// Recognises CloudFormation intrinsic functions in both spellings: the long form, an object with exactly one
/// member such as <c>{"Fn::Sub": "…"}</c> or <c>{"Ref": "X"}</c>, and the YAML short form, a node tagged
/// <c>!Sub</c>, <c>!Ref</c>, <c>!GetAtt</c>, … (the loader keeps the tag in <see cref="DocNode.Tag"/>).
/// Function names come from the CloudFormation template reference, "Intrinsic function reference".
/// </summary>
internal static class CfnIntrinsics
{
    /// <summary>Long-form function names (plus <c>Ref</c>); any other <c>Fn::</c> name is treated as a function too,
    /// so a newer function never reads as a property.</summary>
    private static readonly HashSet<string> KnownFunctions = new(StringComparer.Ordinal)
    {
        "Ref", "Fn::Base64", "Fn::Cidr", "Fn::FindInMap", "Fn::GetAtt", "Fn::GetAZs", "Fn::ImportValue", "Fn::Join",
        "Fn::Select", "Fn::Split", "Fn::Sub", "Fn::Transform", "Fn::If", "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or",
        "Fn::Length", "Fn::ToJsonString", "Fn::GetStackOutput",
    };

    /// <summary>Finds the intrinsic function <paramref name="node"/> is, if any.</summary>
    /// <param name="node">Any template node.</param>
    /// <param name="function">The long-form name (<c>Ref</c>, <c>Fn::Sub</c>, <c>Condition</c>, …).</param>
    /// <param name="argument">The function's argument: the tagged node itself for the short form (its tag is not
    /// part of the argument), or the member's value for the long form.</param>
    /// <returns>True when the node is a function call.</returns>
    public static bool TryGetFunction(DocNode node, out string function, out DocNode argument)
    {
        if (node.Tag is { Length: > 1 } tag && tag[0] == '!' && IsShortFormName(tag))
        {
            var name = tag[1..];
            function = name is "Ref" or "Condition" ? name : "Fn::" + name;
            argument = node;
            return true;
        }

        // "Condition" as a one-member object is a function only inside condition functions; in Properties it would
        // be an ordinary property, so the long form of Condition is not recognised here.
        if (node is ObjectNode { Properties.Count: 1 } obj &&
            (KnownFunctions.Contains(obj.Properties[0].Name) || obj.Properties[0].Name.StartsWith("Fn::", StringComparison.Ordinal)))
        {
            function = obj.Properties[0].Name;
            argument = obj.Properties[0].Value;
            return true;
        }

        function = "";
        argument = node;
        return false;
    }

    /// <summary>Short forms are <c>!</c> and a name (<c>!GetAtt</c>); YAML's own <c>!!str</c>-style tags are not functions.</summary>
    private static bool IsShortFormName(string tag)
    {
        for (var i = 1; i < tag.Length; i++)
        {
            if (!char.IsAsciiLetterOrDigit(tag[i]))
            {
                return false;
            }
        }

        return char.IsAsciiLetter(tag[1]);
    }

    /// <summary>True for <c>Ref: AWS::NoValue</c> (either spelling): the property is removed.</summary>
    public static bool IsNoValue(DocNode node) =>
        TryGetFunction(node, out var function, out var argument) && function == "Ref" &&
        argument is ScalarNode { Kind: NodeKind.String, Text: "AWS::NoValue" };

    /// <summary>True when a string holds a dynamic reference (<c>{{resolve:ssm:…}}</c>, <c>{{resolve:ssm-secure:…}}</c>,
    /// <c>{{resolve:secretsmanager:…}}</c>): CloudFormation replaces it at deployment, so the value is unknown.</summary>
    public static bool HasDynamicReference(string text) => text.Contains("{{resolve:", StringComparison.Ordinal);

    /// <summary>The pseudo parameters of the CloudFormation template reference ("Pseudo parameters reference").</summary>
    public static bool IsPseudoParameter(string name) => name.StartsWith("AWS::", StringComparison.Ordinal);
}
