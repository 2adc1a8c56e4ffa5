using AgentCoreLint.Rules.Documents;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace AgentCoreLint.Core.Loading;

/// <summary>
/// Builds document trees from YAML with YamlDotNet's event parser, iteratively (no recursion on the call stack).
/// <list type="bullet">
/// <item>Plain scalars resolve by the YAML 1.2 core schema; quoted and block scalars are strings; the standard tags
/// <c>!!str</c>, <c>!!int</c>, <c>!!float</c>, <c>!!bool</c>, <c>!!null</c> select the type. Any other explicit tag
/// (CloudFormation's <c>!Ref</c>, <c>!GetAtt</c>, <c>!Sub</c> …) is kept in <see cref="DocNode.Tag"/> on the plain node;
/// a scalar with such a tag is a string holding the content as written.</item>
/// <item>An alias becomes a copy of its anchor's subtree with the pointers of the place it is used; the copy's root
/// spans the alias (<c>*name</c>), the values inside keep the spans where they are written. Copies count against
/// <see cref="LoadOptions.MaxAliasExpandedNodes"/>, so alias bombs stop early.</item>
/// <item>Merge keys (<c>&lt;&lt;: *base</c> or <c>&lt;&lt;: [*a, *b]</c>, YAML 1.1, as the AWS CLI's YAML loader reads them)
/// are applied: members of the merged mappings that the mapping does not set itself are copied in at the place of
/// the <c>&lt;&lt;</c> key; with a list, earlier mappings win.</item>
/// <item>Keys must be scalars (JSON has no other kind); a complex key is a finding and its entry is skipped.</item>
/// </list>
/// </summary>
internal sealed class YamlTreeReader
{
    private const string MergeKey = "<<";

    private readonly string _text;
    private readonly TextPositionMap _map;
    private readonly LoadOptions _options;
    private readonly FindingSink _sink;
    private readonly NodeBudget _budget;
    private readonly YamlAliasExpander _aliases;
    private readonly List<Frame> _frames = new();
    private readonly Dictionary<string, DocNode> _anchors = new(StringComparer.Ordinal);
    private readonly List<DocNode> _documents = new();
    private int _depth;
    private int _skipDepth;
    private bool _skippingKey;
    private int _aliasReferences;
    private long _lastIndex;
    private DocNode? _root;

    private YamlTreeReader(string text, LoadOptions options, FindingSink sink)
    {
        _text = text;
        _map = new TextPositionMap(text);
        _options = options;
        _sink = sink;
        _budget = new NodeBudget(options.MaxNodes);
        _aliases = new YamlAliasExpander(options, _budget);
    }

    private enum KeyState
    {
        AwaitKey,
        AwaitValue,
        AwaitMergeValue,
        SkipValue,
    }

    private Frame? Top => _depth > 0 ? _frames[_depth - 1] : null;

    /// <summary>Parses every document of <paramref name="text"/> (no BOM).</summary>
    /// <returns>The documents completed before any syntax error (the error is in <paramref name="sink"/>).</returns>
    /// <exception cref="LoadLimitException">A safety limit of <paramref name="options"/> was exceeded.</exception>
    public static List<DocNode> Read(string text, LoadOptions options, FindingSink sink)
    {
        var reader = new YamlTreeReader(text, options, sink);
        reader.Run();
        return reader._documents;
    }

