using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgentCoreLint.SchemaGen.Model;
using NJsonSchema;
using NJsonSchema.Validation;

namespace AgentCoreLint.SchemaGen.Tests;

/// <summary>The generator on a small model that has one shape of every kind and trait.</summary>
public sealed class JsonSchemaGeneratorTests
{
    private const string Model = """
        {
          "operations": {
            "PutThing": { "name": "PutThing", "input": { "shape": "PutThingRequest" }, "documentation": "<p>Puts a <code>Thing</code>.</p>" },
            "Ping": { "name": "Ping" }
          },
          "shapes": {
            "PutThingRequest": {
              "type": "structure",
              "required": ["thingId", "name"],
              "members": {
                "thingId": { "shape": "ThingId", "location": "uri", "locationName": "thingId" },
                "name": { "shape": "Name", "documentation": "<p>The <b>name</b>.</p>" },
                "oldName": { "shape": "Name", "deprecated": true, "deprecatedMessage": "Use name instead" },
                "secret": { "shape": "Secret" },
                "mode": { "shape": "Mode" },
                "source": { "shape": "Source" },
                "tree": { "shape": "Node" },
                "labels": { "shape": "Labels" },
                "settings": { "shape": "Settings" },
                "count": { "shape": "Count" },
                "size": { "shape": "Size" },
                "ratio": { "shape": "Ratio" },
                "weight": { "shape": "Weight" },
                "enabled": { "shape": "Flag" },
                "at": { "shape": "When" },
                "payload": { "shape": "Payload" },
                "extra": { "shape": "Any" }
              }
            },
            "ThingId": { "type": "string", "pattern": "[a-z]+-[0-9]{4}" },
            "Name": { "type": "string", "min": 1, "max": 8 },
            "Secret": { "type": "string", "sensitive": true },
            "Mode": { "type": "string", "enum": ["ON", "OFF"] },
            "Source": { "type": "structure", "union": true, "members": { "url": { "shape": "Name" }, "inline": { "shape": "Name" } } },
            "Node": { "type": "structure", "members": { "value": { "shape": "Name" }, "children": { "shape": "NodeList" } } },
            "NodeList": { "type": "list", "member": { "shape": "Node" }, "max": 3 },
            "Labels": { "type": "map", "key": { "shape": "LabelKey" }, "value": { "shape": "Name" }, "min": 1, "max": 2 },
            "LabelKey": { "type": "string", "pattern": "[a-z]+", "max": 5 },
            "Settings": { "type": "map", "key": { "shape": "PlainKey" }, "value": { "shape": "Flag" } },
            "PlainKey": { "type": "string" },
            "Count": { "type": "integer", "box": true, "min": 1, "max": 10 },
            "Size": { "type": "long", "min": 0 },
            "Ratio": { "type": "float", "min": 0.0, "max": 2.0 },
            "Weight": { "type": "double", "min": 0.01, "max": 100.0 },
            "Flag": { "type": "boolean", "box": true },
            "When": { "type": "timestamp" },
            "Payload": { "type": "blob", "max": 1024 },
            "Any": { "type": "structure", "members": {}, "document": true, "sensitive": true },
            "Unused": { "type": "string" }
          }
        }
        """;

    private static readonly JsonSchemaGenerator Generator = new(ServiceModel.Parse(Model));

    // Unindented and unescaped like the generated files, so expectations read like the schema text.
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void Output_is_exactly_this_text()
    {
        var model = ServiceModel.Parse("""
            {
              "operations": { "Ping": { "input": { "shape": "PingRequest" }, "documentation": "<p>Pings.</p>" } },
              "shapes": {
                "PingRequest": { "type": "structure", "required": ["target"], "members": { "target": { "shape": "Target", "documentation": "<p>Whom to ping.</p>" } } },
                "Target": { "type": "string", "max": 10, "pattern": "[a-z]+" }
              }
            }
            """);

        var json = new JsonSchemaGenerator(model).Generate("Ping");

        Assert.Equal("""
            {
              "$schema": "http://json-schema.org/draft-07/schema#",
              "title": "Ping",
              "description": "Pings.",
              "x-operation": "Ping",
              "x-shape": "PingRequest",
              "allOf": [
                {
                  "$ref": "#/definitions/PingRequest"
                }
              ],
              "definitions": {
                "PingRequest": {
                  "type": "object",
                  "properties": {
                    "target": {
                      "description": "Whom to ping.",
                      "allOf": [
                        {
                          "$ref": "#/definitions/Target"
                        }
                      ]
                    }
                  },
                  "required": [
                    "target"
                  ],
                  "additionalProperties": false,
                  "x-shape": "PingRequest"
                },
                "Target": {
                  "type": "string",
                  "maxLength": 10,
                  "pattern": "^(?:[a-z]+)$(?!\\n)",
                  "x-shape": "Target",
                  "x-pattern": "[a-z]+"
                }
              }
            }

            """, json);
    }

