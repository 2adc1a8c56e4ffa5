using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;

namespace AgentCoreLint.SchemaGen.Tests;

/// <summary>Realistic requests validated with NJsonSchema 10.7.2 against the generated schemas, as the linter will.</summary>
public sealed class RequestValidationTests
{
    public static TheoryData<string, string> ValidRequests => new()
    {
        { "CreateAgentRuntime", Requests.CreateAgentRuntime },
        { "UpdateAgentRuntime", Requests.UpdateAgentRuntime },
        { "CreateHarness", Requests.CreateHarness },
        { "CreateBrowser", Requests.CreateBrowser },
        { "CreateCodeInterpreter", Requests.CreateCodeInterpreter },
        { "CreateEvaluator", Requests.CreateEvaluator },
        { "CreateGatewayTarget", Requests.CreateGatewayTarget },
    };

    [Theory]
    [MemberData(nameof(ValidRequests))]
    public void Valid_request_has_no_errors(string operation, string request)
    {
        Assert.Empty(Validate(operation, request));
    }

    [Fact]
    public void Every_schema_loads_and_an_empty_request_misses_exactly_the_required_members()
    {
        foreach (var (operation, generated) in TestRepo.Schemas)
        {
            var required = TestRepo.Model.GetShape(generated.InputShape).Required
                .Select(r => new ErrorAt(ValidationErrorKind.PropertyRequired, "#/" + r))
                .OrderBy(e => e.Path, StringComparer.Ordinal);

            Assert.Equal(required, Validate(operation, "{}"));
        }
    }

    [Theory]
    [InlineData("refund-agent-v2")]
    [InlineData("x-suffix")]
    [InlineData("2fast")]
    [InlineData("refund agent")]
    [InlineData("refund_agent\n")]
    [InlineData("a_name_that_is_forty_nine_characters_long_abcdefg")]
    public void Agent_runtime_name_must_match_the_whole_pattern(string name)
    {
        var request = Change(Requests.CreateAgentRuntime, r => r["agentRuntimeName"] = name);

        Assert.Equal([new ErrorAt(ValidationErrorKind.PatternMismatch, "#/agentRuntimeName")], Validate("CreateAgentRuntime", request));
    }

    [Theory]
    [InlineData("x")]
    [InlineData("a_name_that_is_forty_eight_characters_long_abcde")]
    public void Agent_runtime_name_at_the_edges_of_the_pattern_is_valid(string name)
    {
        var request = Change(Requests.CreateAgentRuntime, r => r["agentRuntimeName"] = name);

        Assert.Empty(Validate("CreateAgentRuntime", request));
    }

    [Fact]
    public void Union_with_two_members_is_too_many_properties()
    {
        var request = Change(Requests.CreateAgentRuntime, r => r["agentRuntimeArtifact"]!["codeConfiguration"] = JsonNode.Parse("""
            { "code": { "s3": { "bucket": "agent-code-123456789012", "prefix": "agent.zip" } }, "runtime": "PYTHON_3_12", "entryPoint": ["main.py"] }
            """));

        Assert.Equal([new ErrorAt(ValidationErrorKind.TooManyProperties, "#/agentRuntimeArtifact")], Validate("CreateAgentRuntime", request));
    }

    [Fact]
    public void Union_with_no_member_is_too_few_properties()
    {
        var request = Change(Requests.CreateAgentRuntime, r => r["agentRuntimeArtifact"] = new JsonObject());

        Assert.Equal([new ErrorAt(ValidationErrorKind.TooFewProperties, "#/agentRuntimeArtifact")], Validate("CreateAgentRuntime", request));
    }

    [Fact]
    public void Union_inside_a_list_item_is_checked_too()
    {
        var request = Change(Requests.CreateAgentRuntime, r => r["filesystemConfigurations"]![0]!["efsAccessPoint"] = JsonNode.Parse("""
            { "accessPointArn": "arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-0123456789abcdef0", "mountPath": "/mnt/efs" }
            """));

        Assert.Equal([new ErrorAt(ValidationErrorKind.TooManyProperties, "#/filesystemConfigurations[0]")], Validate("CreateAgentRuntime", request));
    }

