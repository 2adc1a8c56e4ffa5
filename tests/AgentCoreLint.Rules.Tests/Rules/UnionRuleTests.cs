using AgentCoreLint.Rules.Model;
using AgentCoreLint.Rules.Semantic;
using AgentCoreLint.Rules.Tests.Support;

namespace AgentCoreLint.Rules.Tests.Rules;

public sealed class UnionRuleTests
{
    private static readonly UnionRule Rule = new();

    private const string Container = """{ "containerUri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/support-agent:1.4.2" }""";
    private const string Code = """{ "code": { "s3": { "bucket": "agent-artifacts-123456789012", "prefix": "support/agent.zip" } }, "runtime": "PYTHON_3_12", "entryPoint": ["main.py"] }""";

    private static string Runtime(string artifact) => $$"""
        {
          "agentRuntimeName": "support_agent",
          "agentRuntimeArtifact": {{artifact}},
          "roleArn": "arn:aws:iam::123456789012:role/AgentCoreRuntimeRole",
          "networkConfiguration": { "networkMode": "PUBLIC" }
        }
        """;

    [Fact]
    public void Two_members_are_reported_at_the_second_member_naming_both()
    {
        var result = Lint.Run(Rule, "CreateAgentRuntime", Runtime($$"""{ "containerConfiguration": {{Container}}, ⟦"codeConfiguration": {{Code}} }"""));
        var finding = Lint.AssertSingle(result, "ACL1008");
        Assert.Contains("agentRuntimeArtifact sets containerConfiguration and codeConfiguration", finding.Message);
        Assert.Contains("AgentRuntimeArtifact is a union", finding.Message);
        Assert.Equal("/agentRuntimeArtifact/codeConfiguration", finding.Pointer);
    }

    [Fact]
    public void Three_members_are_reported_once_naming_all()
    {
        var result = Lint.Run(Rule, "CreateAgentRuntime", Requests.Runtime("""
            "filesystemConfigurations": [
              {
                "sessionStorage": { "mountPath": "/mnt/a" },
                ⟦"s3FilesAccessPoint": { "accessPointArn": "arn:aws:s3files:us-east-1:123456789012:file-system/fs-0123456789abcdef01/access-point/fsap-0123456789abcdef01", "mountPath": "/mnt/b" },
                "efsAccessPoint": { "accessPointArn": "arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-0123456789abcdef0", "mountPath": "/mnt/c" }
              }
            ]
            """));
        var finding = Lint.AssertSingle(result, "ACL1008");
        Assert.Contains("filesystemConfigurations[0] sets sessionStorage, s3FilesAccessPoint and efsAccessPoint", finding.Message);
    }

    [Fact]
    public void No_member_is_reported_at_the_union_key_listing_the_choices()
    {
        var result = Lint.Run(Rule, "CreateAgentRuntime", """
            {
              "agentRuntimeName": "support_agent",
              ⟦"agentRuntimeArtifact": {},
              "roleArn": "arn:aws:iam::123456789012:role/AgentCoreRuntimeRole",
              "networkConfiguration": { "networkMode": "PUBLIC" }
            }
            """);
        var finding = Lint.AssertSingle(result, "ACL1008");
        Assert.Contains("sets none of its members", finding.Message);
        Assert.Contains("containerConfiguration or codeConfiguration", finding.Message);
    }

    [Fact]
    public void An_empty_list_item_is_reported_at_the_item()
    {
        var result = Lint.Run(Rule, "CreateAgentRuntime", Requests.Runtime("""
            "filesystemConfigurations": [ ⟦{} ]
            """));
        var finding = Lint.AssertSingle(result, "ACL1008");
        Assert.Contains("filesystemConfigurations[0] sets none of its members", finding.Message);
        Assert.Contains("sessionStorage, s3FilesAccessPoint or efsAccessPoint", finding.Message);
    }

    [Fact]
    public void A_null_member_counts_as_not_set()
    {
        Lint.AssertNone(Lint.Run(Rule, "CreateAgentRuntime", Runtime($$"""{ "containerConfiguration": {{Container}}, "codeConfiguration": null }""")));

        var onlyNull = Lint.Run(Rule, "CreateAgentRuntime", Runtime("""{ "codeConfiguration": null }""").Replace("\"agentRuntimeArtifact\"", "⟦\"agentRuntimeArtifact\""));
        Assert.Contains("sets none", Lint.AssertSingle(onlyNull, "ACL1008").Message);
    }

    [Fact]
    public void An_unknown_member_value_may_be_set_so_none_is_not_reported_but_two_known_are()
    {
        Lint.AssertNone(Lint.Run(Rule, "CreateAgentRuntime", Runtime("""{ "containerConfiguration": { "Fn::If": ["UseImage", {}, { "Ref": "AWS::NoValue" }] } }""")));
        Lint.AssertNone(Lint.Run(Rule, "CreateAgentRuntime", Runtime($$"""{ "containerConfiguration": {{Container}}, "codeConfiguration": { "Ref": "CodeConfig" } }""")));
        Lint.AssertNone(Lint.Run(Rule, "CreateAgentRuntime", Runtime("""{ "Fn::If": ["UseImage", {}, {}] }""")));
    }

    [Fact]
    public void None_set_is_left_to_the_unknown_member_finding_when_a_member_name_is_misspelt()
    {
        Lint.AssertNone(Lint.Run(Rule, "CreateAgentRuntime", Runtime($$"""{ "containerConfig": {{Container}} }""")));
    }

