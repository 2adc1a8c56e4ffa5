using AgentCoreLint.SchemaGen.Model;

namespace AgentCoreLint.SchemaGen.Tests;

public sealed class ServiceModelTests
{
    [Fact]
    public void Vendored_model_has_136_operations_with_input_and_1069_shapes()
    {
        var model = TestRepo.Model;

        Assert.Equal(136, model.Operations.Count);
        Assert.All(model.Operations, o => Assert.NotNull(o.InputShape));

        // Most inputs are <Operation>Request; the memory operations alone use <Operation>Input.
        Assert.Equal(
            ["CreateMemory", "DeleteMemory", "GetMemory", "ListMemories", "UpdateMemory"],
            model.Operations.Where(o => o.InputShape != o.Name + "Request").Select(o => o.Name).Order(StringComparer.Ordinal));
        Assert.Equal("CreateMemoryInput", model.Operations.Single(o => o.Name == "CreateMemory").InputShape);
        Assert.Equal(1069, model.Shapes.Count);
    }

    [Fact]
    public void Traits_are_read_from_the_model()
    {
        var model = TestRepo.Model;

        var artifact = model.GetShape("AgentRuntimeArtifact");
        Assert.True(artifact.Union);
        Assert.Equal(["containerConfiguration", "codeConfiguration"], artifact.Members.Select(m => m.Name));

        var endpoint = model.GetShape("CreateAgentRuntimeEndpointRequest");
        Assert.Equal("uri", endpoint.Members.Single(m => m.Name == "agentRuntimeId").Location);
        Assert.Contains("agentRuntimeId", endpoint.Required);

        var variables = model.GetShape("EnvironmentVariablesMap");
        Assert.Equal((ShapeKind.Map, "EnvironmentVariableKey", "EnvironmentVariableValue", 0m, 50m, true),
            (variables.Kind, variables.MapKey, variables.MapValue, variables.Min, variables.Max, variables.Sensitive));

        Assert.Equal(2.0m, model.GetShape("Temperature").Max);
        Assert.True(model.GetShape("Document").Document);
        Assert.Equal("[a-zA-Z][a-zA-Z0-9_]{0,47}", model.GetShape("AgentRuntimeName").Pattern);
        Assert.Contains(model.Shapes.Values.SelectMany(s => s.Members), m => m.Deprecated && m.DeprecatedMessage == "Use namespaceTemplates instead");
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{ "operations": {} }""")]
    [InlineData("""{ "operations": {}, "shapes": { "X": { "type": "bignum" } } }""")]
    [InlineData("""{ "operations": {}, "shapes": { "X": { "type": "list", "member": { "shape": "Missing" } } } }""")]
    [InlineData("""{ "operations": { "Op": { "input": { "shape": "Missing" } } }, "shapes": {} }""")]
    [InlineData("""{ "operations": {}, "shapes": { "X": { "type": "structure", "required": ["a"], "members": {} } } }""")]
    public void Malformed_model_is_invalid_data(string json)
    {
        Assert.Throws<InvalidDataException>(() => ServiceModel.Parse(json));
    }
}