    [Fact]
    public void Unknown_member_is_not_allowed_at_the_root_and_nested()
    {
        var request = Change(Requests.CreateAgentRuntime, r =>
        {
            r["agentRuntimeNmae"] = "typo";
            r["protocolConfiguration"]!["protocol"] = "HTTP";
        });

        Assert.Equal(
            [
                new ErrorAt(ValidationErrorKind.NoAdditionalPropertiesAllowed, "#/agentRuntimeNmae"),
                new ErrorAt(ValidationErrorKind.NoAdditionalPropertiesAllowed, "#/protocolConfiguration.protocol"),
            ],
            Validate("CreateAgentRuntime", request));
    }

    [Fact]
    public void Missing_role_arn_is_a_missing_required_property()
    {
        var request = Change(Requests.CreateAgentRuntime, r => r.Remove("roleArn"));

        Assert.Equal([new ErrorAt(ValidationErrorKind.PropertyRequired, "#/roleArn")], Validate("CreateAgentRuntime", request));
    }

    [Fact]
    public void Missing_path_parameter_is_a_missing_required_property()
    {
        var request = Change(Requests.UpdateAgentRuntime, r => r.Remove("agentRuntimeId"));

        Assert.Equal([new ErrorAt(ValidationErrorKind.PropertyRequired, "#/agentRuntimeId")], Validate("UpdateAgentRuntime", request));
    }

    [Fact]
    public void Value_outside_the_enum_is_rejected()
    {
        var request = Change(Requests.CreateAgentRuntime, r => r["networkConfiguration"]!["networkMode"] = "PRIVATE");

        Assert.Equal([new ErrorAt(ValidationErrorKind.NotInEnumeration, "#/networkConfiguration.networkMode")], Validate("CreateAgentRuntime", request));
    }

    [Fact]
    public void Description_longer_than_4096_characters_is_too_long()
    {
        var request = Change(Requests.CreateAgentRuntime, r => r["description"] = new string('d', 4097));

        Assert.Equal([new ErrorAt(ValidationErrorKind.StringTooLong, "#/description")], Validate("CreateAgentRuntime", request));
    }

    [Fact]
    public void Harness_temperature_above_two_is_too_big()
    {
        // The harness models (HarnessBedrockModelConfig and friends) use shape Temperature, 0.0..2.0.
        var fine = Change(Requests.CreateHarness, r => r["model"]!["bedrockModelConfig"]!["temperature"] = 1.5);
        var tooHot = Change(Requests.CreateHarness, r => r["model"]!["bedrockModelConfig"]!["temperature"] = 2.5);

        Assert.Empty(Validate("CreateHarness", fine));
        Assert.Equal([new ErrorAt(ValidationErrorKind.NumberTooBig, "#/model.bedrockModelConfig.temperature")], Validate("CreateHarness", tooHot));
    }

    [Fact]
    public void Evaluator_inference_temperature_above_one_is_too_big()
    {
        // InferenceConfiguration.temperature (shape InferenceConfigurationTemperatureFloat) is limited to 0..1.
        var request = Change(Requests.CreateEvaluator, r =>
            r["evaluatorConfig"]!["llmAsAJudge"]!["modelConfig"]!["bedrockEvaluatorModelConfig"]!["inferenceConfig"]!["temperature"] = 1.2);

        Assert.Equal(
            [new ErrorAt(ValidationErrorKind.NumberTooBig, "#/evaluatorConfig.llmAsAJudge.modelConfig.bedrockEvaluatorModelConfig.inferenceConfig.temperature")],
            Validate("CreateEvaluator", request));
    }

    [Fact]
    public void Integer_members_reject_text_and_out_of_range_values()
    {
        var text = Change(Requests.CreateAgentRuntime, r => r["lifecycleConfiguration"]!["idleRuntimeSessionTimeout"] = "900");
        var tooShort = Change(Requests.CreateAgentRuntime, r => r["lifecycleConfiguration"]!["idleRuntimeSessionTimeout"] = 30);

        Assert.Equal([new ErrorAt(ValidationErrorKind.IntegerExpected, "#/lifecycleConfiguration.idleRuntimeSessionTimeout")], Validate("CreateAgentRuntime", text));
        Assert.Equal([new ErrorAt(ValidationErrorKind.NumberTooSmall, "#/lifecycleConfiguration.idleRuntimeSessionTimeout")], Validate("CreateAgentRuntime", tooShort));
    }

