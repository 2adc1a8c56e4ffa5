using AgentCoreLint.Core.Engine;
using AgentCoreLint.Rules.Documents;
using AgentCoreLint.Rules.Analysis;
using AgentCoreLint.Rules.Model;

namespace AgentCoreLint.Core.Iac;

/// <summary>
/// Saved Get responses, the JSON the AWS CLI prints for <c>aws bedrock-agentcore-control get-agent-runtime</c>,
/// <c>get-harness</c>, <c>get-browser</c>, <c>get-code-interpreter</c> and <c>get-gateway</c>: linted as the create request
/// that would make the same resource, so a team can audit what is deployed. Which members are read-only is derived
/// from the service model: a member of the Get response shape (recursively, e.g. <c>Harness.environment</c>'s
/// <c>agentRuntimeArn</c>) that the create request shape lacks is left out (<c>status</c>, ARNs, ids, <c>createdAt</c>,
/// <c>lastUpdatedAt</c>, <c>failureReason</c>, <c>workloadIdentityDetails</c>, versions, …). A member neither shape
/// knows (a CLI newer than the model) is kept as unknown. Recognised by response-only members: at least two, one of
/// them an ARN or id (<c>agentRuntimeArn</c> + <c>status</c>, …).
/// </summary>
public sealed class SavedResponseAdapter : IInputAdapter
{
    private const int MaxDepth = 128;

    private static readonly ResponseKind[] Kinds =
    {
        new("GetAgentRuntime", "CreateAgentRuntime", null, "agentRuntimeArn"),
        new("GetHarness", "CreateHarness", "harness", "arn"),
        new("GetBrowser", "CreateBrowser", null, "browserArn"),
        new("GetCodeInterpreter", "CreateCodeInterpreter", null, "codeInterpreterArn"),
        new("GetGateway", "CreateGateway", null, "gatewayArn"),
    };

    /// <summary>Members a Get response reports that the create request must not carry, although the create shape has
    /// them: <c>requireServiceS3Endpoint</c> is returned as the runtime's current setting, but only UpdateAgentRuntime
    /// accepts it (model documentation of <c>VpcConfig.requireServiceS3Endpoint</c>).</summary>
    private static readonly HashSet<string> ReportedNotRequested = new(StringComparer.Ordinal) { "requireServiceS3Endpoint" };

    /// <inheritdoc />
    public string Kind => "saved Get response";

    /// <inheritdoc />
    public bool Recognizes(DocNode root, string fileName) => Detect(root) is not null;

    /// <inheritdoc />
    public void CreateTargets(DocNode root, InputContext context)
    {
        if (Detect(root) is not var (kind, body, responseShape) || ApiModel.InputOf(kind.CreateOperation) is not { } requestShape)
        {
            return;
        }

        var request = (ObjectNode)Map(body, responseShape, requestShape, 0);
        var identity = body[kind.IdentityMember] as ScalarNode;
        context.Add(new LintTarget(kind.CreateOperation, request, body.Span.Head)
        {
            LogicalLocation = identity is { Kind: NodeKind.String } ? identity.Text : kind.GetOperation,
            Contract = $"the AgentCore Control API ({kind.CreateOperation}, from a saved {kind.GetOperation} response)",
        }, new TargetOrigin());
    }

    /// <summary>The response kind of <paramref name="root"/>, its body (the wrapper member's value for
    /// <c>get-harness</c>) and the body's shape; null when it is not a saved Get response.</summary>
    private static (ResponseKind Kind, ObjectNode Body, Shape Shape)? Detect(DocNode root)
    {
        if (root is not ObjectNode obj)
        {
            return null;
        }

        (ResponseKind, ObjectNode, Shape)? best = null;
        var bestScore = 0;
        foreach (var kind in Kinds)
        {
            if (ApiModel.Shapes.TryGetValue(kind.GetOperation + "Response", out var response) && ApiModel.InputOf(kind.CreateOperation) is { } request)
            {
                var body = obj;
                if (kind.Wrapper is { } wrapper)
                {
                    if (obj[wrapper] is not ObjectNode inner || response.FindMember(wrapper)?.Shape is not { } wrapped ||
                        !ApiModel.Shapes.TryGetValue(wrapped, out response))
                    {
                        continue;
                    }

                    body = inner;
                }

                var responseOnly = response.Members.Where(m => request.FindMember(m.Name) is null).Select(m => m.Name).ToList();
                var present = responseOnly.Where(m => body.Find(m) is not null).ToList();
                if (present.Count >= 2 && body.Find(kind.IdentityMember) is not null && present.Count > bestScore)
                {
                    best = (kind, body, response);
                    bestScore = present.Count;
                }
            }
        }

        return best;
    }

    private static DocNode Map(DocNode node, Shape? response, Shape? request, int depth)
    {
        if (depth > MaxDepth || request is null)
        {
            return node;
        }

        switch (node)
        {
            case ObjectNode obj when request.Type == ShapeType.Structure:
            {
                var properties = new List<PropertyNode>(obj.Properties.Count);
                foreach (var property in obj.Properties)
                {
                    var requestMember = request.FindMember(property.Name);
                    var responseMember = response?.FindMember(property.Name);
                    if (requestMember is null)
                    {
                        if (responseMember is null)
                        {
                            // Neither shape knows it: a service newer than the model. Keep it, unjudged.
                            properties.Add(new PropertyNode(property.Name, property.KeySpan,
                                new UnknownNode(property.Value.Span, property.Value.Pointer, "a member newer than the AgentCore Control service model", property.Value)));
                        }

                        continue; // Read-only: the response has it, the request cannot.
                    }

                    if (ReportedNotRequested.Contains(property.Name))
                    {
                        continue;
                    }

                    properties.Add(new PropertyNode(property.Name, property.KeySpan,
                        Map(property.Value, Find(responseMember?.Shape), Find(requestMember.Shape), depth + 1)));
                }

                return new ObjectNode(obj.Span, obj.Pointer, properties);
            }

            case ObjectNode map when request.Type == ShapeType.Map:
                return new ObjectNode(map.Span, map.Pointer, map.Properties.Select(p =>
                    new PropertyNode(p.Name, p.KeySpan, Map(p.Value, Find(response?.MapValue), Find(request.MapValue), depth + 1))));

            case ArrayNode list when request.Type == ShapeType.List:
                return new ArrayNode(list.Span, list.Pointer, list.Items.Select(i => Map(i, Find(response?.ListMember), Find(request.ListMember), depth + 1)));

            default:
                return node;
        }
    }

    private static Shape? Find(string? name) => name is not null && ApiModel.Shapes.TryGetValue(name, out var shape) ? shape : null;

    /// <summary>A supported Get operation.</summary>
    /// <param name="GetOperation">The Get operation, e.g. <c>GetAgentRuntime</c>.</param>
    /// <param name="CreateOperation">The create operation its body is linted as.</param>
    /// <param name="Wrapper">The response member that holds the resource (<c>harness</c>), or null when the response is flat.</param>
    /// <param name="IdentityMember">The ARN member that names the resource (the finding's logical location).</param>
    private sealed record ResponseKind(string GetOperation, string CreateOperation, string? Wrapper, string IdentityMember);
}
