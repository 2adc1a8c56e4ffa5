using AgentCoreLint.Rules.Documents;
using AgentCoreLint.Rules.Model;

namespace AgentCoreLint.Rules.Semantic;

/// <summary>
/// Finds network configurations by shape, not by path: a structure with a <c>networkMode</c> member and a member
/// of shape <c>VpcConfig</c>. In the model these are <c>NetworkConfiguration</c> (runtimes and harness
/// environments, VPC member <c>networkModeConfig</c>), <c>BrowserNetworkConfiguration</c> and
/// <c>CodeInterpreterNetworkConfiguration</c> (VPC member <c>vpcConfig</c>).
/// </summary>
internal static class NetworkConfigurations
{
    /// <summary>The network mode that requires a VPC configuration.</summary>
    public const string VpcMode = "VPC";

    /// <summary>The member naming the network mode.</summary>
    public const string ModeMember = "networkMode";

    /// <summary>The shape of the VPC configuration.</summary>
    public const string VpcConfigShape = "VpcConfig";

    /// <summary>The name of the member holding the VPC configuration, when <paramref name="shape"/> is a network configuration.</summary>
    public static bool TryGetVpcMember(Shape shape, out string vpcMember)
    {
        vpcMember = string.Empty;
        if (shape.Type != ShapeType.Structure || shape.FindMember(ModeMember) is null)
        {
            return false;
        }

        foreach (var m in shape.Members)
        {
            if (string.Equals(m.Shape, VpcConfigShape, StringComparison.Ordinal))
            {
                vpcMember = m.Name;
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads a network configuration visit: the mode member and value (when a known string) and the VPC
    /// configuration member.</summary>
    /// <returns>False when the visit is not a network configuration object.</returns>
    public static bool TryRead(ShapeVisit visit, out View view)
    {
        view = default;
        if (visit.Node is not ObjectNode obj || !TryGetVpcMember(visit.Shape, out var vpcMember))
        {
            return false;
        }

        var mode = obj.Find(ModeMember);
        var known = Nodes.TryGetString(mode?.Value, out var modeText);
        view = new View(obj, mode, known ? modeText : null, vpcMember, obj.Find(vpcMember));
        return true;
    }

    /// <summary>The network mode of the structure that owns <paramref name="owner"/>'s network configuration member
    /// (e.g. the request or harness environment holding <c>filesystemConfigurations</c>), when it is a known string.</summary>
    public static bool TryGetOwnerMode(ShapeVisit owner, out string mode, out DocNode? modeNode)
    {
        mode = string.Empty;
        modeNode = null;
        if (owner.Node is not ObjectNode obj || owner.Shape.Type != ShapeType.Structure)
        {
            return false;
        }

        foreach (var m in owner.Shape.Members)
        {
            if (!ApiModel.Shapes.TryGetValue(m.Shape, out var shape) || !TryGetVpcMember(shape, out _))
            {
                continue;
            }

            modeNode = Nodes.Member(obj[m.Name], ModeMember)?.Value;
            return Nodes.TryGetString(modeNode, out mode);
        }

        return false;
    }

    /// <summary>A network configuration as written.</summary>
    public readonly struct View
    {
        public View(ObjectNode node, PropertyNode? mode, string? modeText, string vpcMember, PropertyNode? vpc)
        {
            Node = node;
            Mode = mode;
            ModeText = modeText;
            VpcMember = vpcMember;
            Vpc = vpc;
        }

        /// <summary>The network configuration object.</summary>
        public ObjectNode Node { get; }

        /// <summary>The <c>networkMode</c> member, or null.</summary>
        public PropertyNode? Mode { get; }

        /// <summary>The network mode when it is a known string, else null.</summary>
        public string? ModeText { get; }

        /// <summary>The name of the VPC configuration member (<c>networkModeConfig</c> or <c>vpcConfig</c>).</summary>
        public string VpcMember { get; }

        /// <summary>The VPC configuration member, or null when absent.</summary>
        public PropertyNode? Vpc { get; }
    }
}
