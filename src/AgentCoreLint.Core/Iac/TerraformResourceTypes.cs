using AgentCoreLint.Rules.Documents;

namespace AgentCoreLint.Core.Iac;

/// <summary>How one Terraform resource type maps onto the AgentCore Control API.</summary>
/// <param name="TypeName">The Terraform type, e.g. <c>aws_bedrockagentcore_agent_runtime</c>.</param>
/// <param name="Operation">The create operation the provider calls.</param>
/// <param name="Rules">Attributes whose mapping differs beyond snake_case, singular block names and one-item block lists.</param>
internal sealed record TerraformResourceType(string TypeName, string Operation, IReadOnlyDictionary<string, MemberRule> Rules);

/// <summary>
/// The <c>aws_bedrockagentcore_*</c> resources of hashicorp/terraform-provider-aws (package
/// <c>internal/service/bedrockagentcore</c>) that are linted, with what their expanders do beyond the provider's
/// "autoflex" name matching (MAPPING-NOTES §6): attributes the provider never sends (<c>region</c>, <c>timeouts</c>, the
/// computed <c>network_mode_config.require_service_s3_endpoint</c>), <c>tags_all</c> sent as <c>tags</c> (tags merged
/// with the provider's <c>default_tags</c>), and the hand-written expanders of gateway targets (credential provider
/// blocks, inline payloads, tool schemas) and harness tools (outbound auth flags, retrieval configs). Credential
/// provider resources are not linted: their secrets are write-only attributes absent from plans.
/// </summary>
internal static class TerraformResourceTypes
{
    /// <summary>The type prefix of the AWS provider's AgentCore resources.</summary>
    public const string Prefix = "aws_bedrockagentcore_";

    private static readonly IReadOnlyDictionary<string, TerraformResourceType> Types = new[]
    {
        Type("agent_runtime", "CreateAgentRuntime",
            // Computed only: the provider strips it before Create/Update (agent_runtime.go).
            ("networkconfiguration/networkmodeconfig/requireservices3endpoint", new MemberRule { Drop = true })),
        Type("agent_runtime_endpoint", "CreateAgentRuntimeEndpoint"),
        Type("browser", "CreateBrowser"),
        Type("browser_profile", "CreateBrowserProfile"),
        Type("code_interpreter", "CreateCodeInterpreter"),
        Type("gateway", "CreateGateway"),
        Type("gateway_target", "CreateGatewayTarget",
            ("credentialproviderconfiguration", new MemberRule { Transform = TerraformReshapes.CredentialProviders }),
            ("targetconfiguration/mcp/openapischema/inlinepayload", new MemberRule { Transform = TerraformReshapes.Payload }),
            ("targetconfiguration/mcp/smithymodel/inlinepayload", new MemberRule { Transform = TerraformReshapes.Payload }),
            ("targetconfiguration/mcp/lambda/toolschema/inlinepayload/*/inputschema", new MemberRule { Transform = TerraformReshapes.SchemaDefinition }),
            ("targetconfiguration/mcp/lambda/toolschema/inlinepayload/*/outputschema", new MemberRule { Transform = TerraformReshapes.SchemaDefinition })),
        Type("harness", "CreateHarness",
            ("tool/*/config/agentcoregateway/outboundauth", new MemberRule { Transform = TerraformReshapes.OutboundAuth }),
            ("memory/agentcorememoryconfiguration/retrievalconfig", new MemberRule { Transform = TerraformReshapes.KeyedBlocks })),
        Type("memory", "CreateMemory"),
        Type("workload_identity", "CreateWorkloadIdentity"),
    }.ToDictionary(t => t.TypeName, StringComparer.Ordinal);

    /// <summary>The type prefix of the Cloud Control (awscc) provider's AgentCore resources.</summary>
    public const string AwsccPrefix = "awscc_bedrockagentcore_";

    // awscc resources are the CloudFormation types with snake_case names (awscc_bedrockagentcore_browser_custom is
    // AWS::BedrockAgentCore::BrowserCustom), attributes as objects rather than blocks; they map as the CloudFormation
    // properties do.
    private static readonly IReadOnlyDictionary<string, TerraformResourceType> AwsccTypes = CfnResourceTypes.TypeNames
        .Select(CfnResourceTypes.Find)
        .Where(t => t is { Operation: not null })
        .ToDictionary(t => AwsccPrefix + SnakeCase(t!.TypeName[CfnResourceTypes.Prefix.Length..]),
            t => new TerraformResourceType(AwsccPrefix + SnakeCase(t!.TypeName[CfnResourceTypes.Prefix.Length..]), t.Operation!, t.Rules), StringComparer.Ordinal);

