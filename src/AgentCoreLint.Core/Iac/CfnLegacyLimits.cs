using AgentCoreLint.Rules.Catalog;
using System.Text.RegularExpressions;
using AgentCoreLint.Rules.Documents;
using AgentCoreLint.Rules.Findings;

namespace AgentCoreLint.Core.Iac;

/// <summary>
/// Limits of the older <c>AWS::BedrockAgentCore::Runtime</c> registry schema (us-east-1, 2026-05-20, the copy cfn-lint
/// 1.51.0 bundles) that the newer registry snapshot AgentCoreLint validates against has relaxed: at most one
/// <c>FilesystemConfigurations</c> entry, <c>SessionStorage</c> only, and request-header names limited to
/// <c>Authorization</c> and <c>X-Amzn-Bedrock-AgentCore-Runtime-Custom-*</c>. A stack deployed where the registry still has
/// the older schema fails on them, so they are warnings (MAPPING-NOTES §2.2: region-dependent CloudFormation limits).
/// </summary>
internal static class CfnLegacyLimits
{
    private const string Source = "the older us-east-1 CloudFormation schema of AWS::BedrockAgentCore::Runtime (2026-05-20, as bundled with cfn-lint 1.51.0)";

    private static readonly Regex LegacyHeader = new("^(?:Authorization|X-Amzn-Bedrock-AgentCore-Runtime-Custom-[a-zA-Z0-9_-]+)$", RegexOptions.CultureInvariant);

    /// <summary>Checks a Runtime's <c>Properties</c> (CloudFormation names) against the older schema's extra limits.</summary>
    /// <param name="properties">The resource's resolved <c>Properties</c>.</param>
    /// <param name="logical">The logical location, <c>Resources/&lt;LogicalId&gt;</c>.</param>
    /// <returns>Warnings, one per offending value.</returns>
    public static IEnumerable<Finding> Check(ObjectNode properties, string logical)
    {
        if (properties.Find("FilesystemConfigurations") is { Value: ArrayNode filesystems } member)
        {
            if (filesystems.Items.Count > 1)
            {
                yield return Warn(member.KeySpan, filesystems.Pointer, logical,
                    $"FilesystemConfigurations has {filesystems.Items.Count} entries; {Source} allows one. The current registry schema and the API allow 5, so this deploys only where the registry has the newer schema.");
            }

            foreach (var entry in filesystems.Items.OfType<ObjectNode>())
            {
                foreach (var kind in entry.Properties.Where(p => p.Name != "SessionStorage"))
                {
                    yield return Warn(kind.KeySpan, kind.Pointer, logical,
                        $"'{kind.Name}' is not known to {Source}, which mounts SessionStorage only; it deploys only where the registry has the newer schema.");
                }
            }
        }

        if (properties["RequestHeaderConfiguration"] is ObjectNode headers && headers["RequestHeaderAllowlist"] is ArrayNode allowlist)
        {
            foreach (var header in allowlist.Items.OfType<ScalarNode>().Where(h => h.IsString && !LegacyHeader.IsMatch(h.Text)))
            {
                yield return Warn(header.Span, header.Pointer, logical,
                    $"Request header '{header.Text}' is neither Authorization nor X-Amzn-Bedrock-AgentCore-Runtime-Custom-*, as {Source} requires; it deploys only where the registry has the newer schema.");
            }
        }
    }

    private static Finding Warn(SourceSpan span, string pointer, string logical, string message) => new()
    {
        RuleId = RuleIds.LegacyRegistryLimit,
        Level = RuleCatalog.Get(RuleIds.LegacyRegistryLimit).DefaultLevel,
        Message = message,
        Span = span,
        Pointer = pointer,
        LogicalLocation = logical,
    };
}