    [Fact]
    public void Output_is_deterministic_with_lf_and_two_space_indentation()
    {
        var first = Generator.Generate("PutThing");
        var second = new JsonSchemaGenerator(ServiceModel.Parse(Model)).Generate("PutThing");

        Assert.Equal(first, second);
        Assert.DoesNotContain('\r', first);
        Assert.EndsWith("}\n", first);
        Assert.All(first.Split('\n'), line => Assert.Equal(0, (line.Length - line.TrimStart(' ').Length) % 2));
    }

    [Fact]
    public void Operations_without_input_are_skipped_and_unknown_ones_throw()
    {
        Assert.Equal(["PutThing"], Generator.GenerateAll().Select(s => s.Operation));
        Assert.Throws<InvalidOperationException>(() => Generator.Generate("Ping"));
        Assert.Throws<KeyNotFoundException>(() => Generator.Generate("Nope"));
    }

    [Fact]
    public void Root_describes_the_operation_and_refers_to_the_input_definition()
    {
        var root = Schema();

        Assert.Equal(["$schema", "title", "description", "x-operation", "x-shape", "allOf", "definitions"], root.Select(p => p.Key));
        Assert.Equal("Puts a Thing.", (string)root["description"]!);
        Assert.Equal("#/definitions/PutThingRequest", (string)root["allOf"]![0]!["$ref"]!);
    }

    [Fact]
    public void Definitions_are_the_reachable_shapes_sorted_by_name_each_with_x_shape()
    {
        var definitions = Schema()["definitions"]!.AsObject();

        // Map keys are inlined as propertyNames, and Unused is reached by nothing.
        Assert.Equal(
            ["Any", "Count", "Flag", "Labels", "Mode", "Name", "Node", "NodeList", "Payload", "PutThingRequest", "Ratio", "Secret", "Settings", "Size", "Source", "ThingId", "Weight", "When"],
            definitions.Select(p => p.Key));
        Assert.All(definitions, d => Assert.Equal(d.Key, (string)d.Value!["x-shape"]!));
    }