    /// <summary>The mapping of a Terraform type (aws or awscc provider), or null when it is not linted.</summary>
    public static TerraformResourceType? Find(string typeName) =>
        Types.TryGetValue(typeName, out var type) ? type : AwsccTypes.TryGetValue(typeName, out var awscc) ? awscc : null;

    /// <summary>True for a type of either provider's AgentCore service, linted or not.</summary>
    public static bool IsAgentCoreType(string typeName) =>
        typeName.StartsWith(Prefix, StringComparison.Ordinal) || typeName.StartsWith(AwsccPrefix, StringComparison.Ordinal);

    private static string SnakeCase(string pascal)
    {
        var builder = new System.Text.StringBuilder();
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c) && i > 0 && (!char.IsUpper(pascal[i - 1]) || (i + 1 < pascal.Length && char.IsLower(pascal[i + 1]))))
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    private static TerraformResourceType Type(string name, string operation, params (string Path, MemberRule Rule)[] rules)
    {
        var all = new Dictionary<string, MemberRule>(StringComparer.Ordinal)
        {
            ["region"] = new() { Drop = true },
            ["timeouts"] = new() { Drop = true },
        };
        foreach (var (path, rule) in rules)
        {
            all[path] = rule;
        }

        return new TerraformResourceType(Prefix + name, operation, all);
    }
}

/// <summary>Rewrites Terraform block structures that the provider expands by hand into the API's structure, keeping the
/// spans and pointers of the plan. Each returns null for an absent (empty) block.</summary>
internal static class TerraformReshapes
{
    private static readonly (string Block, string Type, string? Member)[] CredentialKinds =
    {
        ("api_key", "API_KEY", "api_key_credential_provider"),
        ("oauth", "OAUTH", "oauth_credential_provider"),
        ("gateway_iam_role", "GATEWAY_IAM_ROLE", null),
    };

    /// <summary><c>credential_provider_configuration { api_key | oauth | gateway_iam_role { … } }</c> →
    /// <c>credentialProviderConfigurations[] {credentialProviderType, credentialProvider {…}}</c>
    /// (<c>credentialProviderConfigurationModel.Expand</c> in gateway_target.go).</summary>
    public static DocNode? CredentialProviders(DocNode value)
    {
        if (value is not ArrayNode list)
        {
            return value;
        }

        var items = list.Items.Select(item =>
        {
            if (item is not ObjectNode block)
            {
                return item;
            }

            foreach (var (name, type, member) in CredentialKinds)
            {
                if (block.Find(name) is not { } chosen || chosen.Value is ArrayNode { Items.Count: 0 } or ScalarNode { Kind: NodeKind.Null })
                {
                    continue;
                }

                var properties = new List<PropertyNode>
                {
                    new("credential_provider_type", chosen.KeySpan, new ScalarNode(chosen.KeySpan, chosen.Pointer, NodeKind.String, type)),
                };
                if (member is not null)
                {
                    properties.Add(new PropertyNode("credential_provider", chosen.KeySpan,
                        new ObjectNode(chosen.Value.Span, chosen.Value.Pointer, new[] { new PropertyNode(member, chosen.KeySpan, chosen.Value) })));
                }

                return new ObjectNode(block.Span, block.Pointer, properties);
            }

            return new ObjectNode(block.Span, block.Pointer, Array.Empty<PropertyNode>());
        });
        return new ArrayNode(list.Span, list.Pointer, items);
    }

    /// <summary><c>inline_payload { payload = "…" }</c> → the payload string.</summary>
    public static DocNode? Payload(DocNode value) => Single(value) switch
    {
        ObjectNode block => block["payload"],
        var other => other,
    };

    /// <summary>A tool schema block → the API's recursive <c>SchemaDefinition</c>: <c>property</c> blocks become the
    /// <c>properties</c> map (keyed by their <c>name</c>) and the <c>required</c> list (those with <c>required = true</c>);
    /// <c>items</c> is one nested definition; <c>properties_json</c> / <c>items_json</c> hold JSON text, unknown here.</summary>
    public static DocNode? SchemaDefinition(DocNode value) => Definition(value, 0);

