using System.Text.Json;

namespace AgentCoreLint.SchemaGen.Model;

/// <summary>The kinds of shape a botocore service model declares (<c>shapes.*.type</c>).</summary>
public enum ShapeKind
{
    Structure,
    List,
    Map,
    String,
    Integer,
    Long,
    Float,
    Double,
    Boolean,
    Timestamp,
    Blob,
}

/// <summary>An operation of the service model.</summary>
/// <param name="Name">The operation name, e.g. <c>CreateAgentRuntime</c>.</param>
/// <param name="InputShape">The input shape name (e.g. <c>CreateAgentRuntimeRequest</c>), or null when the operation takes none.</param>
/// <param name="Documentation">The model's HTML documentation, or null.</param>
public sealed record ServiceOperation(string Name, string? InputShape, string? Documentation);

/// <summary>A member of a structure shape.</summary>
/// <param name="Name">The wire name (camelCase), which is also the key in request documents.</param>
/// <param name="Shape">The target shape name.</param>
/// <param name="Documentation">The model's HTML documentation, or null.</param>
/// <param name="Location">Where a REST request carries the member (<c>uri</c>, <c>querystring</c>, <c>header</c>), or null for the body.</param>
/// <param name="Deprecated">True when the model marks the member deprecated.</param>
/// <param name="DeprecatedMessage">The model's deprecation note, or null.</param>
public sealed record ServiceMember(
    string Name,
    string Shape,
    string? Documentation = null,
    string? Location = null,
    bool Deprecated = false,
    string? DeprecatedMessage = null);

/// <summary>A shape of the service model with the traits that schema generation uses.</summary>
/// <param name="Name">The shape name, e.g. <c>AgentRuntimeName</c>.</param>
/// <param name="Kind">The shape type.</param>
/// <param name="Documentation">The model's HTML documentation, or null.</param>
/// <param name="Members">Structure members in model order; empty for other kinds.</param>
/// <param name="Required">Names of required structure members, in model order.</param>
/// <param name="ListMember">The item shape of a list.</param>
/// <param name="MapKey">The key shape of a map.</param>
/// <param name="MapValue">The value shape of a map.</param>
/// <param name="Min">The <c>min</c> trait: characters (strings), entries (lists, maps) or the lowest value (numbers).</param>
/// <param name="Max">The <c>max</c> trait, counted like <paramref name="Min"/>.</param>
/// <param name="Pattern">The Smithy pattern of a string, unanchored as written in the model.</param>
/// <param name="Enum">Allowed string values, or null.</param>
/// <param name="Sensitive">True for <c>sensitive</c> shapes, whose values must never be echoed.</param>
/// <param name="Union">True for tagged unions: exactly one member is set.</param>
/// <param name="Document">True for document structures, which accept any JSON value.</param>
public sealed record ServiceShape(
    string Name,
    ShapeKind Kind,
    string? Documentation = null,
    IReadOnlyList<ServiceMember>? Members = null,
    IReadOnlyList<string>? Required = null,
    string? ListMember = null,
    string? MapKey = null,
    string? MapValue = null,
    decimal? Min = null,
    decimal? Max = null,
    string? Pattern = null,
    IReadOnlyList<string>? Enum = null,
    bool Sensitive = false,
    bool Union = false,
    bool Document = false)
{
    /// <summary>Structure members in model order (never null).</summary>
    public IReadOnlyList<ServiceMember> Members { get; init; } = Members ?? [];

    /// <summary>Required member names (never null).</summary>
    public IReadOnlyList<string> Required { get; init; } = Required ?? [];
}

/// <summary>
/// A botocore service model (<c>service-2.json</c>) reduced to operations and shapes. Parsing checks that every
/// shape reference resolves, so generators can look shapes up without guarding each access.
/// </summary>
public sealed class ServiceModel
{
    private readonly Dictionary<string, ServiceShape> _shapes;

    /// <summary>Creates a model and checks that all shape references resolve.</summary>
    /// <exception cref="InvalidDataException">A reference names a shape the model does not have, or a required member is not a member.</exception>
    public ServiceModel(IEnumerable<ServiceOperation> operations, IEnumerable<ServiceShape> shapes)
    {
        Operations = operations.ToList();
        _shapes = shapes.ToDictionary(s => s.Name, StringComparer.Ordinal);
        CheckReferences();
    }

    /// <summary>Operations in model order.</summary>
    public IReadOnlyList<ServiceOperation> Operations { get; }

    /// <summary>Every shape by name.</summary>
    public IReadOnlyDictionary<string, ServiceShape> Shapes => _shapes;

    /// <summary>Looks a shape up by name.</summary>
    /// <exception cref="KeyNotFoundException">The model has no such shape.</exception>
    public ServiceShape GetShape(string name) =>
        _shapes.TryGetValue(name, out var shape) ? shape : throw new KeyNotFoundException($"No shape '{name}' in the service model.");

