using System.Text.Json;
using NJsonSchema;

namespace AgentCoreLint.Core.Schema;

/// <summary>
/// Builds NJsonSchema's object model for a generated operation schema (<c>schemas/api/*.json</c>) straight from the
/// JSON, with System.Text.Json.
/// </summary>
/// <remarks>
/// Start-up cost is why this exists: <c>JsonSchema.FromJsonAsync</c> deserializes through
/// Newtonsoft.Json contracts (emitted accessors, compiled at run time) and then resolves <c>$ref</c>s with a
/// reflection walk over the whole object graph. On first use that is about 400 ms, most of a one-file pre-commit
/// run; this reader takes about 30 ms for the largest schema. It knows exactly the keywords SchemaGen emits and
/// gives up on anything else, so a schema it cannot read is read by NJsonSchema instead, never misread.
/// </remarks>
internal static class GeneratedSchemaReader
{
    private const string DefinitionsPrefix = "#/definitions/";

    // Extension keywords that NJsonSchema maps to properties of its own (x-nullable, x-enumNames, …): leaving them
    // in ExtensionData would change their meaning, so a schema using one goes to NJsonSchema's reader.
    private static readonly HashSet<string> NJsonSchemaExtensions = new(StringComparer.Ordinal)
    {
        "x-abstract", "x-deprecated", "x-deprecatedMessage", "x-dictionaryKey", "x-enumFlags", "x-enumNames",
        "x-enum-varnames", "x-example", "x-nullable",
    };

