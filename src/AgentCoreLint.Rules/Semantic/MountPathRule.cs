using AgentCoreLint.Rules.Catalog;
using AgentCoreLint.Rules.Analysis;
using AgentCoreLint.Rules.Model;

namespace AgentCoreLint.Rules.Semantic;

/// <summary>
/// ACL2001: every <c>MountPath</c>-shaped value (session storage, S3 Files and EFS access points, in a runtime,
/// a harness environment or wherever the shape is used) must be <c>/mnt/&lt;one directory&gt;</c>, optional
/// trailing slash. Source: shape <c>MountPath</c> (pattern <c>/mnt/[a-zA-Z0-9._-]+/?</c>, length 6–200) and its
/// member documentation ("under <c>/mnt</c> with exactly one subdirectory level").
/// </summary>
/// <remarks>The finding replaces the schema's generic pattern and length findings on the same value.</remarks>
public sealed class MountPathRule() : SemanticRule(RuleIds.MountPath)
{
    /// <inheritdoc />
    public override void Analyze(RuleContext context)
    {
        foreach (var visit in context.Target.Walk.OfShape("MountPath"))
        {
            if (!Nodes.TryGetString(visit.Node, out var path))
            {
                continue;
            }

            var problem = MountPaths.Problem(path);
            if (problem is not null)
            {
                context.Report(RuleIds.MountPath, visit.Node, $"mountPath {Nodes.Quote(path)} {problem}.", replacesSchemaFindings: true);
            }
        }
    }
}
