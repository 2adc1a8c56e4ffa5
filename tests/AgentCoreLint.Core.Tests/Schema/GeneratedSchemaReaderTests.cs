using AgentCoreLint.Core.Schema;
using NJsonSchema;

namespace AgentCoreLint.Core.Tests.Schema;

/// <summary>The fast schema reader builds the same NJsonSchema model as NJsonSchema's own reader, for every embedded
/// schema, and hands anything else back to it.</summary>
public sealed class GeneratedSchemaReaderTests
{
    public static TheoryData<string> EmbeddedSchemas()
    {
        var data = new TheoryData<string>();
        foreach (var name in typeof(SchemaValidator).Assembly.GetManifestResourceNames().Where(n => n.StartsWith("schemas/api/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void Every_generated_operation_schema_is_embedded()
    {
        Assert.True(EmbeddedSchemas().Count >= 136, $"only {EmbeddedSchemas().Count} schemas are embedded");
    }

    [Theory]
    [MemberData(nameof(EmbeddedSchemas))]
    public async Task Reads_every_embedded_schema_exactly_as_NJsonSchema_does(string resource)
    {
        var text = Resource(resource);

        var fast = GeneratedSchemaReader.TryRead(text);

        // Null would mean the slow fallback in production: the reader must cover everything SchemaGen emits.
        Assert.NotNull(fast);
        var reference = await JsonSchema.FromJsonAsync(text);
        Assert.Equal(reference.ToJson(), fast.ToJson());
        // ToJson writes a JValue and a string alike; the validator's `is string` / `is true` tests do not.
        Assert.Equal(ExtensionTypes(reference), ExtensionTypes(fast));
    }

    [Fact]
    public void Keeps_extension_values_as_the_CLR_types_the_validator_tests_for()
    {
        var schema = GeneratedSchemaReader.TryRead("""
            { "type": "object", "x-union": true, "x-pattern": "[a-z]+", "x-count": 3, "x-ratio": 0.5, "x-list": [ 1, "a" ], "propertyNames": { "minLength": 1 } }
            """);

        Assert.NotNull(schema);
        Assert.Equal(true, schema.ExtensionData!["x-union"]);
        Assert.Equal("[a-z]+", schema.ExtensionData["x-pattern"]);
        Assert.Equal(3L, schema.ExtensionData["x-count"]);
        Assert.Equal(0.5, schema.ExtensionData["x-ratio"]);
        Assert.Equal(new object[] { 1L, "a" }, Assert.IsType<object[]>(schema.ExtensionData["x-list"]));
        Assert.Equal(1L, Assert.IsType<Dictionary<string, object?>>(schema.ExtensionData["propertyNames"])["minLength"]);
        Assert.Equal(JsonObjectType.Object, schema.Type);
    }

    [Fact]
    public void Resolves_references_to_definitions_forwards_and_to_itself()
    {
        var schema = GeneratedSchemaReader.TryRead("""
            {
              "allOf": [ { "$ref": "#/definitions/Node" } ],
              "definitions": {
                "Node": { "type": "object", "properties": { "next": { "$ref": "#/definitions/Node" }, "name": { "$ref": "#/definitions/Name" } } },
                "Name": { "type": "string", "pattern": "^[a-z]+$" }
              }
            }
            """);

        Assert.NotNull(schema);
        var node = schema.Definitions["Node"];
        Assert.Same(node, schema.AllOf.Single().ActualSchema);
        Assert.Same(node, node.Properties["next"].ActualSchema);
        Assert.Equal("^[a-z]+$", node.Properties["name"].ActualSchema.Pattern);
    }

    [Theory]
    [InlineData("""{ "type": "string", "format": "date-time" }""")]
    [InlineData("""{ "oneOf": [ { "type": "string" }, { "type": "integer" } ] }""")]
    [InlineData("""{ "type": ["string", "null"] }""")]
    [InlineData("""{ "$ref": "https://example.com/other.json" }""")]
    [InlineData("""{ "$ref": "#/definitions/Missing", "definitions": {} }""")]
    [InlineData("""{ "type": "object", "x-nullable": true }""")]
    [InlineData("""{ "enum": [ 1, 2 ] }""")]
    [InlineData("""{ "properties": { "a": { "definitions": { "b": {} } } } }""")]
    public void Hands_a_schema_it_does_not_fully_understand_back_to_NJsonSchema(string json)
    {
        Assert.Null(GeneratedSchemaReader.TryRead(json));
    }

    private static List<string> ExtensionTypes(JsonSchema schema) =>
        new[] { ("", schema) }.Concat(schema.Definitions.Select(d => (d.Key, d.Value)))
            .SelectMany(d => (d.Item2.ExtensionData ?? new Dictionary<string, object?>())
                .Select(e => $"{d.Item1}/{e.Key}: {e.Value?.GetType().Name}"))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string Resource(string name)
    {
        using var stream = typeof(SchemaValidator).Assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
