using AgentCoreLint.Core.Engine;
using AgentCoreLint.Core.Iac;
using AgentCoreLint.Rules.Documents;
using AgentCoreLint.Rules.Analysis;
using AgentCoreLint.Rules.Model;

namespace AgentCoreLint.Core.ProjectConfig;

/// <summary>
/// The Bedrock AgentCore starter toolkit's project config, <c>.bedrock_agentcore.yaml</c> (written by
/// <c>agentcore configure</c>, read by <c>agentcore launch</c>): <c>agents.&lt;key&gt;</c> maps each agent to the
/// <c>CreateAgentRuntime</c> request the toolkit sends (<c>bedrock_agentcore_starter_toolkit/services/runtime.py</c>,
/// <c>create_agent</c>): <c>name</c> → <c>agentRuntimeName</c>; <c>aws.execution_role</c> → <c>roleArn</c> (unknown when
/// the toolkit creates the role); <c>aws.network_configuration</c>, <c>aws.protocol_configuration</c>,
/// <c>aws.lifecycle_configuration</c>, <c>authorizer_configuration</c> and <c>request_header_configuration</c> as written
/// (snake_case or the API's camelCase); the artifact is unknown (the image or code package is built by the toolkit).
/// <c>null</c> values are the toolkit's "not set" and are absent. Tool state the toolkit records (account, ARNs, ids,
/// session ids, CodeBuild and memory settings) is not part of the request and is not judged. Recognised by file name
/// (<c>.bedrock_agentcore.yaml</c>) or by content: a top-level <c>agents</c> mapping whose entries have an <c>aws</c>
/// mapping and an <c>entrypoint</c>, beside <c>default_agent</c>.
/// </summary>
public sealed class StarterToolkitConfigAdapter : IInputAdapter
{
    // The toolkit's NetworkModeConfig also reads the field names its CLI options use (--vpc-subnets, --vpc-security-groups).
    private static readonly IReadOnlyDictionary<string, MemberRule> Renames = new Dictionary<string, MemberRule>(StringComparer.Ordinal)
    {
        ["networkconfiguration/networkmodeconfig/subnetids"] = new() { ApiName = "subnets" },
        ["networkconfiguration/networkmodeconfig/securitygroupids"] = new() { ApiName = "securityGroups" },
    };

    /// <inheritdoc />
    public string Kind => "starter toolkit project config";

    /// <inheritdoc />
    public bool Recognizes(DocNode root, string fileName)
    {
        if (root is not ObjectNode obj || obj["agents"] is not ObjectNode agents)
        {
            return false;
        }

        if (fileName.EndsWith(".bedrock_agentcore.yaml", StringComparison.Ordinal))
        {
            return true;
        }

        return obj.Find("default_agent") is not null && agents.Properties.Count > 0 &&
               agents.Properties.All(a => a.Value is ObjectNode agent && agent["aws"] is ObjectNode && agent.Find("entrypoint") is not null);
    }

    /// <inheritdoc />
    public void CreateTargets(DocNode root, InputContext context)
    {
        if (root is not ObjectNode obj || obj["agents"] is not ObjectNode agents || ApiModel.InputOf("CreateAgentRuntime") is not { } shape)
        {
            return;
        }

        foreach (var entry in agents.Properties)
        {
            if (entry.Value is not ObjectNode agent)
            {
                continue;
            }

            var aws = agent["aws"] as ObjectNode;
            var properties = new List<PropertyNode>();
            if (agent.Find("name") is { Value: ScalarNode { Kind: not NodeKind.Null } } name)
            {
                properties.Add(new PropertyNode("agentRuntimeName", name.KeySpan, name.Value));
            }
            else
            {
                properties.Add(new PropertyNode("agentRuntimeName", entry.KeySpan, new ScalarNode(entry.KeySpan, entry.Pointer, NodeKind.String, entry.Name)));
            }

            var artifactAt = agent.Find("deployment_type") ?? agent.Find("entrypoint");
            properties.Add(new PropertyNode("agentRuntimeArtifact", artifactAt?.KeySpan ?? entry.KeySpan,
                new UnknownNode(artifactAt?.Value.Span ?? entry.KeySpan, artifactAt?.Pointer ?? entry.Pointer, "built and uploaded by agentcore launch")));

            if (aws?.Find("execution_role") is { Value: ScalarNode { Kind: NodeKind.String } } role)
            {
                properties.Add(new PropertyNode("roleArn", role.KeySpan, role.Value));
            }
            else
            {
                var roleAt = aws?.Find("execution_role_auto_create") ?? aws?.Find("execution_role");
                properties.Add(new PropertyNode("roleArn", roleAt?.KeySpan ?? entry.KeySpan,
                    new UnknownNode(roleAt?.Value.Span ?? entry.KeySpan, roleAt?.Pointer ?? entry.Pointer, "an execution role created by agentcore launch")));
            }

            var network = aws?.Find("network_configuration");
            if (network is { Value: ObjectNode })
            {
                properties.Add(network);
            }
            else
            {
                // The toolkit sends PUBLIC when no network configuration is written (configure's default).
                properties.Add(new PropertyNode("networkConfiguration", entry.KeySpan, new ObjectNode(entry.KeySpan, entry.Pointer,
                    new[] { new PropertyNode("networkMode", entry.KeySpan, new ScalarNode(entry.KeySpan, entry.Pointer, NodeKind.String, "PUBLIC")) })));
            }

            foreach (var member in new[] { aws?.Find("protocol_configuration"), aws?.Find("lifecycle_configuration"), agent.Find("authorizer_configuration"), agent.Find("request_header_configuration") })
            {
                if (member is not null)
                {
                    properties.Add(member);
                }
            }

            var mapper = new ApiTreeMapper(new MapperOptions { Rules = Renames, Unmatched = UnmatchedMembers.Drop, DropNullsAndEmptyLists = true, CoerceScalars = true });
            var request = mapper.Map(new ObjectNode(entry.Value.Span, entry.Pointer, properties), shape);
            var logical = "agents/" + entry.Name;
            context.Add(new LintTarget("CreateAgentRuntime", request, entry.KeySpan)
            {
                LogicalLocation = logical,
                Contract = "the AgentCore Control API (CreateAgentRuntime, as agentcore launch sends it)",
            }, new TargetOrigin { MessagePrefix = $"agent '{entry.Name}': " });
        }
    }
}
