using AgentCoreLint.Rules.Catalog;
using AgentCoreLint.Rules.Analysis;
using AgentCoreLint.Rules.Model;

namespace AgentCoreLint.Rules.Semantic;

/// <summary>
/// ACL2102 (warning): a VPC configuration (<c>networkModeConfig</c> / <c>vpcConfig</c>) is given while the network
/// mode is known and is not <c>VPC</c> (<c>PUBLIC</c>, <c>SANDBOX</c>). The configuration has no effect in those
/// modes, so the resource does not run in the VPC its author intended.
/// </summary>
/// <remarks>Source: shapes <c>NetworkConfiguration</c>, <c>BrowserNetworkConfiguration</c> and
/// <c>CodeInterpreterNetworkConfiguration</c> (the VPC configuration is "required when the network mode is set to
/// <c>VPC</c>"). Reported at the VPC configuration's key.</remarks>
public sealed class VpcConfigIgnoredRule() : SemanticRule(RuleIds.VpcConfigIgnored)
{
    /// <inheritdoc />
    public override void Analyze(RuleContext context)
    {
        var walk = context.Target.Walk;
        foreach (var visit in walk.Visits)
        {
            if (!NetworkConfigurations.TryRead(visit, out var network) || network.ModeText is null ||
                network.ModeText == NetworkConfigurations.VpcMode || network.Vpc is null ||
                !Nodes.IsPresent(network.Vpc.Value) || Nodes.IsUnknown(network.Vpc.Value))
            {
                continue;
            }

            var path = walk.PathOf(visit);
            context.ReportAtKey(RuleIds.VpcConfigIgnored, network.Vpc,
                $"{path}.{network.VpcMember} has no effect because {path}.networkMode is '{network.ModeText}': " +
                $"set networkMode to 'VPC' to run in these subnets, or remove {network.VpcMember}.");
        }
    }
}
