using System.Diagnostics.CodeAnalysis;
using System.Text;
using AgentCoreLint.Rules.Documents;

namespace AgentCoreLint.Rules.Model;

/// <summary>
/// One node of a request tree whose service-model shape is known: the value, its shape, and how it hangs from
/// its parent (the structure member or map entry it is the value of, or its index in a list).
/// </summary>
/// <remarks>A class rather than a struct: collections of reference types share the runtime's precompiled generic
/// code, while a struct element would make the first walk of every process JIT-compile its own List, Stack and
/// enumerator code (a one-file run is mostly start-up).</remarks>
public sealed class ShapeVisit
{
    internal ShapeVisit(int id, int parentId, DocNode node, Shape shape, PropertyNode? property, Member? member, int itemIndex)
    {
        Id = id;
        ParentId = parentId;
        Node = node;
        Shape = shape;
        Property = property;
        Member = member;
        ItemIndex = itemIndex;
    }

    /// <summary>The position of this visit in <see cref="ShapeWalk.Visits"/>.</summary>
    public int Id { get; }

    /// <summary>The <see cref="Id"/> of the parent's visit, or -1 for the request root.</summary>
    public int ParentId { get; }

    /// <summary>The value. May be an <see cref="UnknownNode"/> (not descended into) or a node of another kind
    /// than the shape expects (the schema validator reports that; rules skip it).</summary>
    public DocNode Node { get; }

    /// <summary>The service-model shape of the value.</summary>
    public Shape Shape { get; }

    /// <summary>The structure member or map entry whose value <see cref="Node"/> is (its key and key span); null
    /// for the root and for list items.</summary>
    public PropertyNode? Property { get; }

    /// <summary>The model member when the parent is a structure; null for map entries, list items and the root.</summary>
    public Member? Member { get; }

    /// <summary>The index in the parent list, or -1 when the parent is not a list.</summary>
    public int ItemIndex { get; }

    /// <summary>True when the value is an entry of a map shape (then <see cref="Property"/> holds the map key).</summary>
    public bool IsMapEntry => Property is not null && Member is null;

    /// <summary>True for the request root.</summary>
    public bool IsRoot => ParentId < 0;
}

/// <summary>
/// The result of walking one request tree alongside the service model: every node whose shape is known, in
/// document order (pre-order: a parent before its children, members in the order written).
/// </summary>
public sealed class ShapeWalk
{
    private readonly ShapeVisit[] _visits;

    internal ShapeWalk(string operation, Shape? input, ShapeVisit[] visits)
    {
        Operation = operation;
        Input = input;
        _visits = visits;
    }

    /// <summary>The operation the request was walked for.</summary>
    public string Operation { get; }

    /// <summary>The operation's input shape, or null when the operation is unknown (then <see cref="Visits"/> is empty).</summary>
    public Shape? Input { get; }

    /// <summary>All visits in document order; <see cref="ShapeVisit.Id"/> is the index in this list.</summary>
    public IReadOnlyList<ShapeVisit> Visits => _visits;

    /// <summary>The parent of a visit.</summary>
    /// <returns>False for the root.</returns>
    public bool TryGetParent(ShapeVisit visit, [NotNullWhen(true)] out ShapeVisit? parent)
    {
        if (visit.ParentId < 0 || visit.ParentId >= _visits.Length)
        {
            parent = null;
            return false;
        }

        parent = _visits[visit.ParentId];
        return true;
    }

    /// <summary>Every visit whose shape has the given model name (ordinal comparison), in document order.</summary>
    /// <param name="shapeName">A shape name of the service model, e.g. <c>MountPath</c>.</param>
    public IEnumerable<ShapeVisit> OfShape(string shapeName)
    {
        for (var i = 0; i < _visits.Length; i++)
        {
            if (string.Equals(_visits[i].Shape.Name, shapeName, StringComparison.Ordinal))
            {
                yield return _visits[i];
            }
        }
    }

    /// <summary>The path of a visit in API terms, for messages: member names joined by dots, list indexes in
    /// brackets and map keys quoted, e.g. <c>tools[0].config.remoteMcp.headers['Authorization']</c>.
    /// The root is <c>request</c>.</summary>
    public string PathOf(ShapeVisit visit)
    {
        if (visit.IsRoot)
        {
            return "request";
        }

        var chain = new List<ShapeVisit>();
        for (var v = visit; !v.IsRoot; v = _visits[v.ParentId])
        {
            chain.Add(v);
        }

        var sb = new StringBuilder();
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            var v = chain[i];
            if (v.ItemIndex >= 0)
            {
                sb.Append('[').Append(v.ItemIndex.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(']');
            }
            else if (v.IsMapEntry)
            {
                sb.Append("['").Append(v.Property!.Name).Append("']");
            }
            else
            {
                if (sb.Length > 0)
                {
                    sb.Append('.');
                }

                sb.Append(v.Property!.Name);
            }
        }

        return sb.ToString();
    }
}

