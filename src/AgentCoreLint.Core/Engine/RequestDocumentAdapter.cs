using AgentCoreLint.Rules.Catalog;
using AgentCoreLint.Rules.Documents;
using AgentCoreLint.Rules.Analysis;
using AgentCoreLint.Rules.Findings;

namespace AgentCoreLint.Core.Engine;

/// <summary>
/// AgentCore Control request documents: the JSON or YAML body of an operation, as passed to
/// <c>aws bedrock-agentcore-control &lt;operation&gt; --cli-input-json</c>. The operation is inferred
/// (<see cref="OperationDetector"/>) unless forced with <see cref="LintOptions.Operation"/>. This adapter is
/// asked last: it recognises any object.
/// </summary>
public sealed class RequestDocumentAdapter : IInputAdapter
{
    /// <inheritdoc />
    public string Kind => "request document";

    /// <inheritdoc />
    public bool Recognizes(DocNode root, string fileName) => root is ObjectNode;

    /// <inheritdoc />
    public void CreateTargets(DocNode root, InputContext context)
    {
        if (root is not ObjectNode obj)
        {
            return;
        }

        if (context.Options.Operation is { } forced)
        {
            context.Targets.Add(new LintTarget(forced, obj, obj.Span.Head));
            return;
        }

        var detection = OperationDetector.Detect(obj, context.FileName);
        if (detection.Operation is { } operation)
        {
            context.Targets.Add(new LintTarget(operation, obj, obj.Span.Head));
        }
        else if (detection.Candidates.Count > 1)
        {
            context.Findings.Add(Unrecognized(obj,
                $"The document's members fit several operations equally well: {string.Join(", ", detection.Candidates)}. " +
                $"Name one with --operation (e.g. --operation {detection.Candidates[0]})."));
        }
        else if (context.IsExplicit)
        {
            context.Findings.Add(Unrecognized(obj,
                "The document is not recognised as an AgentCore Control request, CloudFormation template or Terraform plan: " +
                "no top-level member identifies an operation. Name the operation with --operation, or lint only AgentCore files."));
        }
    }


    private static Finding Unrecognized(DocNode at, string message) => new()
    {
        RuleId = RuleIds.UnrecognizedInput,
        Level = RuleCatalog.Get(RuleIds.UnrecognizedInput).DefaultLevel,
        Message = message,
        Span = at.Span.Head,
        Pointer = at.Pointer,
    };
}
