using AgentCoreLint.Rules.Catalog;
using AgentCoreLint.Rules.Documents;
using AgentCoreLint.Rules.Analysis;
using AgentCoreLint.Rules.Model;

namespace AgentCoreLint.Rules.Semantic;

/// <summary>
/// ACL4001: in a <c>LifecycleConfiguration</c> (runtimes, harness environments), <c>idleRuntimeSessionTimeout</c>
/// must not be longer than <c>maxLifetime</c>. Only reported when both are written as integers: when only
/// <c>maxLifetime</c> is given the service lowers the default idle timeout (900 s) to it.
/// </summary>
/// <remarks>Source: AgentCore developer guide, "Configure Amazon Bedrock AgentCore lifecycle settings",
/// Validation and constraints: "<c>idleRuntimeSessionTimeout</c> must be less than or equal to
/// <c>maxLifetime</c>"; default behaviour: "If maxLifetime ≤ 900 seconds: use maxLifetime for both". Reported at
/// the idle timeout's value.</remarks>
public sealed class LifecycleTimeoutRule() : SemanticRule(RuleIds.IdleTimeoutExceedsMaxLifetime)
{
    /// <inheritdoc />
    public override void Analyze(RuleContext context)
    {
        foreach (var visit in context.Target.Walk.OfShape("LifecycleConfiguration"))
        {
            if (visit.Node is not ObjectNode lifecycle)
            {
                continue;
            }

            var idleNode = lifecycle["idleRuntimeSessionTimeout"];
            if (!Nodes.TryGetInt64(idleNode, out var idle) || !Nodes.TryGetInt64(lifecycle["maxLifetime"], out var max) || idle <= max)
            {
                continue;
            }

            context.Report(RuleIds.IdleTimeoutExceedsMaxLifetime, idleNode!,
                $"idleRuntimeSessionTimeout ({idle} s) is longer than maxLifetime ({max} s), but it must be less than or equal to it: an instance " +
                $"is replaced after {max} s whether or not it is idle. Lower idleRuntimeSessionTimeout to at most {max}, or raise maxLifetime.");
        }
    }
}
