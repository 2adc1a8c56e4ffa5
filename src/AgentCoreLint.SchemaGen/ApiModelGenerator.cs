using System.Text;
using System.Text.Json;
using AgentCoreLint.SchemaGen.Generation;

namespace AgentCoreLint.SchemaGen;

/// <summary>
/// Writes the service model's shape table as C# (<c>src/AgentCoreLint.Rules/Model/ApiModel.g.cs</c>): shape types,
/// members with their locations, required lists, union and sensitive flags, enum values, and the constraint traits
/// <c>min</c>, <c>max</c> and <c>pattern</c> that the shape validator checks.
/// </summary>
public sealed class ApiModelGenerator : IGenerator
{
    public const string OutputPath = "src/AgentCoreLint.Rules/Model/ApiModel.g.cs";

    public IEnumerable<GeneratedFile> Generate(string repoRoot)
    {
        using var model = JsonDocument.Parse(File.ReadAllBytes(RepoPaths.Combine(repoRoot, RepoPaths.ServiceModel)));
        var root = model.RootElement;
        var sb = new StringBuilder(CodeWriter.Header);
        sb.Append("#nullable enable\n\nnamespace AgentCoreLint.Rules.Model;\n\npublic static partial class ApiModel\n{\n");

        sb.Append("    private static partial IReadOnlyDictionary<string, string> CreateOperations() => new Dictionary<string, string>(StringComparer.Ordinal)\n    {\n");
        foreach (var op in root.GetProperty("operations").EnumerateObject().OrderBy(o => o.Name, StringComparer.Ordinal))
        {
            if (op.Value.TryGetProperty("input", out var input))
            {
                sb.Append($"        [{CodeWriter.Literal(op.Name)}] = {CodeWriter.Literal(input.GetProperty("shape").GetString())},\n");
            }
        }

        sb.Append("    };\n\n");
        sb.Append("    private static partial IReadOnlyDictionary<string, Shape> CreateShapes()\n    {\n");
        sb.Append("        var shapes = new Dictionary<string, Shape>(StringComparer.Ordinal);\n");
        sb.Append("        void Add(Shape shape) => shapes.Add(shape.Name, shape);\n");
        foreach (var shape in root.GetProperty("shapes").EnumerateObject().OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            sb.Append("        Add(").Append(ShapeExpression(shape.Name, shape.Value)).Append(");\n");
        }

        sb.Append("        return shapes;\n    }\n}\n");
        yield return new GeneratedFile(OutputPath, sb.ToString());
    }

    private static string ShapeExpression(string name, JsonElement shape)
    {
        var type = shape.GetProperty("type").GetString()!;
        var isDocument = shape.TryGetProperty("document", out var doc) && doc.GetBoolean();
        var shapeType = isDocument ? "Document" : type switch
        {
            "structure" => "Structure",
            "list" => "List",
            "map" => "Map",
            "string" => "String",
            "integer" => "Integer",
            "long" => "Long",
            "float" => "Float",
            "double" => "Double",
            "boolean" => "Boolean",
            "timestamp" => "Timestamp",
            "blob" => "Blob",
            _ => throw new InvalidDataException($"Shape {name} has unsupported type '{type}'."),
        };

        var args = new List<string> { CodeWriter.Literal(name), "ShapeType." + shapeType };
        if (!isDocument && shape.TryGetProperty("members", out var members))
        {
            var list = members.EnumerateObject().Select(m =>
            {
                var parts = new List<string> { CodeWriter.Literal(m.Name), CodeWriter.Literal(m.Value.GetProperty("shape").GetString()) };
                if (m.Value.TryGetProperty("location", out var location))
                {
                    parts.Add(CodeWriter.Literal(location.GetString()));
                }

                if (m.Value.TryGetProperty("deprecated", out var deprecated) && deprecated.GetBoolean())
                {
                    parts.Add("Deprecated: true");
                }

                return "new Member(" + string.Join(", ", parts) + ")";
            });
            args.Add("members: new Member[] { " + string.Join(", ", list) + " }");
        }

        if (!isDocument && shape.TryGetProperty("required", out var required))
        {
            args.Add("required: " + CodeWriter.StringArray(required.EnumerateArray().Select(r => r.GetString()!)));
        }

        if (shape.TryGetProperty("member", out var member))
        {
            args.Add("listMember: " + CodeWriter.Literal(member.GetProperty("shape").GetString()));
        }

        if (shape.TryGetProperty("key", out var key))
        {
            args.Add("mapKey: " + CodeWriter.Literal(key.GetProperty("shape").GetString()));
            args.Add("mapValue: " + CodeWriter.Literal(shape.GetProperty("value").GetProperty("shape").GetString()));
        }

        if (shape.TryGetProperty("enum", out var values))
        {
            args.Add("enumValues: " + CodeWriter.StringArray(values.EnumerateArray().Select(v => v.GetString()!)));
        }

        if (shape.TryGetProperty("union", out var union) && union.GetBoolean())
        {
            args.Add("isUnion: true");
        }

        if (shape.TryGetProperty("sensitive", out var sensitive) && sensitive.GetBoolean())
        {
            args.Add("isSensitive: true");
        }

        foreach (var trait in new[] { "min", "max" })
        {
            if (shape.TryGetProperty(trait, out var bound))
            {
                args.Add($"{trait}: {bound.GetDecimal().ToString(System.Globalization.CultureInfo.InvariantCulture)}m");
            }
        }

        if (shape.TryGetProperty("pattern", out var pattern))
        {
            args.Add("pattern: " + CodeWriter.Literal(pattern.GetString()));
        }

        return "new Shape(" + string.Join(", ", args) + ")";
    }
}
