using System.Globalization;

namespace AgentCoreLint.Rules.Documents;

/// <summary>The JSON data model kinds of a <see cref="DocNode"/>, plus <see cref="Unknown"/>.</summary>
public enum NodeKind
{
    /// <summary>A mapping of member names to values.</summary>
    Object,

    /// <summary>An ordered sequence of values.</summary>
    Array,

    /// <summary>A string scalar.</summary>
    String,

    /// <summary>A number scalar without fraction or exponent.</summary>
    Integer,

    /// <summary>A number scalar with a fraction or exponent.</summary>
    Float,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary><c>null</c> (JSON) or <c>~</c>/<c>null</c>/empty (YAML).</summary>
    Null,

    /// <summary>A value that cannot be known statically: a CloudFormation intrinsic function, a Terraform
    /// value known only after apply, a non-constant C# expression. Rules skip value checks on it.</summary>
    Unknown,
}

/// <summary>
/// A node of a document tree, loaded from JSON or YAML (or mapped from infrastructure as code) with the
/// source region it came from. Trees are immutable once built.
/// </summary>
public abstract class DocNode
{
    /// <summary>Creates a node.</summary>
    /// <param name="span">Where the value is written in the source file.</param>
    /// <param name="pointer">The JSON Pointer of the value in the source file (not in the API request).</param>
    protected DocNode(SourceSpan span, string pointer)
    {
        Span = span;
        Pointer = pointer;
    }

    /// <summary>What kind of value this is.</summary>
    public abstract NodeKind Kind { get; }

    /// <summary>The source region of the value (for an object or array, from its first to its last character).</summary>
    public SourceSpan Span { get; }

    /// <summary>The JSON Pointer of this value in the file the user wrote.</summary>
    public string Pointer { get; }

    /// <summary>The explicit YAML tag of the node (e.g. <c>!Ref</c>, <c>!GetAtt</c>), or null when untagged or JSON.</summary>
    public string? Tag { get; init; }

    /// <summary>True when the input marked this value sensitive (e.g. Terraform's <c>after_sensitive</c>);
    /// its text must never be printed.</summary>
    public bool IsSensitive { get; init; }

    /// <summary>A short description of the kind for messages: "an object", "a string", ….</summary>
    public string KindDescription => Describe(Kind);

    /// <summary>Describes a kind with an article, for messages ("a string", "an object").</summary>
    public static string Describe(NodeKind kind) => kind switch
    {
        NodeKind.Object => "an object",
        NodeKind.Array => "a list",
        NodeKind.String => "a string",
        NodeKind.Integer => "an integer",
        NodeKind.Float => "a number",
        NodeKind.Boolean => "a boolean",
        NodeKind.Null => "null",
        _ => "a value unknown until deployment",
    };
}

/// <summary>One member of an <see cref="ObjectNode"/>: its name, where the name is written, and its value.</summary>
public sealed class PropertyNode
{
    /// <summary>Creates a member.</summary>
    /// <param name="name">The member name as written (unescaped).</param>
    /// <param name="keySpan">Where the name is written.</param>
    /// <param name="value">The member's value; its <see cref="DocNode.Pointer"/> is the member's pointer.</param>
    public PropertyNode(string name, SourceSpan keySpan, DocNode value)
    {
        Name = name;
        KeySpan = keySpan;
        Value = value;
    }

    /// <summary>The member name.</summary>
    public string Name { get; }

    /// <summary>Where the member name (the key) is written.</summary>
    public SourceSpan KeySpan { get; }

    /// <summary>The member's value.</summary>
    public DocNode Value { get; }

    /// <summary>The JSON Pointer of the member (the same as its value's).</summary>
    public string Pointer => Value.Pointer;
}

/// <summary>An object: members in document order. Duplicate names are kept by the loader only as a finding;
/// the tree holds the last occurrence, as JSON parsers and the service do.</summary>
public sealed class ObjectNode : DocNode
{
    private readonly PropertyNode[] _properties;
    private Dictionary<string, PropertyNode>? _index;

    /// <summary>Creates an object node.</summary>
    public ObjectNode(SourceSpan span, string pointer, IEnumerable<PropertyNode> properties)
        : base(span, pointer)
    {
        _properties = properties.ToArray();
    }

    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.Object;

    /// <summary>The members in document order.</summary>
    public IReadOnlyList<PropertyNode> Properties => _properties;