    /// <summary>Reads a generated schema.</summary>
    /// <param name="json">The schema text: draft-07 with its definitions under <c>definitions</c>.</param>
    /// <returns>The schema, equal to what <c>JsonSchema.FromJsonAsync</c> returns for the same text;
    /// null when the text uses a keyword, a value form or a reference this reader does not handle.</returns>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    public static JsonSchema? TryRead(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        try
        {
            var schema = new JsonSchema();
            var definitions = new Dictionary<string, JsonSchema>(StringComparer.Ordinal);
            if (root.TryGetProperty("definitions", out var defined))
            {
                RequireKind(defined, JsonValueKind.Object);
                // Every definition exists before any is filled, so a $ref can point forwards or at itself.
                foreach (var definition in defined.EnumerateObject())
                {
                    var target = new JsonSchema();
                    definitions[definition.Name] = target;
                    schema.Definitions[definition.Name] = target;
                }

                foreach (var definition in defined.EnumerateObject())
                {
                    Fill(definitions[definition.Name], definition.Value, definitions, isRoot: false);
                }
            }

            return Fill(schema, root, definitions, isRoot: true);
        }
        catch (UnsupportedSchemaException)
        {
            return null;
        }
    }

    private static T Fill<T>(T schema, JsonElement element, IReadOnlyDictionary<string, JsonSchema> definitions, bool isRoot = false)
        where T : JsonSchema
    {
        RequireKind(element, JsonValueKind.Object);
        foreach (var keyword in element.EnumerateObject())
        {
            var value = keyword.Value;
            switch (keyword.Name)
            {
                case "definitions":
                    // Read first, at the root, by TryRead; SchemaGen writes no nested definitions.
                    if (!isRoot)
                    {
                        throw new UnsupportedSchemaException();
                    }

                    break;
                case "$schema":
                    schema.SchemaVersion = Text(value);
                    break;
                case "title":
                    schema.Title = Text(value);
                    break;
                case "description":
                    schema.Description = Text(value);
                    break;
                case "type":
                    schema.Type = Type(Text(value));
                    break;
                case "pattern":
                    schema.Pattern = Text(value);
                    break;
                case "minLength":
                    schema.MinLength = Int(value);
                    break;
                case "maxLength":
                    schema.MaxLength = Int(value);
                    break;
                case "minItems":
                    schema.MinItems = Int(value);
                    break;
                case "maxItems":
                    schema.MaxItems = Int(value);
                    break;
                case "minProperties":
                    schema.MinProperties = Int(value);
                    break;
                case "maxProperties":
                    schema.MaxProperties = Int(value);
                    break;
                case "minimum":
                    schema.Minimum = Decimal(value);
                    break;
                case "maximum":
                    schema.Maximum = Decimal(value);
                    break;
                case "required":
                    RequireKind(value, JsonValueKind.Array);
                    foreach (var name in value.EnumerateArray())
                    {
                        schema.RequiredProperties.Add(Text(name));
                    }

                    break;
                case "enum":
                    RequireKind(value, JsonValueKind.Array);
                    foreach (var member in value.EnumerateArray())
                    {
                        schema.Enumeration.Add(Text(member));
                    }

                    break;
                case "properties":
                    RequireKind(value, JsonValueKind.Object);
                    foreach (var property in value.EnumerateObject())
                    {
                        schema.Properties[property.Name] = Fill(new JsonSchemaProperty(), property.Value, definitions);
                    }

                    break;
                case "additionalProperties":
                    if (value.ValueKind == JsonValueKind.Object)
                    {
                        schema.AdditionalPropertiesSchema = Fill(new JsonSchema(), value, definitions);
                    }
                    else
                    {
                        schema.AllowAdditionalProperties = Bool(value);
                    }

                    break;
                case "items":
                    schema.Item = Fill(new JsonSchema(), value, definitions);
                    break;
                case "allOf":
                    RequireKind(value, JsonValueKind.Array);
                    foreach (var member in value.EnumerateArray())
                    {
                        schema.AllOf.Add(Fill(new JsonSchema(), member, definitions));
                    }

                    break;
                case "$ref":
                    var reference = Text(value);
                    schema.Reference = reference.StartsWith(DefinitionsPrefix, StringComparison.Ordinal)
                        && definitions.TryGetValue(reference[DefinitionsPrefix.Length..], out var referenced)
                            ? referenced
                            : throw new UnsupportedSchemaException();
                    break;
                case "propertyNames":
                case "deprecated":
                    // NJsonSchema 10.7 does not model these (it neither applies propertyNames nor reads deprecated):
                    // it keeps them as extension data, and so does this reader. Map keys are checked by MapKeyConstraints.
                    AddExtension(schema, keyword.Name, value);
                    break;
                default:
                    if (!keyword.Name.StartsWith("x-", StringComparison.Ordinal) || NJsonSchemaExtensions.Contains(keyword.Name))
                    {
                        throw new UnsupportedSchemaException();
                    }

                    AddExtension(schema, keyword.Name, value);
                    break;
            }
        }

        return schema;
    }

    private static void AddExtension(JsonSchema schema, string name, JsonElement value)
    {
        schema.ExtensionData ??= new Dictionary<string, object?>(StringComparer.Ordinal);
        schema.ExtensionData[name] = ExtensionValue(value);
    }

    /// <summary>The CLR value NJsonSchema gives extension data: string, bool, long, double, null,
    /// <c>Dictionary&lt;string, object&gt;</c> for objects and <c>object[]</c> for arrays. SchemaValidator tests for
    /// these types (`is string`, `is true`).</summary>
    private static object? ExtensionValue(JsonElement value)
    {
        // Loops rather than LINQ over JsonElement and JsonProperty (structs): generic code over them would be
        // JIT-compiled on every process start.
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return value.GetString();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.Number:
                // Boxed apart: a conditional of long and double would make every integer a double.
                return value.TryGetInt64(out var integer) ? (object)integer : value.GetDouble();
            case JsonValueKind.Array:
                var items = new object?[value.GetArrayLength()];
                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    items[i++] = ExtensionValue(item);
                }

                return items;
            default:
                var members = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var member in value.EnumerateObject())
                {
                    members[member.Name] = ExtensionValue(member.Value);
                }

                return members;
        }
    }

    private static JsonObjectType Type(string name) => name switch
    {
        "string" => JsonObjectType.String,
        "integer" => JsonObjectType.Integer,
        "number" => JsonObjectType.Number,
        "boolean" => JsonObjectType.Boolean,
        "object" => JsonObjectType.Object,
        "array" => JsonObjectType.Array,
        "null" => JsonObjectType.Null,
        _ => throw new UnsupportedSchemaException(),
    };

    private static string Text(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new UnsupportedSchemaException();

    private static int Int(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : throw new UnsupportedSchemaException();

    private static decimal Decimal(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number) ? number : throw new UnsupportedSchemaException();

    private static bool Bool(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw new UnsupportedSchemaException(),
    };

    private static void RequireKind(JsonElement value, JsonValueKind kind)
    {
        if (value.ValueKind != kind)
        {
            throw new UnsupportedSchemaException();
        }
    }

    /// <summary>The schema uses something this reader does not handle; NJsonSchema's reader is used instead.</summary>
    private sealed class UnsupportedSchemaException : Exception;
}