    [Fact]
    public void Unions_are_found_in_every_operation_by_shape()
    {
        var result = Lint.Run(Rule, "CreateHarness", Requests.Harness("""
            "model": {
              "bedrockModelConfig": { "modelId": "us.anthropic.claude-sonnet-4-20250514-v1:0" },
              ⟦"geminiModelConfig": { "modelId": "gemini-2.5-pro" }
            },
            "systemPrompt": [ ⟦{} ]
            """));
        var findings = Lint.AssertAtMarks(result, "ACL1008");
        Assert.Contains("model sets bedrockModelConfig and geminiModelConfig", findings[0].Message);
        Assert.Contains("systemPrompt[0] sets none of its members, but HarnessSystemContentBlock is a union: set exactly one of text.", findings[1].Message);
    }

    [Fact]
    public void Harness_tool_type_must_match_its_config_member()
    {
        var result = Lint.Run(Rule, "CreateHarness", Requests.Harness("""
            "tools": [
              { "type": "remote_mcp", "name": "search", "config": { ⟦"agentCoreGateway": { "gatewayArn": "arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/search-gateway-abc1234567" } } },
              { "type": "remote_mcp", "name": "docs", "config": { "remoteMcp": { "url": "https://mcp.docs.example.com/mcp" } } },
              { "type": "agentcore_browser", "name": "web" },
              { "type": "inline_function", "name": "lookup", "config": { ⟦"agentCoreCodeInterpreter": {} } }
            ]
            """));
        var findings = Lint.AssertAtMarks(result, "ACL1008");
        Assert.Equal("tools[0].type is 'remote_mcp', so config must set remoteMcp, but it sets agentCoreGateway: configure remoteMcp or set type to 'agentcore_gateway'.", findings[0].Message);
        Assert.Contains("tools[3].type is 'inline_function', so config must set inlineFunction, but it sets agentCoreCodeInterpreter", findings[1].Message);
    }

    [Fact]
    public void Truncation_strategy_must_match_its_config_member_and_none_takes_no_config()
    {
        var mismatch = Lint.Run(Rule, "CreateHarness", Requests.Harness("""
            "truncation": { "strategy": "sliding_window", "config": { ⟦"summarization": { "summaryRatio": 0.5 } } }
            """));
        Assert.Contains("truncation.strategy is 'sliding_window', so config must set slidingWindow, but it sets summarization",
            Lint.AssertSingle(mismatch, "ACL1008").Message);

        var none = Lint.Run(Rule, "UpdateHarness", """
            { "harnessId": "research_assistant-AbCdEf1234", "truncation": { "strategy": "none", "config": { ⟦"slidingWindow": { "messagesCount": 20 } } } }
            """);
        Assert.Equal("truncation.strategy is 'none', which takes no config, but config sets slidingWindow: remove config or set strategy to 'sliding_window'.",
            Lint.AssertSingle(none, "ACL1008").Message);

        Lint.AssertNone(Lint.Run(Rule, "CreateHarness", Requests.Harness("""
            "truncation": { "strategy": "summarization", "config": { "summarization": { "summaryRatio": 0.5 } } }
            """)));
        Lint.AssertNone(Lint.Run(Rule, "CreateHarness", Requests.Harness("""
            "truncation": { "strategy": { "Ref": "Strategy" }, "config": { "summarization": {} } }
            """)));
        Lint.AssertNone(Lint.Run(Rule, "CreateHarness", Requests.Harness("""
            "truncation": { "strategy": "none" }
            """)));
    }

    [Fact]
    public void Discriminator_pairings_are_derived_from_the_model_names()
    {
        var pairings = UnionRule.DiscriminatorPairings;
        var tool = Assert.Single(pairings["HarnessTool"]);
        Assert.Equal(("type", "config"), (tool.Discriminator, tool.Config));
        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["remote_mcp"] = "remoteMcp",
                ["agentcore_browser"] = "agentCoreBrowser",
                ["agentcore_gateway"] = "agentCoreGateway",
                ["inline_function"] = "inlineFunction",
                ["agentcore_code_interpreter"] = "agentCoreCodeInterpreter",
            },
            tool.MemberFor);

        var truncation = Assert.Single(pairings["HarnessTruncationConfiguration"]);
        Assert.Equal(("strategy", "config"), (truncation.Discriminator, truncation.Config));
        Assert.Equal("slidingWindow", truncation.MemberFor["sliding_window"]);
        Assert.Equal("summarization", truncation.MemberFor["summarization"]);
        Assert.Null(truncation.MemberFor["none"]);

        // Every derived pairing maps at least one value, and only onto members of its union.
        foreach (var pairing in pairings.Values.SelectMany(p => p))
        {
            Assert.True(pairing.Union.IsUnion);
            Assert.Contains(pairing.MemberFor.Values, v => v is not null);
            Assert.All(pairing.MemberFor.Values.Where(v => v is not null), v => Assert.NotNull(pairing.Union.FindMember(v!)));
        }
    }

    [Fact]
    public void Every_union_shape_of_the_model_is_checked()
    {
        // The rule keys on Shape.IsUnion, so this pins the model's union count: a regenerated model with new
        // unions is covered without code changes.
        Assert.Equal(71, ApiModel.Shapes.Values.Count(s => s.IsUnion));
    }
}
