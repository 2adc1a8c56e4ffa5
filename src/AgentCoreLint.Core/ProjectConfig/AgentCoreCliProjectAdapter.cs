using AgentCoreLint.Core.Engine;
using AgentCoreLint.Core.Iac;
using AgentCoreLint.Rules.Documents;
using AgentCoreLint.Rules.Analysis;
using AgentCoreLint.Rules.Model;

namespace AgentCoreLint.Core.ProjectConfig;

/// <summary>
/// The AgentCore CLI's project spec, <c>agentcore/agentcore.json</c> (camelCase; its CDK project turns each entry of
/// <c>runtimes</c> — <c>agents</c> in older specs — into an agent runtime). Each runtime is linted as the
/// <c>CreateAgentRuntime</c> request its values imply: <c>name</c> → <c>agentRuntimeName</c>, <c>description</c>,
/// <c>networkMode</c> (the CLI's default <c>PUBLIC</c> when omitted) → <c>networkConfiguration.networkMode</c>, with
/// <c>networkConfig</c> as <c>networkModeConfig</c> (unknown in VPC mode when not written: the CLI may supply it),
/// <c>protocol</c> → <c>protocolConfiguration.serverProtocol</c>, <c>envVars[] {name, value}</c> →
/// <c>environmentVariables</c>. The artifact and role are built by the CLI and unknown. Other project members (memories,
/// credentials, gateways, evaluators …) and keys newer than this linter are not judged. Recognised by file name
/// (<c>agentcore.json</c>) with a <c>runtimes</c> or <c>agents</c> list.
/// </summary>
public sealed class AgentCoreCliProjectAdapter : IInputAdapter
{
    /// <inheritdoc />
    public string Kind => "AgentCore CLI project spec";

    /// <inheritdoc />
    public bool Recognizes(DocNode root, string fileName) =>
        fileName.EndsWith("agentcore.json", StringComparison.Ordinal) && root is ObjectNode obj &&
        (obj["runtimes"] is ArrayNode || obj["agents"] is ArrayNode);

    /// <inheritdoc />
    public void CreateTargets(DocNode root, InputContext context)
    {
        if (root is not ObjectNode obj || (obj["runtimes"] ?? obj["agents"]) is not ArrayNode runtimes || ApiModel.InputOf("CreateAgentRuntime") is not { } shape)
        {
            return;
        }

        foreach (var item in runtimes.Items.OfType<ObjectNode>())
        {
            var anchor = item.Find("name")?.KeySpan ?? item.Span.Head;
            var properties = new List<PropertyNode>();
            if (item.Find("name") is { } name)
            {
                properties.Add(new PropertyNode("agentRuntimeName", name.KeySpan, name.Value));
            }

            if (item.Find("description") is { } description)
            {
                properties.Add(description);
            }

            properties.Add(new PropertyNode("agentRuntimeArtifact", anchor, new UnknownNode(item.Span.Head, item.Pointer, "built by agentcore deploy")));
            properties.Add(new PropertyNode("roleArn", anchor, new UnknownNode(item.Span.Head, item.Pointer, "a role created by agentcore deploy")));

            var mode = item.Find("networkMode");
            var network = new List<PropertyNode>
            {
                mode ?? new PropertyNode("networkMode", anchor, new ScalarNode(anchor, item.Pointer, NodeKind.String, "PUBLIC")),
            };
            if (item.Find("networkConfig") is { } config)
            {
                network.Add(new PropertyNode("networkModeConfig", config.KeySpan, config.Value));
            }
            else if (mode?.Value is ScalarNode { Text: "VPC" })
            {
                network.Add(new PropertyNode("networkModeConfig", mode.KeySpan, new UnknownNode(mode.Value.Span, mode.Pointer, "supplied by the CLI's deployment target")));
            }

            properties.Add(new PropertyNode("networkConfiguration", mode?.KeySpan ?? anchor, new ObjectNode(mode?.Value.Span ?? anchor, mode?.Pointer ?? item.Pointer, network)));

            if (item.Find("protocol") is { } protocol)
            {
                properties.Add(new PropertyNode("protocolConfiguration", protocol.KeySpan, new ObjectNode(protocol.Value.Span, protocol.Pointer,
                    new[] { new PropertyNode("serverProtocol", protocol.KeySpan, protocol.Value) })));
            }

            if (item.Find("envVars") is { Value: ArrayNode envVars } envMember)
            {
                var entries = envVars.Items.OfType<ObjectNode>()
                    .Where(e => e["name"] is ScalarNode { Kind: NodeKind.String } && e.Find("value") is not null)
                    .Select(e => new PropertyNode(((ScalarNode)e["name"]!).Text, e["name"]!.Span, e["value"]!));
                properties.Add(new PropertyNode("environmentVariables", envMember.KeySpan, new ObjectNode(envVars.Span, envVars.Pointer, entries)));
            }

            var mapper = new ApiTreeMapper(new MapperOptions { Unmatched = UnmatchedMembers.Drop, DropNullsAndEmptyLists = true });
            var request = mapper.Map(new ObjectNode(item.Span, item.Pointer, properties), shape);
            var label = (item["name"] as ScalarNode)?.Text ?? item.Pointer;
            context.Add(new LintTarget("CreateAgentRuntime", request, anchor)
            {
                LogicalLocation = item.Pointer.TrimStart('/'),
                Contract = "the AgentCore Control API (CreateAgentRuntime, as agentcore deploy creates it)",
            }, new TargetOrigin { MessagePrefix = $"runtime '{label}': " });
        }
    }
}
