using AgentCoreLint.Rules.Documents;
using AgentCoreLint.Rules.Model;

namespace AgentCoreLint.Core.Iac;

/// <summary>
/// What the schema validator knows about one node of a request tree: the node, the member that holds it (for
/// locating "missing member" findings at the parent's key), its service-model shape, and whether any shape on
/// its path is <c>sensitive</c> (then its value is never echoed).
/// </summary>
internal sealed record IndexedNode(DocNode Node, PropertyNode? Holder, PropertyNode? Key, Shape? Shape, bool IsSensitive, string ApiPath)
{
    /// <summary>For a key of a map: the map's shape (whose key shape constrains the key).</summary>
    public Shape? MapShape { get; init; }
}

/// <summary>
/// Numbers the nodes of a request tree in document order (ids from 1) while walking the service model beside it,
/// so that a validation error can be traced back to the exact node, key and shape it concerns.
/// </summary>
internal sealed class NodeIndex
{
    private readonly List<IndexedNode> _nodes = new() { null! };

    public IndexedNode this[int id] => _nodes[id];

    public int Count => _nodes.Count - 1;

    /// <summary>Every registered node, in document order.</summary>
    public IEnumerable<IndexedNode> All => _nodes.Skip(1);

    /// <summary>Registers a value node; returns its id.</summary>
    public int AddValue(DocNode node, PropertyNode? holder, Shape? shape, bool sensitive, string apiPath)
    {
        _nodes.Add(new IndexedNode(node, holder, null, shape, sensitive, apiPath));
        return _nodes.Count - 1;
    }

    /// <summary>Registers a member key; returns its id.</summary>
    public int AddKey(PropertyNode key, Shape? valueShape, bool sensitive, string apiPath, Shape? mapShape)
    {
        _nodes.Add(new IndexedNode(key.Value, key, key, valueShape, sensitive, apiPath) { MapShape = mapShape });
        return _nodes.Count - 1;
    }
}