    /// <summary>Finds a member by exact (case-sensitive) name.</summary>
    /// <returns>The member, or null when absent.</returns>
    public PropertyNode? Find(string name)
    {
        if (_properties.Length <= 8)
        {
            foreach (var p in _properties)
            {
                if (string.Equals(p.Name, name, StringComparison.Ordinal))
                {
                    return p;
                }
            }

            return null;
        }

        if (_index is null)
        {
            var index = new Dictionary<string, PropertyNode>(StringComparer.Ordinal);
            foreach (var p in _properties)
            {
                index[p.Name] = p;
            }

            _index = index;
        }

        return _index.TryGetValue(name, out var found) ? found : null;
    }

    /// <summary>The value of a member, or null when absent.</summary>
    public DocNode? this[string name] => Find(name)?.Value;
}

/// <summary>A list of values.</summary>
public sealed class ArrayNode : DocNode
{
    private readonly DocNode[] _items;

    /// <summary>Creates an array node.</summary>
    public ArrayNode(SourceSpan span, string pointer, IEnumerable<DocNode> items)
        : base(span, pointer)
    {
        _items = items.ToArray();
    }

    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.Array;

    /// <summary>The items in order.</summary>
    public IReadOnlyList<DocNode> Items => _items;
}

/// <summary>
/// A scalar: string, integer, float, boolean or null. <see cref="Text"/> holds the string's content, or a
/// number's lexical form exactly as written (so no precision is lost), or <c>true</c>/<c>false</c>/<c>null</c>.
/// </summary>
public sealed class ScalarNode : DocNode
{
    private readonly NodeKind _kind;

    /// <summary>Creates a scalar.</summary>
    /// <param name="span">Where the value is written (for a quoted string, including the quotes).</param>
    /// <param name="pointer">The value's JSON Pointer.</param>
    /// <param name="kind">One of String, Integer, Float, Boolean, Null.</param>
    /// <param name="text">The content (strings, unescaped) or lexical form (numbers, booleans, null).</param>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is not a scalar kind.</exception>
    public ScalarNode(SourceSpan span, string pointer, NodeKind kind, string text)
        : base(span, pointer)
    {
        if (kind is NodeKind.Object or NodeKind.Array or NodeKind.Unknown)
        {
            throw new ArgumentException($"{kind} is not a scalar kind.", nameof(kind));
        }

        _kind = kind;
        Text = text;
    }

    /// <inheritdoc />
    public override NodeKind Kind => _kind;

    /// <summary>The string content, or the lexical form of a number, boolean or null.</summary>
    public string Text { get; }

    /// <summary>True for a string scalar.</summary>
    public bool IsString => _kind == NodeKind.String;

    /// <summary>The value as a double when the node is a number (integer or float) that parses.</summary>
    public bool TryGetDouble(out double value)
    {
        value = 0;
        return _kind is NodeKind.Integer or NodeKind.Float &&
               double.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>The value as a 64-bit integer when the node is an integer in range.</summary>
    public bool TryGetInt64(out long value)
    {
        value = 0;
        return _kind == NodeKind.Integer &&
               long.TryParse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>The boolean value when the node is a boolean.</summary>
    public bool? AsBoolean => _kind == NodeKind.Boolean ? string.Equals(Text, "true", StringComparison.Ordinal) : null;
}

/// <summary>
/// A value that is not known until deployment (a CloudFormation intrinsic function or dynamic reference
/// result, a Terraform unknown). Structural checks still see that a member is present; value checks skip it.
/// </summary>
public sealed class UnknownNode : DocNode
{
    /// <summary>Creates an unknown value.</summary>
    /// <param name="span">Where the expression is written.</param>
    /// <param name="pointer">The expression's JSON Pointer in the source file.</param>
    /// <param name="reason">What makes it unknown, for diagnostics: e.g. <c>Fn::GetAtt</c>, <c>known after apply</c>.</param>
    /// <param name="source">The node as written in the source, when there is one (e.g. the intrinsic's object).</param>
    public UnknownNode(SourceSpan span, string pointer, string reason, DocNode? source = null)
        : base(span, pointer)
    {
        Reason = reason;
        Source = source;
    }

    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.Unknown;

    /// <summary>What makes the value unknown (e.g. <c>Fn::GetAtt</c>).</summary>
    public string Reason { get; }

    /// <summary>The expression as written, when the input had one.</summary>
    public DocNode? Source { get; }
}