    [Fact]
    public void Fifty_one_environment_variables_are_too_many()
    {
        var fifty = Change(Requests.CreateAgentRuntime, r => r["environmentVariables"] = Variables(50));
        var fiftyOne = Change(Requests.CreateAgentRuntime, r => r["environmentVariables"] = Variables(51));

        Assert.Empty(Validate("CreateAgentRuntime", fifty));
        Assert.Equal([new ErrorAt(ValidationErrorKind.TooManyProperties, "#/environmentVariables")], Validate("CreateAgentRuntime", fiftyOne));
    }

    [Fact]
    public void Map_values_are_validated_against_the_value_shape()
    {
        var request = Change(Requests.CreateAgentRuntime, r => r["environmentVariables"]!["LOG_LEVEL"] = new string('v', 5001));

        Assert.Equal([new ErrorAt(ValidationErrorKind.StringTooLong, "#/environmentVariables.LOG_LEVEL")], Validate("CreateAgentRuntime", request));
    }

    [Fact]
    public void List_items_are_validated_against_the_item_shape()
    {
        var request = Change(Requests.CreateAgentRuntime, r => r["networkConfiguration"]!["networkModeConfig"]!["subnets"]![1] = "subnet_0fedcba9");

        Assert.Equal(
            [new ErrorAt(ValidationErrorKind.PatternMismatch, "#/networkConfiguration.networkModeConfig.subnets[1]")],
            Validate("CreateAgentRuntime", request));
    }

    [Fact]
    public void Recursive_tool_schema_is_validated_at_any_depth()
    {
        // SchemaDefinition -> SchemaProperties (map) -> SchemaDefinition -> items -> SchemaDefinition.
        var request = Change(Requests.CreateGatewayTarget, r =>
            r["targetConfiguration"]!["mcp"]!["lambda"]!["toolSchema"]!["inlinePayload"]![0]!["inputSchema"]!["properties"]!["filter"]!["properties"]!["statuses"]!["items"]!["type"] = "text");

        Assert.Equal(
            [new ErrorAt(ValidationErrorKind.NotInEnumeration, "#/targetConfiguration.mcp.lambda.toolSchema.inlinePayload[0].inputSchema.properties.filter.properties.statuses.items.type")],
            Validate("CreateGatewayTarget", request));
    }

    [Fact]
    public void Documents_accept_any_json()
    {
        var request = Change(Requests.CreateHarness, r =>
            r["tools"]![2]!["config"]!["inlineFunction"]!["inputSchema"] = JsonNode.Parse("""{ "anything": [1, "two", { "three": null }] }"""));

        Assert.Empty(Validate("CreateHarness", request));
    }

    [Fact]
    public async Task Tag_key_constraint_is_in_the_schema_but_NJsonSchema_10_7_2_does_not_apply_propertyNames()
    {
        const string badKey = "cost#center";
        var request = Change(Requests.CreateAgentRuntime, r => r["tags"]![badKey] = "4711");

        // NJsonSchema 10.7.2 keeps propertyNames as extension data and never applies it, so map keys need a check of
        // their own in the linter. If this starts failing, NJsonSchema has learnt propertyNames: drop that check.
        Assert.Empty(Validate("CreateAgentRuntime", request));

        // The constraint itself is right: applied to the key, the propertyNames schema rejects it.
        Assert.Contains("propertyNames", TestRepo.Load("CreateAgentRuntime").Definitions["TagsMap"].ExtensionData!.Keys);
        var propertyNames = JsonNode.Parse(TestRepo.Schemas["CreateAgentRuntime"].Json)!["definitions"]!["TagsMap"]!["propertyNames"]!;
        var keySchema = await JsonSchema.FromJsonAsync(propertyNames.ToJsonString());
        Assert.Equal(ValidationErrorKind.PatternMismatch, Assert.Single(keySchema.Validate($"\"{badKey}\"")).Kind);
        Assert.Equal(ValidationErrorKind.StringTooShort, Assert.Single(keySchema.Validate("\"\"")).Kind);
        Assert.Empty(keySchema.Validate("\"cost-center\""));
    }

    private static IReadOnlyList<ErrorAt> Validate(string operation, string request) =>
        ValidationErrors.Leaves(TestRepo.Load(operation).Validate(request));

    private static string Change(string request, Action<JsonObject> change)
    {
        var document = JsonNode.Parse(request)!.AsObject();
        change(document);
        return document.ToJsonString();
    }

    private static JsonObject Variables(int count)
    {
        var variables = new JsonObject();
        for (var i = 0; i < count; i++)
        {
            variables[$"VAR_{i}"] = "value";
        }

        return variables;
    }
}
