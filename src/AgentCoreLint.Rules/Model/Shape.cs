namespace AgentCoreLint.Rules.Model;

/// <summary>The type of a service-model shape (botocore <c>shapes.*.type</c>; <c>document</c> shapes are
/// structures with <c>"document": true</c> in the model and accept any JSON).</summary>
public enum ShapeType
{
    /// <summary>A structure (or union) with named members.</summary>
    Structure,

    /// <summary>A list of one member shape.</summary>
    List,

    /// <summary>A map from a key shape (string) to a value shape.</summary>
    Map,

    /// <summary>A string (possibly an enum).</summary>
    String,

    /// <summary>A 32-bit integer.</summary>
    Integer,

    /// <summary>A 64-bit integer.</summary>
    Long,

    /// <summary>A 32-bit float.</summary>
    Float,

    /// <summary>A 64-bit float.</summary>
    Double,

    /// <summary>A boolean.</summary>
    Boolean,

    /// <summary>A timestamp (ISO 8601 string or epoch seconds in request documents).</summary>
    Timestamp,

    /// <summary>Binary data (base64 in JSON).</summary>
    Blob,

    /// <summary>Any JSON value (Smithy document type).</summary>
    Document,
}

/// <summary>A member of a structure shape.</summary>
/// <param name="Name">The member name as sent on the wire (camelCase), e.g. <c>agentRuntimeName</c>.</param>
/// <param name="Shape">The target shape's name.</param>
/// <param name="Location">Where the member travels for REST operations (<c>uri</c>, <c>querystring</c>,
/// <c>header</c>), or null for the body. Request documents (CLI <c>--cli-input-json</c>) hold all of them.</param>
/// <param name="Deprecated">True when the model marks the member deprecated.</param>
public sealed record Member(string Name, string Shape, string? Location = null, bool Deprecated = false);

/// <summary>
/// A shape of the AgentCore Control service model (botocore <c>bedrock-agentcore-control</c> 2023-06-05),
/// reduced to what rules and the shape validator need: structure, required members, unions, sensitivity and the
/// constraint traits (<c>min</c>, <c>max</c>, <c>pattern</c>, <c>enum</c>).
/// </summary>
public sealed class Shape
{
    private readonly Dictionary<string, Member> _members;

    /// <summary>Creates a shape (used by the generated model table).</summary>
    public Shape(string name, ShapeType type, IReadOnlyList<Member>? members = null, IReadOnlyList<string>? required = null,
        string? listMember = null, string? mapKey = null, string? mapValue = null, IReadOnlyList<string>? enumValues = null,
        bool isUnion = false, bool isSensitive = false, decimal? min = null, decimal? max = null, string? pattern = null)
    {
        Name = name;
        Type = type;
        Members = members ?? Array.Empty<Member>();
        Required = required ?? Array.Empty<string>();
        ListMember = listMember;
        MapKey = mapKey;
        MapValue = mapValue;
        EnumValues = enumValues;
        IsUnion = isUnion;
        IsSensitive = isSensitive;
        Min = min;
        Max = max;
        Pattern = pattern;
        _members = Members.ToDictionary(m => m.Name, StringComparer.Ordinal);
    }

    /// <summary>The shape name in the model, e.g. <c>FilesystemConfiguration</c>.</summary>
    public string Name { get; }

    /// <summary>The shape's type.</summary>
    public ShapeType Type { get; }

    /// <summary>Structure members in model order (empty for other types).</summary>
    public IReadOnlyList<Member> Members { get; }

    /// <summary>Names of required members (structures).</summary>
    public IReadOnlyList<string> Required { get; }

    /// <summary>The item shape name (lists).</summary>
    public string? ListMember { get; }

    /// <summary>The key shape name (maps).</summary>
    public string? MapKey { get; }

    /// <summary>The value shape name (maps).</summary>
    public string? MapValue { get; }

    /// <summary>Allowed values (enum strings), or null.</summary>
    public IReadOnlyList<string>? EnumValues { get; }

    /// <summary>True for a tagged union (<c>"union": true</c>): exactly one member must be set.</summary>
    public bool IsUnion { get; }

    /// <summary>True when the model marks the shape <c>sensitive</c>: its values are never echoed.</summary>
    public bool IsSensitive { get; }

    /// <summary>The model's <c>min</c> trait: the fewest characters (strings; Unicode scalar values, as Smithy counts),
    /// bytes (blobs), items (lists) or entries (maps), or the lowest value (numbers); null when unconstrained.</summary>
    public decimal? Min { get; }

    /// <summary>The model's <c>max</c> trait, counted like <see cref="Min"/>; null when unconstrained.</summary>
    public decimal? Max { get; }

    /// <summary>The model's <c>pattern</c> trait of a string shape, as written in the model (unanchored: Smithy
    /// patterns are searches, and the AWS API applies them to the whole value); null when unconstrained.</summary>
    public string? Pattern { get; }

    /// <summary>Finds a member by its wire name.</summary>
    /// <returns>The member, or null.</returns>
    public Member? FindMember(string name) => _members.TryGetValue(name, out var m) ? m : null;
}
