using AgentCoreLint.Rules.Documents;
using AgentCoreLint.Rules.Model;

namespace AgentCoreLint.Rules.Analysis;

/// <summary>
/// One AgentCore Control request to check: the operation, the request tree in the API's own shape (camelCase
/// members, as in the <c>&lt;Operation&gt;Request</c> shape of the service model), and where it came from.
/// A request document yields one target; a CloudFormation template or Terraform plan yields one per resource.
/// The nodes keep the spans and pointers of the file the user wrote, whatever the input kind.
/// </summary>
public sealed class LintTarget
{
    /// <summary>Creates a target.</summary>
    /// <param name="operation">The AgentCore Control operation name, e.g. <c>CreateAgentRuntime</c>.</param>
    /// <param name="request">The request body as an API-shaped tree.</param>
    /// <param name="anchor">Where to report findings about the request as a whole (e.g. a missing required
    /// member of the root): the root object itself, or a CloudFormation resource's <c>Properties</c> key.</param>
    public LintTarget(string operation, ObjectNode request, SourceSpan anchor)
    {
        Operation = operation;
        Request = request;
        Anchor = anchor;
        _walk = new Lazy<ShapeWalk>(() => ShapeWalker.Walk(operation, request));
    }

    private readonly Lazy<ShapeWalk> _walk;

    /// <summary>The operation, e.g. <c>CreateAgentRuntime</c>.</summary>
    public string Operation { get; }

    /// <summary>The request tree in the API's shape.</summary>
    public ObjectNode Request { get; }

    /// <summary>The request walked alongside the service model, once per target (every rule shares it); empty when
    /// the operation is not in the model. Thread-safe.</summary>
    public ShapeWalk Walk => _walk.Value;

    /// <summary>Where findings about the whole request point.</summary>
    public SourceSpan Anchor { get; }

    /// <summary>A logical location in the file (CloudFormation logical id path, Terraform address), or null.</summary>
    public string? LogicalLocation { get; init; }

    /// <summary>The contract the request is checked against, for messages: e.g. "the AgentCore Control API".</summary>
    public string Contract { get; init; } = "the AgentCore Control API";

    /// <summary>Rule ids suppressed for this target by an in-file directive (e.g. CloudFormation
    /// <c>Metadata.agentcorelint.ignore</c>).</summary>
    public IReadOnlyCollection<string> SuppressedRuleIds { get; init; } = Array.Empty<string>();
}