    private void Run()
    {
        var parser = new Parser(new Scanner(new StringReader(_text), skipComments: true));
        while (true)
        {
            try
            {
                if (!parser.MoveNext())
                {
                    return;
                }
            }
            catch (YamlException ex)
            {
                _sink.Add("YAML syntax error: " + ex.Message, ErrorSpan(ex.Start, ex.End), NearestPointer());
                return;
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
            {
                // YamlDotNet's scanner fails this way on some malformed flow collections (e.g. an unclosed '[').
                _sink.Add(
                    "YAML syntax error: the parser cannot continue after this point. Look for an unclosed '[' or '{', or a key at the wrong indentation.",
                    _map.Point(_lastIndex),
                    NearestPointer());
                return;
            }

            var e = parser.Current!;
            _lastIndex = e.End.Index;
            if (!Handle(e))
            {
                return;
            }
        }
    }

    /// <returns>False when the event ends loading (a composition error, already reported).</returns>
    private bool Handle(ParsingEvent e)
    {
        switch (e)
        {
            case Scalar scalar:
                OnScalar(scalar);
                return true;
            case AnchorAlias alias:
                return OnAlias(alias);
            case MappingStart mapping:
                OnStart(mapping, isMapping: true, mapping.Style == MappingStyle.Flow);
                return true;
            case SequenceStart sequence:
                OnStart(sequence, isMapping: false, sequence.Style == SequenceStyle.Flow);
                return true;
            case MappingEnd or SequenceEnd:
                OnEnd(e);
                return true;
            case DocumentStart:
                _anchors.Clear();
                _root = null;
                return true;
            case DocumentEnd:
                if (_root is not null)
                {
                    _documents.Add(_root);
                }

                _root = null;
                return true;
            default:
                return true;
        }
    }

    private void OnScalar(Scalar scalar)
    {
        if (_skipDepth > 0)
        {
            return;
        }

        var start = scalar.Start.Index;
        var end = ScalarEnd(scalar);
        var span = _map.Span(start, end);
        var parent = Top;
        if (parent is { IsMapping: true })
        {
            parent.LastEnd = end;
            switch (parent.State)
            {
                case KeyState.AwaitKey:
                    parent.StartAtFirstKey(start);
                    var isMerge = scalar.Style == ScalarStyle.Plain && scalar.Tag.IsEmpty && scalar.Value == MergeKey;
                    OnKey(parent, scalar.Value, span, isMerge);
                    if (!scalar.Anchor.IsEmpty)
                    {
                        var keyNode = CreateScalar(scalar, span, JsonPointer.Append(parent.Pointer, scalar.Value));
                        _anchors[scalar.Anchor.Value] = keyNode;
                    }

                    return;
                case KeyState.SkipValue:
                    parent.State = KeyState.AwaitKey;
                    return;
                case KeyState.AwaitMergeValue:
                    BadMerge(span, parent);
                    return;
            }
        }

        var node = CreateScalar(scalar, span, ChildPointer(parent));
        if (!scalar.Anchor.IsEmpty)
        {
            _anchors[scalar.Anchor.Value] = node;
        }

        Attach(parent, node, end);
    }

    private bool OnAlias(AnchorAlias alias)
    {
        if (++_aliasReferences > _options.MaxAliasReferences)
        {
            throw new LoadLimitException(
                $"The file uses more than {Texts.Count(_options.MaxAliasReferences)} YAML aliases, the safety limit; it was not checked.",
                _map.Span(alias.Start.Index, alias.End.Index),
                NearestPointer());
        }

        if (_skipDepth > 0)
        {
            return true;
        }

        var span = _map.Span(alias.Start.Index, alias.End.Index);
        if (!_anchors.TryGetValue(alias.Value.Value, out var source))
        {
            _sink.Add(
                $"YAML alias {Texts.Name("*" + alias.Value.Value)} refers to no anchor of that name defined before it in this document.",
                span,
                NearestPointer());
            return false;
        }

        var end = alias.End.Index;
        var parent = Top;
        if (parent is { IsMapping: true })
        {
            parent.LastEnd = end;
            switch (parent.State)
            {
                case KeyState.AwaitKey:
                    parent.StartAtFirstKey(alias.Start.Index);
                    if (source is ScalarNode key)
                    {
                        OnKey(parent, key.Text, span, isMerge: false);
                    }
                    else
                    {
                        ComplexKey(span, parent);
                        parent.State = KeyState.SkipValue;
                    }

                    return true;
                case KeyState.SkipValue:
                    parent.State = KeyState.AwaitKey;
                    return true;
                case KeyState.AwaitMergeValue:
                    AddMergeSource(parent, source, span);
                    parent.State = KeyState.AwaitKey;
                    return true;
            }
        }

        if (parent is { IsMergeList: true })
        {
            // The mappings of a merge list are copied member by member when the mapping ends, not here.
            parent.Items.Add(source);
            parent.LastEnd = end;
            return true;
        }

        var copy = _aliases.Copy(source, ChildPointer(parent), span, _depth);
        Attach(parent, copy, end);
        return true;
    }

    private void OnStart(NodeEvent e, bool isMapping, bool isFlow)
    {
        if (_skipDepth > 0)
        {
            _skipDepth++;
            return;
        }

        var parent = Top;
        if (parent is { IsMapping: true } && parent.State is KeyState.AwaitKey or KeyState.SkipValue)
        {
            if (parent.State == KeyState.AwaitKey)
            {
                ComplexKey(_map.Point(e.Start.Index), parent);
            }

            _skippingKey = parent.State == KeyState.AwaitKey;
            _skipDepth = 1;
            return;
        }

        if (_depth >= _options.MaxDepth)
        {
            throw new LoadLimitException(Texts.DepthExceeded(_options.MaxDepth), _map.Point(e.Start.Index), NearestPointer());
        }

        var isMergeList = !isMapping && parent is { IsMapping: true, State: KeyState.AwaitMergeValue };
        var pointer = ChildPointer(parent);
        if (_frames.Count == _depth)
        {
            _frames.Add(new Frame());
        }

        var frame = _frames[_depth];
        frame.Open(isMapping, isFlow, isMergeList, pointer, e.Start.Index, YamlScalars.TagOf(e.Tag), e.Anchor.IsEmpty ? null : e.Anchor.Value);

        // A single-pair mapping in a flow sequence ("[a: 1]") has no braces; the parser marks it from the sequence's
        // bracket, so it is spanned from its key to its value instead. (It cannot have a tag or an anchor of its own.)
        var at = (int)Math.Min(e.Start.Index, _text.Length);
        frame.IsImplicitPair = isMapping && isFlow && e.Tag.IsEmpty && e.Anchor.IsEmpty && (at >= _text.Length || _text[at] != '{');
        _depth++;
    }

    private void OnEnd(ParsingEvent e)
    {
        if (_skipDepth > 0)
        {
            if (--_skipDepth == 0)
            {
                var owner = Top!;
                owner.State = _skippingKey ? KeyState.SkipValue : KeyState.AwaitKey;
                owner.LastEnd = e.End.Index;
            }

            return;
        }

        var frame = Top!;
        long end;
        if (frame.IsFlow && !frame.IsImplicitPair)
        {
            // The end event of a flow collection starts at its bracket; the span includes the bracket.
            var at = (int)Math.Min(e.Start.Index, _text.Length);
            end = at < _text.Length && _text[at] is ']' or '}' ? at + 1 : e.End.Index;
        }
        else
        {
            // A block collection (or a flow pair) ends with its last value, not at the token the parser stops on.
            end = Math.Max(frame.LastEnd, frame.Start);
        }

        var span = _map.Span(frame.Start, end);
        DocNode node;
        if (frame.IsMapping)
        {
            if (frame.State == KeyState.AwaitMergeValue)
            {
                BadMerge(span, frame);
            }

            var members = frame.MergeSources is null
                ? frame.Members.Items
                : _aliases.Merge(frame.Members.Items, frame.MergeSources, frame.MergeIndex, frame.Pointer, _depth);
            node = new ObjectNode(span, frame.Pointer, members) { Tag = frame.Tag };
        }
        else
        {
            node = new ArrayNode(span, frame.Pointer, frame.Items) { Tag = frame.Tag };
        }

        _budget.Add(span, frame.Pointer);
        if (frame.Anchor is not null)
        {
            _anchors[frame.Anchor] = node;
        }

        var isMergeList = frame.IsMergeList;
        frame.Close();
        _depth--;
        var parent = Top;
        if (isMergeList && parent is not null)
        {
            foreach (var item in ((ArrayNode)node).Items)
            {
                AddMergeSource(parent, item, item.Span);
            }

            parent.State = KeyState.AwaitKey;
            parent.LastEnd = end;
            return;
        }

        Attach(parent, node, end);
    }

    private void OnKey(Frame mapping, string name, SourceSpan span, bool isMerge)
    {
        if (isMerge)
        {
            mapping.State = KeyState.AwaitMergeValue;
            mapping.MergeSources ??= new List<ObjectNode>();
            if (mapping.MergeIndex < 0)
            {
                mapping.MergeIndex = mapping.Members.Count;
            }

            return;
        }

        var pointer = JsonPointer.Append(mapping.Pointer, name);
        if (mapping.Members.Contains(name))
        {
            _sink.Add(
                $"Duplicate key {Texts.Name(name)} in this mapping: YAML requires unique keys and loaders keep only the last occurrence, which hides the earlier value. Write each key once.",
                span,
                pointer);
        }

        mapping.KeyName = name;
        mapping.KeySpan = span;
        mapping.KeyPointer = pointer;
        mapping.State = KeyState.AwaitValue;
    }

    private void Attach(Frame? parent, DocNode node, long end)
    {
        if (parent is null)
        {
            _root = node;
            return;
        }

        parent.LastEnd = end;
        if (!parent.IsMapping)
        {
            parent.Items.Add(node);
            return;
        }

        if (parent.State == KeyState.AwaitMergeValue)
        {
            AddMergeSource(parent, node, node.Span);
            parent.State = KeyState.AwaitKey;
            return;
        }

        parent.Members.Add(new PropertyNode(parent.KeyName!, parent.KeySpan, node));
        parent.KeyName = null;
        parent.KeyPointer = null;
        parent.State = KeyState.AwaitKey;
    }

    private void AddMergeSource(Frame mapping, DocNode source, SourceSpan span)
    {
        if (source is ObjectNode obj)
        {
            mapping.MergeSources!.Add(obj);
            return;
        }

        BadMerge(span, mapping);
    }

    private void BadMerge(SourceSpan span, Frame mapping)
    {
        _sink.Add(
            "The YAML merge key '<<' takes a mapping or a list of mappings (usually aliases such as *base); this value is ignored.",
            span,
            mapping.Pointer);
        mapping.State = KeyState.AwaitKey;
    }

    private void ComplexKey(SourceSpan span, Frame mapping) =>
        _sink.Add(
            "This mapping key is a list or a mapping; JSON request documents only have string keys. The entry is ignored.",
            span,
            mapping.Pointer);

    private ScalarNode CreateScalar(Scalar scalar, SourceSpan span, string pointer)
    {
        var kind = YamlScalars.Resolve(scalar, span, pointer, _sink, out var text, out var tag);
        _budget.Add(span, pointer);
        return new ScalarNode(span, pointer, kind, text) { Tag = tag };
    }

    /// <summary>The end of a scalar; a block scalar's end event is on the next token's line, so trailing breaks are cut.</summary>
    private long ScalarEnd(Scalar scalar)
    {
        var start = scalar.Start.Index;
        var end = Math.Min(scalar.End.Index, _text.Length);
        if (scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded)
        {
            while (end > start && _text[(int)end - 1] is ' ' or '\t' or '\r' or '\n')
            {
                end--;
            }
        }

        return end;
    }

    private SourceSpan ErrorSpan(Mark start, Mark end)
    {
        if (end.Index <= start.Index)
        {
            return _map.Point(start.Index);
        }

        return _map.Span(start.Index, end.Index);
    }

    private string ChildPointer(Frame? parent)
    {
        if (parent is null)
        {
            return JsonPointer.Root;
        }

        if (!parent.IsMapping)
        {
            return JsonPointer.Append(parent.Pointer, parent.Items.Count);
        }

        return parent.State == KeyState.AwaitMergeValue ? JsonPointer.Append(parent.Pointer, MergeKey) : parent.KeyPointer!;
    }

    private string NearestPointer()
    {
        var top = Top;
        if (top is null)
        {
            return JsonPointer.Root;
        }

        return top is { IsMapping: true, KeyPointer: not null } ? top.KeyPointer : top.Pointer;
    }

    /// <summary>An open mapping or sequence. Frames are reused by depth, so their lists are allocated once per file.</summary>
    private sealed class Frame
    {
        public bool IsMapping { get; private set; }

        public bool IsFlow { get; private set; }

        public bool IsMergeList { get; private set; }

        public bool IsImplicitPair { get; set; }

        public string Pointer { get; private set; } = JsonPointer.Root;

        public long Start { get; private set; }

        public long LastEnd { get; set; }

        public string? Tag { get; private set; }

        public string? Anchor { get; private set; }

        public MemberList Members { get; } = new();

        public List<DocNode> Items { get; } = new();

        public KeyState State { get; set; }

        public string? KeyName { get; set; }

        public SourceSpan KeySpan { get; set; }

        public string? KeyPointer { get; set; }

        public List<ObjectNode>? MergeSources { get; set; }

        public int MergeIndex { get; set; } = -1;

        public void Open(bool isMapping, bool isFlow, bool isMergeList, string pointer, long start, string? tag, string? anchor)
        {
            IsMapping = isMapping;
            IsFlow = isFlow;
            IsMergeList = isMergeList;
            Pointer = pointer;
            Start = start;
            LastEnd = start;
            Tag = tag;
            Anchor = anchor;
            State = KeyState.AwaitKey;
        }

        /// <summary>Moves the start of an implicit flow pair to its key.</summary>
        public void StartAtFirstKey(long keyStart)
        {
            if (IsImplicitPair && Members.Count == 0 && MergeSources is null)
            {
                Start = keyStart;
            }
        }

        public void Close()
        {
            Members.Clear();
            Items.Clear();
            KeyName = null;
            KeyPointer = null;
            MergeSources = null;
            MergeIndex = -1;
            IsImplicitPair = false;
        }
    }


}
