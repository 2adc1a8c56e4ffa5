using AgentCoreLint.Rules.Catalog;
using AgentCoreLint.Rules.Analysis;
using AgentCoreLint.Rules.Model;

namespace AgentCoreLint.Rules.Semantic;

/// <summary>
/// ACL2103: <c>VpcConfig.requireServiceS3Endpoint</c> is sent where the service does not accept it: anywhere but an
/// <c>UpdateAgentRuntime</c> request, or in the VPC configuration of a browser or code interpreter.
/// </summary>
/// <remarks>
/// Source: the model documentation of <c>VpcConfig.requireServiceS3Endpoint</c>: "This field applies only to Agent
/// Runtimes. It is not applicable to Browsers or Code Interpreters." and "This field is only supported in the
/// <c>UpdateAgentRuntime</c> API for pre-rollout agent runtimes. Passing this field in a <c>CreateAgentRuntime</c>
/// request returns a <c>ValidationException</c>." Found by shape (<c>VpcConfig</c>), reported at the member's key.
/// A value unknown until deployment is not reported (it may resolve to no value).
/// </remarks>
public sealed class S3EndpointOptionRule() : SemanticRule(RuleIds.S3EndpointOption)
{
    private const string Member = "requireServiceS3Endpoint";
    private const string AllowedOperation = "UpdateAgentRuntime";

    /// <inheritdoc />
    public override void Analyze(RuleContext context)
    {
        var walk = context.Target.Walk;
        foreach (var visit in walk.OfShape(NetworkConfigurations.VpcConfigShape))
        {
            var option = Nodes.Member(visit.Node, Member);
            if (option is null || !Nodes.IsPresent(option.Value) || Nodes.IsUnknown(option.Value) ||
                !walk.TryGetParent(visit, out var network))
            {
                continue;
            }

            var forRuntime = network.Shape.Name == "NetworkConfiguration";
            if (forRuntime && walk.Operation == AllowedOperation)
            {
                continue;
            }

            var message = forRuntime
                ? $"{Member} is accepted only by UpdateAgentRuntime, for agent runtimes created before the May 2026 VPC networking change" +
                  (walk.Operation == "CreateAgentRuntime" ? "; CreateAgentRuntime rejects it with a ValidationException" : string.Empty) +
                  $": remove it from this {walk.Operation} request."
                : $"{Member} applies only to agent runtimes, not to browsers or code interpreters: remove it from {walk.PathOf(visit)}.";
            context.ReportAtKey(RuleIds.S3EndpointOption, option, message);
        }
    }
}
