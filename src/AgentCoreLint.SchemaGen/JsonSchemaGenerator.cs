using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgentCoreLint.SchemaGen.Model;

namespace AgentCoreLint.SchemaGen;

/// <summary>The JSON Schema of one operation's input.</summary>
/// <param name="Operation">The operation name, e.g. <c>CreateAgentRuntime</c>.</param>
/// <param name="InputShape">The input shape name, e.g. <c>CreateAgentRuntimeRequest</c>.</param>
/// <param name="Json">The schema text: draft-07, 2-space indented, <c>\n</c> line endings, final newline.</param>
public sealed record OperationSchema(string Operation, string InputShape, string Json);

/// <summary>
/// Generates one JSON Schema (draft-07) per operation input shape of a botocore service model. Every shape the input
/// reaches becomes <c>definitions/&lt;ShapeName&gt;</c>; members refer to definitions, so recursive shapes work. Output
/// is deterministic: definitions sorted by name, properties and enum values in model order.
/// </summary>
/// <remarks>
/// Besides standard keywords the schemas carry annotations for the linter's messages:
/// <c>x-operation</c> (root), <c>x-shape</c> (every definition and <c>propertyNames</c>), <c>x-pattern</c> (the model's
/// unanchored pattern), <c>x-union</c>, <c>x-map</c>, <c>x-document</c>, <c>x-sensitive</c> (definitions and the
/// properties that use them), and on properties <c>deprecated</c>, <c>x-deprecated-message</c> and <c>x-location</c>
/// (<c>uri</c>, <c>querystring</c>, <c>header</c>). Map key constraints are in <c>propertyNames</c>, which NJsonSchema
/// 10.7.2 does not apply: the linter has to check keys itself.
/// </remarks>
public sealed class JsonSchemaGenerator
{
    /// <summary>The meta-schema every generated schema declares.</summary>
    public const string Draft07 = "http://json-schema.org/draft-07/schema#";

    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",

        // Patterns and documentation are full of '+', '<', '&' and non-ASCII text; keep them readable instead of \u-escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly ServiceModel _model;

    /// <summary>Creates a generator over a parsed model.</summary>
    public JsonSchemaGenerator(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
    }

    /// <summary>
    /// Anchors a Smithy pattern as a whole-value match. Smithy patterns are searches ("does not implicitly add a leading
    /// ^ or trailing $"), but the service validates whole values. The trailing <c>(?!\n)</c> is there because .NET's
    /// <c>$</c>, unlike ECMA-262's, also matches before a final newline, so "name\n" would pass <c>^(?:…)$</c> in
    /// NJsonSchema; in ECMA-262 engines the lookahead is a no-op.
    /// </summary>
    public static string AnchorPattern(string modelPattern) => $"^(?:{modelPattern})$(?!\\n)";

    /// <summary>Generates the schema of every operation that has an input shape, ordered by operation name.</summary>
    public IReadOnlyList<OperationSchema> GenerateAll() =>
        _model.Operations
            .Where(o => o.InputShape is not null)
            .OrderBy(o => o.Name, StringComparer.Ordinal)
            .Select(o => new OperationSchema(o.Name, o.InputShape!, Generate(o)))
            .ToList();

    /// <summary>Generates the schema of one operation.</summary>
    /// <exception cref="KeyNotFoundException">The model has no such operation.</exception>
    /// <exception cref="InvalidOperationException">The operation takes no input.</exception>
    public string Generate(string operationName)
    {
        var operation = _model.Operations.FirstOrDefault(o => o.Name == operationName)
            ?? throw new KeyNotFoundException($"No operation '{operationName}' in the service model.");
        return Generate(operation);
    }

    private string Generate(ServiceOperation operation)
    {
        var input = operation.InputShape ?? throw new InvalidOperationException($"Operation '{operation.Name}' takes no input.");

        var root = new JsonObject { ["$schema"] = Draft07, ["title"] = operation.Name };
        AddIfPresent(root, "description", DocText.ToPlainText(operation.Documentation));
        root["x-operation"] = operation.Name;
        root["x-shape"] = input;

        // allOf rather than a bare $ref: draft-07 ignores every sibling of $ref, and the root has siblings.
        root["allOf"] = new JsonArray(Ref(input));

        var definitions = new JsonObject();
        foreach (var name in ReachableShapes(input))
        {
            definitions[name] = Definition(_model.GetShape(name));
        }

        root["definitions"] = definitions;
        return root.ToJsonString(WriteOptions) + "\n";
    }

    private IEnumerable<string> ReachableShapes(string start)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(start);
        while (pending.TryPop(out var name))
        {
            if (!seen.Add(name))
            {
                continue;
            }

            var shape = _model.GetShape(name);
            foreach (var member in shape.Members)
            {
                pending.Push(member.Shape);
            }

            // Map keys are checked inline through propertyNames, so the key shape needs no definition of its own.
            if (shape.ListMember is not null)
            {
                pending.Push(shape.ListMember);
            }

            if (shape.MapValue is not null)
            {
                pending.Push(shape.MapValue);
            }
        }