    /// <summary><c>outbound_auth { aws_iam = true }</c> → <c>outboundAuth { awsIam {} }</c>: the API members are empty
    /// structures, the provider models them as flags.</summary>
    public static DocNode? OutboundAuth(DocNode value)
    {
        if (Single(value) is not ObjectNode block)
        {
            return Single(value);
        }

        var properties = new List<PropertyNode>();
        foreach (var property in block.Properties)
        {
            if (property.Value is ScalarNode { Kind: NodeKind.Boolean } flag)
            {
                if (flag.AsBoolean == true)
                {
                    properties.Add(new PropertyNode(property.Name, property.KeySpan, new ObjectNode(flag.Span, flag.Pointer, Array.Empty<PropertyNode>())));
                }
            }
            else
            {
                properties.Add(property);
            }
        }

        return new ObjectNode(block.Span, block.Pointer, properties);
    }

    /// <summary>A list of blocks with a <c>map_block_key</c> → a map from that key to the rest of the block (the
    /// provider's representation of API maps of structures).</summary>
    public static DocNode? KeyedBlocks(DocNode value)
    {
        if (value is not ArrayNode list)
        {
            return value;
        }

        var entries = new List<PropertyNode>();
        foreach (var item in list.Items.OfType<ObjectNode>())
        {
            if (item.Find("map_block_key") is { Value: ScalarNode { Kind: NodeKind.String } key })
            {
                entries.Add(new PropertyNode(key.Text, key.Span,
                    new ObjectNode(item.Span, item.Pointer, item.Properties.Where(p => p.Name != "map_block_key"))));
            }
        }

        return new ObjectNode(list.Span, list.Pointer, entries);
    }

    private static DocNode? Definition(DocNode value, int depth)
    {
        if (Single(value) is not ObjectNode block || depth > 32)
        {
            return Single(value);
        }

        var properties = new List<PropertyNode>();
        foreach (var member in block.Properties)
        {
            switch (member.Name)
            {
                case "property" when member.Value is ArrayNode { Items.Count: > 0 } set:
                {
                    var entries = new List<PropertyNode>();
                    var required = new List<DocNode>();
                    foreach (var item in set.Items.OfType<ObjectNode>())
                    {
                        if (item["name"] is not ScalarNode { Kind: NodeKind.String } name)
                        {
                            continue;
                        }

                        if (item["required"] is ScalarNode { Kind: NodeKind.Boolean } flag && flag.AsBoolean == true)
                        {
                            required.Add(name);
                        }

                        var rest = new ObjectNode(item.Span, item.Pointer, item.Properties.Where(p => p.Name is not "name" and not "required"));
                        entries.Add(new PropertyNode(name.Text, name.Span, Definition(rest, depth + 1) ?? rest));
                    }

                    properties.Add(new PropertyNode("properties", member.KeySpan, new ObjectNode(set.Span, set.Pointer, entries)));
                    if (required.Count > 0)
                    {
                        properties.Add(new PropertyNode("required", member.KeySpan, new ArrayNode(set.Span, set.Pointer, required)));
                    }

                    break;
                }

                case "items" when member.Value is ArrayNode { Items.Count: > 0 }:
                    if (Definition(member.Value, depth + 1) is { } items)
                    {
                        properties.Add(new PropertyNode("items", member.KeySpan, items));
                    }

                    break;

                case "properties_json" or "items_json" when member.Value is not ScalarNode { Kind: NodeKind.Null }:
                    properties.Add(new PropertyNode(member.Name[..^"_json".Length], member.KeySpan,
                        new UnknownNode(member.Value.Span, member.Value.Pointer, "JSON text in Terraform", member.Value)));
                    break;

                case "property" or "items" or "properties_json" or "items_json":
                    break;

                default:
                    properties.Add(member);
                    break;
            }
        }

        return new ObjectNode(block.Span, block.Pointer, properties);
    }

    /// <summary>The one object of a one-item block list; null for an empty list; any other value as is.</summary>
    private static DocNode? Single(DocNode value) => value switch
    {
        ArrayNode { Items.Count: 0 } => null,
        ArrayNode { Items.Count: 1 } list => list.Items[0],
        _ => value,
    };
}