    /// <summary>Reads a model file.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="InvalidDataException">The file is not a service model this reader understands.</exception>
    public static ServiceModel Load(string path) => Parse(File.ReadAllText(path));

    /// <summary>Parses the JSON text of a botocore <c>service-2.json</c>.</summary>
    /// <exception cref="InvalidDataException">The text is not a service model this reader understands.</exception>
    public static ServiceModel Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var operations = root.GetProperty("operations").EnumerateObject().Select(ReadOperation).ToList();
            var shapes = root.GetProperty("shapes").EnumerateObject().Select(ReadShape).ToList();
            return new ServiceModel(operations, shapes);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"Not a botocore service model: {e.Message}", e);
        }
    }

    private static ServiceOperation ReadOperation(JsonProperty operation)
    {
        var value = operation.Value;
        var input = value.TryGetProperty("input", out var inputRef) ? inputRef.GetProperty("shape").GetString() : null;
        return new ServiceOperation(operation.Name, input, OptionalString(value, "documentation"));
    }

    private static ServiceShape ReadShape(JsonProperty shape)
    {
        var value = shape.Value;
        var kind = ParseKind(shape.Name, value.GetProperty("type").GetString());
        return new ServiceShape(
            shape.Name,
            kind,
            Documentation: OptionalString(value, "documentation"),
            Members: value.TryGetProperty("members", out var members) ? members.EnumerateObject().Select(ReadMember).ToList() : null,
            Required: value.TryGetProperty("required", out var required) ? required.EnumerateArray().Select(r => r.GetString()!).ToList() : null,
            ListMember: OptionalShapeRef(value, "member"),
            MapKey: OptionalShapeRef(value, "key"),
            MapValue: OptionalShapeRef(value, "value"),
            Min: value.TryGetProperty("min", out var min) ? min.GetDecimal() : null,
            Max: value.TryGetProperty("max", out var max) ? max.GetDecimal() : null,
            Pattern: OptionalString(value, "pattern"),
            Enum: value.TryGetProperty("enum", out var values) ? values.EnumerateArray().Select(v => v.GetString()!).ToList() : null,
            Sensitive: OptionalBool(value, "sensitive"),
            Union: OptionalBool(value, "union"),
            Document: OptionalBool(value, "document"));
    }

    private static ServiceMember ReadMember(JsonProperty member)
    {
        var value = member.Value;
        return new ServiceMember(
            member.Name,
            value.GetProperty("shape").GetString()!,
            OptionalString(value, "documentation"),
            OptionalString(value, "location"),
            OptionalBool(value, "deprecated"),
            OptionalString(value, "deprecatedMessage"));
    }

    private static ShapeKind ParseKind(string shapeName, string? type) => type switch
    {
        "structure" => ShapeKind.Structure,
        "list" => ShapeKind.List,
        "map" => ShapeKind.Map,
        "string" => ShapeKind.String,
        "integer" => ShapeKind.Integer,
        "long" => ShapeKind.Long,
        "float" => ShapeKind.Float,
        "double" => ShapeKind.Double,
        "boolean" => ShapeKind.Boolean,
        "timestamp" => ShapeKind.Timestamp,
        "blob" => ShapeKind.Blob,
        _ => throw new InvalidDataException($"Shape '{shapeName}' has an unknown type '{type}'."),
    };

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.GetString() : null;

    private static bool OptionalBool(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.GetBoolean();

    private static string? OptionalShapeRef(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.GetProperty("shape").GetString() : null;

    private void CheckReferences()
    {
        foreach (var operation in Operations.Where(o => o.InputShape is not null))
        {
            RequireShape(operation.InputShape!, $"input of operation '{operation.Name}'");
        }

        foreach (var shape in _shapes.Values)
        {
            CheckShape(shape);
        }
    }

    private void CheckShape(ServiceShape shape)
    {
        switch (shape.Kind)
        {
            case ShapeKind.Structure:
                foreach (var member in shape.Members)
                {
                    RequireShape(member.Shape, $"member '{shape.Name}.{member.Name}'");
                }

                var missing = shape.Required.FirstOrDefault(r => shape.Members.All(m => m.Name != r));
                if (missing is not null)
                {
                    throw new InvalidDataException($"Shape '{shape.Name}' requires '{missing}', which is not one of its members.");
                }

                break;
            case ShapeKind.List:
                RequireShape(shape.ListMember, $"member of list '{shape.Name}'");
                break;
            case ShapeKind.Map:
                RequireShape(shape.MapKey, $"key of map '{shape.Name}'");
                RequireShape(shape.MapValue, $"value of map '{shape.Name}'");
                break;
        }
    }

    private void RequireShape(string? name, string usedBy)
    {
        if (name is null || !_shapes.ContainsKey(name))
        {
            throw new InvalidDataException($"The {usedBy} refers to shape '{name}', which the model does not define.");
        }
    }
}
