using AgentCoreLint.Rules.Documents;

namespace AgentCoreLint.Core.Loading;

/// <summary>
/// Expands YAML aliases and merge keys for <see cref="YamlTreeReader"/>: an alias becomes a copy of its anchor's
/// subtree with the pointers of the place it is used, and a merge key copies in the merged mappings' members. Copies
/// are made iteratively (no recursion on the call stack), and every node copied counts against
/// <see cref="LoadOptions.MaxAliasExpandedNodes"/> and the file's node budget, so alias bombs stop early.
/// </summary>
internal sealed class YamlAliasExpander
{
    private readonly LoadOptions _options;
    private readonly NodeBudget _budget;
    private int _aliasNodes;

    /// <summary>Creates the expander of one file.</summary>
    /// <param name="options">The limits.</param>
    /// <param name="budget">The file's node budget, shared with the reader.</param>
    public YamlAliasExpander(LoadOptions options, NodeBudget budget)
    {
        _options = options;
        _budget = budget;
    }

    /// <summary>The mapping's members with the merged mappings' members it does not set itself, at the place of <c>&lt;&lt;</c>.</summary>
    /// <param name="own">The members the mapping sets itself, in order.</param>
    /// <param name="sources">The merged mappings, earlier ones winning.</param>
    /// <param name="mergeIndex">How many of <paramref name="own"/> precede the <c>&lt;&lt;</c> key.</param>
    /// <param name="pointer">The mapping's pointer.</param>
    /// <param name="depth">The mapping's nesting depth, for the depth limit of the copies.</param>
    /// <exception cref="LoadLimitException">A copy exceeds the alias expansion, node or depth limit.</exception>
    public List<PropertyNode> Merge(List<PropertyNode> own, List<ObjectNode> sources, int mergeIndex, string pointer, int depth)
    {
        var merged = new List<PropertyNode>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in own)
        {
            seen.Add(member.Name);
        }

        foreach (var source in sources)
        {
            foreach (var member in source.Properties)
            {
                if (seen.Add(member.Name))
                {
                    var value = Copy(member.Value, JsonPointer.Append(pointer, member.Name), rootSpan: null, depth);
                    merged.Add(new PropertyNode(member.Name, member.KeySpan, value));
                }
            }
        }

        var at = Math.Min(mergeIndex, own.Count);
        var result = new List<PropertyNode>(own.Count + merged.Count);
        result.AddRange(own.GetRange(0, at));
        result.AddRange(merged);
        result.AddRange(own.GetRange(at, own.Count - at));
        return result;
    }

    /// <summary>
    /// Copies <paramref name="source"/> to the place <paramref name="pointer"/>, iteratively. Every node copied counts
    /// against both the node and the alias expansion limits, which is what bounds alias bombs.
    /// </summary>
    /// <param name="source">The anchored node.</param>
    /// <param name="pointer">The pointer of the place the copy goes to.</param>
    /// <param name="rootSpan">The copy root's span (the alias), or null to keep the source's.</param>
    /// <param name="baseDepth">The nesting depth of the place the copy goes to.</param>
    /// <exception cref="LoadLimitException">The copy exceeds the alias expansion, node or depth limit.</exception>
    public DocNode Copy(DocNode source, string pointer, SourceSpan? rootSpan, int baseDepth)
    {
        if (source is not (ObjectNode or ArrayNode))
        {
            return CopyLeaf(source, pointer, rootSpan ?? source.Span);
        }

        var stack = new List<CopyFrame> { new(source, pointer, rootSpan ?? source.Span) };
        CheckCopyDepth(baseDepth + 1, pointer, rootSpan ?? source.Span);
        while (true)
        {
            var top = stack[^1];
            if (top.Next < top.Count)
            {
                var index = top.Next++;
                var child = top.Child(index, out var name);
                var childPointer = name is null ? JsonPointer.Append(top.Pointer, index) : JsonPointer.Append(top.Pointer, name);
                if (child is ObjectNode or ArrayNode)
                {
                    CheckCopyDepth(baseDepth + stack.Count + 1, childPointer, child.Span);
                    stack.Add(new CopyFrame(child, childPointer, child.Span));
                }
                else
                {
                    top.Add(index, CopyLeaf(child, childPointer, child.Span));
                }

                continue;
            }

            var built = top.Build();
            CountCopy(built.Span, built.Pointer);
            stack.RemoveAt(stack.Count - 1);
            if (stack.Count == 0)
            {
                return built;
            }

            var parent = stack[^1];
            parent.Add(parent.Next - 1, built);
        }
    }

    private DocNode CopyLeaf(DocNode source, string pointer, SourceSpan span)
    {
        CountCopy(span, pointer);
        return source switch
        {
            ScalarNode scalar => new ScalarNode(span, pointer, scalar.Kind, scalar.Text) { Tag = scalar.Tag },
            UnknownNode unknown => new UnknownNode(span, pointer, unknown.Reason, unknown.Source) { Tag = unknown.Tag },
            _ => throw new InvalidOperationException("Containers are copied by Copy."),
        };
    }

    private void CountCopy(SourceSpan span, string pointer)
    {
        if (++_aliasNodes > _options.MaxAliasExpandedNodes)
        {
            throw new LoadLimitException(
                $"YAML aliases in this file expand to more than {Texts.Count(_options.MaxAliasExpandedNodes)} values, the safety limit (an alias bomb, \"billion laughs\"?); it was not checked.",
                span,
                pointer);
        }

        _budget.Add(span, pointer);
    }

    private void CheckCopyDepth(int depth, string pointer, SourceSpan span)
    {
        if (depth > _options.MaxDepth)
        {
            throw new LoadLimitException(Texts.DepthExceeded(_options.MaxDepth), span, pointer);
        }
    }

    /// <summary>One container being copied by <see cref="Copy"/>.</summary>
    private sealed class CopyFrame
    {
        private readonly ObjectNode? _object;
        private readonly ArrayNode? _array;
        private readonly List<PropertyNode>? _members;
        private readonly List<DocNode>? _items;

        public CopyFrame(DocNode source, string pointer, SourceSpan span)
        {
            Pointer = pointer;
            Span = span;
            Tag = source.Tag;
            if (source is ObjectNode obj)
            {
                _object = obj;
                _members = new List<PropertyNode>(obj.Properties.Count);
                Count = obj.Properties.Count;
            }
            else
            {
                _array = (ArrayNode)source;
                _items = new List<DocNode>(_array.Items.Count);
                Count = _array.Items.Count;
            }
        }

        public string Pointer { get; }

        public SourceSpan Span { get; }

        public string? Tag { get; }

        public int Count { get; }

        public int Next { get; set; }

        public DocNode Child(int index, out string? name)
        {
            if (_object is not null)
            {
                var member = _object.Properties[index];
                name = member.Name;
                return member.Value;
            }

            name = null;
            return _array!.Items[index];
        }

        public void Add(int index, DocNode copy)
        {
            if (_object is not null)
            {
                var member = _object.Properties[index];
                _members!.Add(new PropertyNode(member.Name, member.KeySpan, copy));
            }
            else
            {
                _items!.Add(copy);
            }
        }

        public DocNode Build() => _object is not null
            ? new ObjectNode(Span, Pointer, _members!) { Tag = Tag }
            : new ArrayNode(Span, Pointer, _items!) { Tag = Tag };
    }
}
