using AgentCoreLint.Rules.Catalog;
using System.Text.RegularExpressions;
using AgentCoreLint.Rules.Documents;
using AgentCoreLint.Rules.Analysis;
using AgentCoreLint.Rules.Model;
using AgentCoreLint.Rules.Text;

namespace AgentCoreLint.Rules.Semantic;

/// <summary>
/// ACL2101: network mode <c>VPC</c> needs its VPC configuration (<c>networkModeConfig</c> for runtimes and harness
/// environments, <c>vpcConfig</c> for browsers and code interpreters) with at least one subnet and one security
/// group, each a well-formed id listed once.
/// </summary>
/// <remarks>
/// Sources: shape <c>VpcConfig</c> (<c>subnets</c> and <c>securityGroups</c> required, 1–16 items each); shapes
/// <c>SubnetId</c> (pattern <c>subnet-[0-9a-zA-Z]{8,17}</c>) and <c>SecurityGroupId</c> (pattern
/// <c>sg-[0-9a-zA-Z]{8,17}</c>), matched as whole values; <c>BrowserNetworkConfiguration.vpcConfig</c> and
/// <c>CodeInterpreterNetworkConfiguration.vpcConfig</c> documentation: "This configuration is required when the
/// network mode is set to <c>VPC</c>". Findings on a missing or empty list and on a malformed id replace the
/// schema's required-member, count and pattern findings at the same place.
/// </remarks>
public sealed class VpcIncompleteRule() : SemanticRule(RuleIds.VpcIncomplete)
{
    private static readonly Regex SubnetId = new("^subnet-[0-9a-zA-Z]{8,17}$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
    private static readonly Regex SecurityGroupId = new("^sg-[0-9a-zA-Z]{8,17}$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));

    /// <inheritdoc />
    public override void Analyze(RuleContext context)
    {
        var walk = context.Target.Walk;
        foreach (var visit in walk.Visits)
        {
            if (!NetworkConfigurations.TryRead(visit, out var network) || network.ModeText != NetworkConfigurations.VpcMode)
            {
                continue;
            }

            var path = walk.PathOf(visit);
            var vpc = network.Vpc;
            if (vpc is null || !Nodes.IsPresent(vpc.Value))
            {
                context.Report(RuleIds.VpcIncomplete, network.Mode!.Value,
                    $"{path}.networkMode is VPC, but {path} has no {network.VpcMember}: add {network.VpcMember} with at least one subnet ('subnet-…') " +
                    "and one security group ('sg-…') of the VPC the resource should run in.");
                continue;
            }

            if (vpc.Value is not ObjectNode config)
            {
                continue; // unknown until deployment, or a wrong type the schema reports
            }

            var subnets = config.Find("subnets");
            var groups = config.Find("securityGroups");
            var noSubnets = subnets is null || !Nodes.IsPresent(subnets.Value);
            var noGroups = groups is null || !Nodes.IsPresent(groups.Value);
            if (noSubnets || noGroups)
            {
                var missing = noSubnets && noGroups ? "no subnets and no securityGroups" : noSubnets ? "no subnets" : "no securityGroups";
                context.ReportAtKey(RuleIds.VpcIncomplete, vpc,
                    $"{path}.networkMode is VPC, but {network.VpcMember} lists {missing}: VPC mode needs at least one subnet ('subnet-…') and one security group ('sg-…').",
                    replacesSchemaFindings: true);
            }

            if (!noSubnets)
            {
                CheckIds(context, subnets!, SubnetId, "subnet", "subnet-", "sg-", "a security group");
            }

            if (!noGroups)
            {
                CheckIds(context, groups!, SecurityGroupId, "security group", "sg-", "subnet-", "a subnet");
            }
        }
    }

    private static void CheckIds(RuleContext context, PropertyNode list, Regex pattern, string what, string prefix, string otherPrefix, string other)
    {
        if (list.Value is not ArrayNode array)
        {
            return;
        }

        if (array.Items.Count == 0)
        {
            context.Report(RuleIds.VpcIncomplete, array,
                $"{list.Name} is empty, but VPC mode needs at least one {what} id ('{prefix}' followed by 8–17 letters or digits).",
                replacesSchemaFindings: true);
            return;
        }

        Dictionary<string, int>? seen = null;
        for (var i = 0; i < array.Items.Count; i++)
        {
            var item = array.Items[i];
            if (!Nodes.TryGetString(item, out var id))
            {
                continue;
            }

            // A timed-out match (null) cannot tell; the schema validator still checks the pattern.
            if (BoundedRegex.IsMatch(pattern, id) == false)
            {
                var looksLike = id.StartsWith(otherPrefix, StringComparison.Ordinal) ? $" (it looks like {other} id)" : string.Empty;
                context.Report(RuleIds.VpcIncomplete, item,
                    $"{list.Name}[{i}] {Nodes.Quote(id)} is not a {what} id{looksLike}: expected '{prefix}' followed by 8–17 letters or digits, e.g. '{prefix}0123456789abcdef0'.",
                    replacesSchemaFindings: true);
                continue;
            }

            seen ??= new Dictionary<string, int>(StringComparer.Ordinal);
            if (seen.TryGetValue(id, out var first))
            {
                context.Report(RuleIds.VpcIncomplete, item, $"{list.Name}[{i}] {Nodes.Quote(id)} repeats {list.Name}[{first}]: list each {what} once.");
            }
            else
            {
                seen[id] = i;
            }
        }
    }
}