/// <summary>
/// Walks a request tree alongside the AgentCore Control service model: from the operation's input shape
/// (<see cref="ApiModel.InputOf"/>) through structure members, list items and map values, yielding a
/// <see cref="ShapeVisit"/> for every node whose shape is known. Rules find what they check by shape name
/// (every <c>MountPath</c>, every union, every sensitive map) rather than by fixed paths, so an operation that
/// reuses a shape is covered without code changes.
/// </summary>
/// <remarks>
/// Members the model does not know (reported by the schema validator as unknown members) are not visited,
/// nor are the insides of <see cref="UnknownNode"/> values and of <c>document</c> shapes (which accept any JSON).
/// The walk is iterative (no recursion), so deeply nested input cannot overflow the stack. It never throws on
/// a tree of unexpected kinds: a node whose kind does not fit its shape is visited but not descended into.
/// </remarks>
public static class ShapeWalker
{
    /// <summary>Walks a request tree for an operation (not cached).</summary>
    /// <param name="operation">An AgentCore Control operation name, e.g. <c>CreateAgentRuntime</c>.</param>
    /// <param name="request">The request root.</param>
    /// <returns>The walk; empty when the operation is not in the model.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ShapeWalk Walk(string operation, DocNode request)
    {
        if (operation is null)
        {
            throw new ArgumentNullException(nameof(operation));
        }

        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        var input = ApiModel.InputOf(operation);
        if (input is null)
        {
            return new ShapeWalk(operation, null, Array.Empty<ShapeVisit>());
        }

        var shapes = ApiModel.Shapes;
        var visits = new List<ShapeVisit>(64);
        var stack = new Stack<Frame>(16);
        stack.Push(new Frame(request, input, -1, null, null, -1));
        while (stack.Count > 0)
        {
            var frame = stack.Pop();
            var id = visits.Count;
            visits.Add(new ShapeVisit(id, frame.ParentId, frame.Node, frame.Shape, frame.Property, frame.Member, frame.ItemIndex));
            PushChildren(stack, shapes, frame.Node, frame.Shape, id);
        }

        return new ShapeWalk(operation, input, visits.ToArray());
    }

    // Children are pushed last-first so that they pop in document order.
    private static void PushChildren(Stack<Frame> stack, IReadOnlyDictionary<string, Shape> shapes, DocNode node, Shape shape, int id)
    {
        switch (shape.Type)
        {
            case ShapeType.Structure when node is ObjectNode obj:
                var properties = obj.Properties;
                for (var i = properties.Count - 1; i >= 0; i--)
                {
                    var property = properties[i];
                    var member = shape.FindMember(property.Name);
                    if (member is not null && shapes.TryGetValue(member.Shape, out var memberShape))
                    {
                        stack.Push(new Frame(property.Value, memberShape, id, property, member, -1));
                    }
                }

                break;

            case ShapeType.List when node is ArrayNode array && shape.ListMember is not null &&
                                     shapes.TryGetValue(shape.ListMember, out var itemShape):
                var items = array.Items;
                for (var i = items.Count - 1; i >= 0; i--)
                {
                    stack.Push(new Frame(items[i], itemShape, id, null, null, i));
                }

                break;

            case ShapeType.Map when node is ObjectNode map && shape.MapValue is not null &&
                                    shapes.TryGetValue(shape.MapValue, out var valueShape):
                var entries = map.Properties;
                for (var i = entries.Count - 1; i >= 0; i--)
                {
                    stack.Push(new Frame(entries[i].Value, valueShape, id, entries[i], null, -1));
                }

                break;
        }
    }

    // A class for the reason ShapeVisit is one.
    private sealed class Frame
    {
        public Frame(DocNode node, Shape shape, int parentId, PropertyNode? property, Member? member, int itemIndex)
        {
            Node = node;
            Shape = shape;
            ParentId = parentId;
            Property = property;
            Member = member;
            ItemIndex = itemIndex;
        }

        public DocNode Node { get; }

        public Shape Shape { get; }

        public int ParentId { get; }

        public PropertyNode? Property { get; }

        public Member? Member { get; }

        public int ItemIndex { get; }
    }
}