        return seen.Order(StringComparer.Ordinal);
    }

    private JsonObject Definition(ServiceShape shape)
    {
        var definition = new JsonObject();
        AddIfPresent(definition, "description", DocText.ToPlainText(shape.Documentation));

        switch (shape.Kind)
        {
            case ShapeKind.Structure when shape.Document:
                // A Smithy document is any JSON value; the empty schema accepts exactly that.
                break;
            case ShapeKind.Structure:
                AddStructure(definition, shape);
                break;
            case ShapeKind.List:
                definition["type"] = "array";
                definition["items"] = Ref(shape.ListMember!);
                AddRange(definition, "minItems", "maxItems", shape);
                break;
            case ShapeKind.Map:
                definition["type"] = "object";
                definition["additionalProperties"] = Ref(shape.MapValue!);
                AddPropertyNames(definition, _model.GetShape(shape.MapKey!));
                AddRange(definition, "minProperties", "maxProperties", shape);
                break;
            case ShapeKind.String:
                definition["type"] = "string";
                AddStringConstraints(definition, shape);
                break;
            case ShapeKind.Integer or ShapeKind.Long:
                definition["type"] = "integer";
                AddRange(definition, "minimum", "maximum", shape);
                break;
            case ShapeKind.Float or ShapeKind.Double:
                definition["type"] = "number";
                AddRange(definition, "minimum", "maximum", shape);
                break;
            case ShapeKind.Boolean:
                definition["type"] = "boolean";
                break;
            case ShapeKind.Timestamp:
                // Request documents (CLI --cli-input-json, SDK JSON) accept ISO 8601 text or epoch seconds.
                definition["type"] = new JsonArray("string", "number");
                break;
            case ShapeKind.Blob:
                definition["type"] = "string";
                definition["contentEncoding"] = "base64";
                AddRange(definition, "minLength", "maxLength", shape);
                break;
            default:
                throw new InvalidOperationException($"Shape '{shape.Name}' has kind {shape.Kind}, which has no schema mapping.");
        }

        definition["x-shape"] = shape.Name;
        AddFlag(definition, "x-document", shape.Document);
        AddFlag(definition, "x-union", shape.Union);
        AddFlag(definition, "x-map", shape.Kind == ShapeKind.Map);
        if (shape.Pattern is not null)
        {
            definition["x-pattern"] = shape.Pattern;
        }

        AddFlag(definition, "x-sensitive", shape.Sensitive);
        return definition;
    }

    private void AddStructure(JsonObject definition, ServiceShape shape)
    {
        definition["type"] = "object";
        var properties = new JsonObject();
        foreach (var member in shape.Members)
        {
            properties[member.Name] = Property(member);
        }

        definition["properties"] = properties;
        if (shape.Required.Count > 0)
        {
            definition["required"] = new JsonArray(shape.Required.Select(r => (JsonNode)r).ToArray());
        }

        definition["additionalProperties"] = false;
        if (shape.Union)
        {
            definition["minProperties"] = 1;
            definition["maxProperties"] = 1;
        }
    }

    private JsonObject Property(ServiceMember member)
    {
        var property = new JsonObject();
        AddIfPresent(property, "description", DocText.ToPlainText(member.Documentation));
        AddFlag(property, "deprecated", member.Deprecated);
        AddIfPresent(property, "x-deprecated-message", member.DeprecatedMessage);
        AddIfPresent(property, "x-location", member.Location);
        AddFlag(property, "x-sensitive", _model.GetShape(member.Shape).Sensitive);

        // Annotations beside a bare $ref are ignored in draft-07; NJsonSchema treats a one-element allOf holding a $ref
        // as that reference, so validation errors still report the target's own kind (PatternMismatch, not NotAllOf).
        property["allOf"] = new JsonArray(Ref(member.Shape));
        return property;
    }

    private static void AddStringConstraints(JsonObject definition, ServiceShape shape)
    {
        AddRange(definition, "minLength", "maxLength", shape);
        if (shape.Pattern is not null)
        {
            definition["pattern"] = AnchorPattern(shape.Pattern);
        }

        if (shape.Enum is not null)
        {
            definition["enum"] = new JsonArray(shape.Enum.Select(v => (JsonNode)v).ToArray());
        }
    }

    private static void AddPropertyNames(JsonObject definition, ServiceShape keyShape)
    {
        var names = new JsonObject();
        AddStringConstraints(names, keyShape);
        if (names.Count == 0)
        {
            return;
        }

        names["x-shape"] = keyShape.Name;
        if (keyShape.Pattern is not null)
        {
            names["x-pattern"] = keyShape.Pattern;
        }

        definition["propertyNames"] = names;
    }

    private static void AddRange(JsonObject definition, string minKeyword, string maxKeyword, ServiceShape shape)
    {
        if (shape.Min is { } min)
        {
            definition[minKeyword] = min;
        }

        if (shape.Max is { } max)
        {
            definition[maxKeyword] = max;
        }
    }

    private static JsonObject Ref(string shapeName) => new() { ["$ref"] = $"#/definitions/{shapeName}" };

    private static void AddIfPresent(JsonObject target, string key, string? value)
    {
        if (value is not null)
        {
            target[key] = value;
        }
    }

    private static void AddFlag(JsonObject target, string key, bool value)
    {
        if (value)
        {
            target[key] = true;
        }
    }
}
