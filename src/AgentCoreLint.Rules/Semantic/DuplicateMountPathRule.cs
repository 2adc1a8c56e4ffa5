using AgentCoreLint.Rules.Catalog;
using System.Diagnostics.CodeAnalysis;
using AgentCoreLint.Rules.Analysis;
using AgentCoreLint.Rules.Model;

namespace AgentCoreLint.Rules.Semantic;

/// <summary>
/// ACL2002: two entries of one list (a <c>filesystemConfigurations</c> list, wherever it appears) whose mount
/// paths name the same directory (<c>/mnt/data</c> and <c>/mnt/data/</c>). Reported at the later entry's
/// <c>mountPath</c>, naming the earlier entry. Invalid paths are left to ACL2001.
/// </summary>
/// <remarks>Source: only one filesystem can be mounted at a directory (Terraform documentation of
/// <c>filesystem_configuration</c>: "each mount path must be unique").</remarks>
public sealed class DuplicateMountPathRule() : SemanticRule(RuleIds.DuplicateMountPath)
{
    /// <inheritdoc />
    public override void Analyze(RuleContext context)
    {
        var walk = context.Target.Walk;
        // Keyed by the list's visit id and the directory (a string key: no value-type generic code to compile at start-up).
        Dictionary<string, ShapeVisit>? seen = null;
        foreach (var visit in walk.OfShape("MountPath"))
        {
            if (!Nodes.TryGetString(visit.Node, out var path) || !MountPaths.TryNormalize(path, out var directory) ||
                !TryGetListItem(walk, visit, out var item))
            {
                continue;
            }

            seen ??= new Dictionary<string, ShapeVisit>(StringComparer.Ordinal);
            var key = item.ParentId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/" + directory;
            if (seen.TryGetValue(key, out var first))
            {
                // Succeeds: `first` was stored only after the same call succeeded for it.
                TryGetListItem(walk, first, out var firstItem);
                var same = Nodes.TryGetString(first.Node, out var firstPath) && firstPath == path ? string.Empty : $" ({Nodes.Quote(firstPath)})";
                context.Report(RuleIds.DuplicateMountPath, visit.Node,
                    $"mountPath {Nodes.Quote(path)} of {walk.PathOf(item)} is the same directory as the mount path of {walk.PathOf(firstItem!)}{same}: " +
                    "only one filesystem can be mounted at a directory; give each filesystem configuration its own directory under /mnt.");
            }
            else
            {
                seen[key] = visit;
            }
        }
    }

    // The nearest ancestor that is an item of a list: the filesystem configuration the mount path belongs to.
    private static bool TryGetListItem(ShapeWalk walk, ShapeVisit visit, [NotNullWhen(true)] out ShapeVisit? item)
    {
        var current = visit;
        while (walk.TryGetParent(current, out var parent))
        {
            if (current.ItemIndex >= 0)
            {
                item = current;
                return true;
            }

            current = parent;
        }

        item = null;
        return false;
    }
}
