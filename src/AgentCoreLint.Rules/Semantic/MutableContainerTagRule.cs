using AgentCoreLint.Rules.Catalog;
using AgentCoreLint.Rules.Analysis;
using AgentCoreLint.Rules.Model;

namespace AgentCoreLint.Rules.Semantic;

/// <summary>
/// ACL4002 (note): a container image (shape <c>RuntimeContainerUri</c>: runtimes and harness environment artifacts)
/// named by the mutable tag <c>latest</c>, or by no tag at all (which means <c>latest</c>), without a digest.
/// </summary>
/// <remarks>Source: shape <c>RuntimeContainerUri</c> (pattern: repository, optional <c>:tag</c>, optional
/// <c>@digest</c>); pinning images is a best practice (mapping notes, section 2.3). A URI with a digest is pinned
/// whatever its tag. Reported at the value.</remarks>
public sealed class MutableContainerTagRule() : SemanticRule(RuleIds.MutableContainerTag)
{
    /// <inheritdoc />
    public override void Analyze(RuleContext context)
    {
        foreach (var visit in context.Target.Walk.OfShape("RuntimeContainerUri"))
        {
            if (!Nodes.TryGetString(visit.Node, out var uri) || uri.IndexOf('@') >= 0)
            {
                continue;
            }

            var lastSegment = uri.Substring(uri.LastIndexOf('/') + 1);
            var colon = lastSegment.IndexOf(':');
            if (colon < 0)
            {
                context.Report(RuleIds.MutableContainerTag, visit.Node,
                    $"containerUri {Nodes.Quote(uri)} has no tag, so it means ':latest', which changes with every push: the deployed image is not " +
                    "reproducible and a rollback cannot return to it. Pin a version tag (e.g. ':1.4.2') or a digest ('@sha256:…').");
            }
            else if (string.Equals(lastSegment.Substring(colon + 1), "latest", StringComparison.Ordinal))
            {
                context.Report(RuleIds.MutableContainerTag, visit.Node,
                    $"containerUri {Nodes.Quote(uri)} uses the mutable tag 'latest', which changes with every push: the deployed image is not " +
                    "reproducible and a rollback cannot return to it. Pin a version tag (e.g. ':1.4.2') or a digest ('@sha256:…').");
            }
        }
    }
}
