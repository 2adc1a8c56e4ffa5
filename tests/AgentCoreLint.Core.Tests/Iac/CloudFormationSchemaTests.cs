using System.Text.Json;
using System.Text.RegularExpressions;
using AgentCoreLint.Core.Iac;
using AgentCoreLint.Rules.Schema;
using AgentCoreLint.Rules.Model;

namespace AgentCoreLint.Core.Tests.Iac;

/// <summary>The vendored CloudFormation schemas and the mapping tables stay consistent with each other and the model.</summary>
public sealed class CloudFormationSchemaTests
{
    [Fact]
    public void Every_AgentCore_type_has_a_vendored_schema_that_loads()
    {
        Assert.Equal(23, CfnSchemas.TypeNames.Count);
        Assert.Equal(CfnSchemas.TypeNames.Order(StringComparer.Ordinal), CfnResourceTypes.TypeNames.Order(StringComparer.Ordinal));
        foreach (var type in CfnSchemas.TypeNames)
        {
            var schema = CfnSchemas.Get(type);
            Assert.NotNull(schema);
            Assert.NotEmpty(schema!.Schema.ActualProperties);
        }
    }

    [Fact]
    public void Every_pattern_of_every_schema_compiles_in_dotnet()
    {
        var root = Engine.SampleTests.RepoRoot();
        foreach (var file in Directory.GetFiles(Path.Combine(root, "schemas", "cloudformation"), "*.json"))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var pattern in Patterns(document.RootElement))
            {
                var exception = Record.Exception(() => new Regex(pattern));
                Assert.True(exception is null, $"{Path.GetFileName(file)}: pattern {pattern} does not compile: {exception?.Message}");
            }
        }
    }

    [Fact]
    public void Every_mapped_operation_has_a_model_shape()
    {
        foreach (var type in CfnResourceTypes.TypeNames.Select(CfnResourceTypes.Find))
        {
            if (type!.Operation is { } operation)
            {
                Assert.NotNull(ApiModel.InputOf(operation));
            }
        }
    }

    [Fact]
    public void Read_only_paths_are_normalised_like_the_mapper_paths()
    {
        var memory = CfnSchemas.Get("AWS::BedrockAgentCore::Memory")!;
        Assert.Contains("memorystrategies/*/semanticmemorystrategy/status", memory.ReadOnlyPaths);
        Assert.Contains("memoryid", memory.ReadOnlyPaths);
    }

    private static IEnumerable<string> Patterns(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "pattern" && property.Value.ValueKind == JsonValueKind.String)
                    {
                        yield return property.Value.GetString()!;
                    }
                    else if (property.Name == "patternProperties" && property.Value.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var key in property.Value.EnumerateObject())
                        {
                            yield return key.Name;
                        }
                    }

                    foreach (var nested in Patterns(property.Value))
                    {
                        yield return nested;
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var nested in Patterns(item))
                    {
                        yield return nested;
                    }
                }

                break;
        }
    }
}