    [Fact]
    public void Structure_lists_all_members_in_model_order_and_closes_the_object()
    {
        var request = Definition("PutThingRequest");

        Assert.Equal("object", (string)request["type"]!);
        Assert.Equal(
            ["thingId", "name", "oldName", "secret", "mode", "source", "tree", "labels", "settings", "count", "size", "ratio", "weight", "enabled", "at", "payload", "extra"],
            request["properties"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["thingId", "name"], request["required"]!.AsArray().Select(n => (string)n!));
        Assert.False((bool)request["additionalProperties"]!);
        Assert.Null(request["x-union"]);
    }

    [Fact]
    public void Member_annotations_sit_beside_an_allOf_reference()
    {
        var properties = Definition("PutThingRequest")["properties"]!;

        Assert.Equal("""{"description":"The name.","allOf":[{"$ref":"#/definitions/Name"}]}""", properties["name"]!.ToJsonString(Compact));
        Assert.Equal("""{"x-location":"uri","allOf":[{"$ref":"#/definitions/ThingId"}]}""", properties["thingId"]!.ToJsonString(Compact));
        Assert.Equal(
            """{"deprecated":true,"x-deprecated-message":"Use name instead","allOf":[{"$ref":"#/definitions/Name"}]}""",
            properties["oldName"]!.ToJsonString(Compact));
        Assert.Equal("""{"x-sensitive":true,"allOf":[{"$ref":"#/definitions/Secret"}]}""", properties["secret"]!.ToJsonString(Compact));
    }

    [Theory]
    [InlineData("ThingId", """{"type":"string","pattern":"^(?:[a-z]+-[0-9]{4})$(?!\\n)","x-shape":"ThingId","x-pattern":"[a-z]+-[0-9]{4}"}""")]
    [InlineData("Name", """{"type":"string","minLength":1,"maxLength":8,"x-shape":"Name"}""")]
    [InlineData("Secret", """{"type":"string","x-shape":"Secret","x-sensitive":true}""")]
    [InlineData("Mode", """{"type":"string","enum":["ON","OFF"],"x-shape":"Mode"}""")]
    [InlineData("NodeList", """{"type":"array","items":{"$ref":"#/definitions/Node"},"maxItems":3,"x-shape":"NodeList"}""")]
    [InlineData("Count", """{"type":"integer","minimum":1,"maximum":10,"x-shape":"Count"}""")]
    [InlineData("Size", """{"type":"integer","minimum":0,"x-shape":"Size"}""")]
    [InlineData("Ratio", """{"type":"number","minimum":0.0,"maximum":2.0,"x-shape":"Ratio"}""")]
    [InlineData("Weight", """{"type":"number","minimum":0.01,"maximum":100.0,"x-shape":"Weight"}""")]
    [InlineData("Flag", """{"type":"boolean","x-shape":"Flag"}""")]
    [InlineData("When", """{"type":["string","number"],"x-shape":"When"}""")]
    [InlineData("Payload", """{"type":"string","contentEncoding":"base64","maxLength":1024,"x-shape":"Payload"}""")]
    [InlineData("Any", """{"x-shape":"Any","x-document":true,"x-sensitive":true}""")]
    [InlineData("Source", """{"type":"object","properties":{"url":{"allOf":[{"$ref":"#/definitions/Name"}]},"inline":{"allOf":[{"$ref":"#/definitions/Name"}]}},"additionalProperties":false,"minProperties":1,"maxProperties":1,"x-shape":"Source","x-union":true}""")]
    [InlineData("Labels", """{"type":"object","additionalProperties":{"$ref":"#/definitions/Name"},"propertyNames":{"maxLength":5,"pattern":"^(?:[a-z]+)$(?!\\n)","x-shape":"LabelKey","x-pattern":"[a-z]+"},"minProperties":1,"maxProperties":2,"x-shape":"Labels","x-map":true}""")]
    [InlineData("Settings", """{"type":"object","additionalProperties":{"$ref":"#/definitions/Flag"},"x-shape":"Settings","x-map":true}""")]
    public void Shape_becomes_this_definition(string shape, string expected)
    {
        Assert.Equal(expected, Definition(shape).ToJsonString(Compact));
    }

    [Fact]
    public async Task NJsonSchema_validates_recursive_shapes_timestamps_and_documents()
    {
        var schema = await JsonSchema.FromJsonAsync(Generator.Generate("PutThing"));
        const string valid = """
            {
              "thingId": "abc-1234", "name": "n",
              "tree": { "value": "root", "children": [ { "value": "kid", "children": [ { "value": "grandkid" } ] } ] },
              "at": "2025-06-05T12:00:00Z", "extra": [1, { "any": "thing" }]
            }
            """;

        Assert.Empty(schema.Validate(valid));
        Assert.Empty(schema.Validate("""{ "thingId": "abc-1234", "name": "n", "at": 1749124800 }"""));
        Assert.Equal(
            [new ErrorAt(ValidationErrorKind.StringTooLong, "#/tree.children[0].children[0].value")],
            ValidationErrors.Leaves(schema.Validate(valid.Replace("grandkid", "great-grandkid"))));
        Assert.Equal(
            [new ErrorAt(ValidationErrorKind.NoTypeValidates, "#/at")],
            ValidationErrors.Leaves(schema.Validate("""{ "thingId": "abc-1234", "name": "n", "at": true }""")));
    }

    private static JsonObject Schema() => JsonNode.Parse(Generator.Generate("PutThing"))!.AsObject();

    private static JsonObject Definition(string shape) => Schema()["definitions"]![shape]!.AsObject();
}
