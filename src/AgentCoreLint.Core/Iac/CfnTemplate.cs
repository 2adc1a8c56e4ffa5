using AgentCoreLint.Rules.Documents;

namespace AgentCoreLint.Core.Iac;

/// <summary>
/// The sections of a CloudFormation template the linter reads (CloudFormation User Guide, "Template anatomy"):
/// <c>Parameters</c> (for <c>Ref</c> to a parameter), <c>Mappings</c> (for <c>Fn::FindInMap</c>) and <c>Resources</c>.
/// Sections that are not objects are treated as absent: the template is hostile or broken, not our concern here.
/// </summary>
internal sealed class CfnTemplate
{
    private CfnTemplate(ObjectNode root)
    {
        Root = root;
        Parameters = root["Parameters"] as ObjectNode;
        Mappings = root["Mappings"] as ObjectNode;
        Resources = root["Resources"] as ObjectNode;
    }

    public ObjectNode Root { get; }

    public ObjectNode? Parameters { get; }

    public ObjectNode? Mappings { get; }

    public ObjectNode? Resources { get; }

    /// <summary>True when <paramref name="root"/> is a CloudFormation template: it declares
    /// <c>AWSTemplateFormatVersion</c>, or its <c>Resources</c> entries carry a <c>Type</c> such as <c>AWS::S3::Bucket</c>.
    /// Reads top-level members and the first few resources only.</summary>
    public static bool IsTemplate(DocNode root)
    {
        if (root is not ObjectNode obj)
        {
            return false;
        }

        if (obj.Find("AWSTemplateFormatVersion") is not null)
        {
            return true;
        }

        if (obj["Resources"] is not ObjectNode resources || resources.Properties.Count == 0)
        {
            return false;
        }

        // A request document never has a "Resources" object whose entries are typed resources.
        return resources.Properties.Take(8).Any(r =>
            r.Value is ObjectNode resource && resource["Type"] is ScalarNode { Kind: NodeKind.String } type &&
            type.Text.Contains("::", StringComparison.Ordinal));
    }

    /// <summary>The template model of <paramref name="root"/>, or null when it is not an object.</summary>
    public static CfnTemplate? From(DocNode root) => root is ObjectNode obj ? new CfnTemplate(obj) : null;

    /// <summary>A parameter's declaration, or null when the template declares none by that name.</summary>
    public ObjectNode? Parameter(string name) => Parameters?[name] as ObjectNode;
}
