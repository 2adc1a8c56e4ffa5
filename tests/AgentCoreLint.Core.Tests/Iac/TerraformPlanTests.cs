using AgentCoreLint.Core.Iac;

namespace AgentCoreLint.Core.Tests.Iac;

/// <summary>Terraform plan JSON: mapping onto the API, unknown and sensitive values, addresses, which changes are linted.</summary>
public sealed class TerraformPlanTests
{
    private const string Secret = "sk-proj-Q7wE9rT2yU4iO6pA8sD0fG3hJ5kL1zX9cV7bN2mQ4wE6rT8y";

    /// <summary>A plan with one resource change; AFTER, UNKNOWN, SENSITIVE, ADDRESS and ACTIONS are replaced.</summary>
    private const string Plan = """
        {"format_version":"1.2","terraform_version":"1.12.2",
         "variables":{"openai_api_key":{"value":"SECRET"}},
         "planned_values":{"root_module":{}},
         "resource_changes":[
          {"address":"aws_iam_role.agent","mode":"managed","type":"aws_iam_role","name":"agent","change":{"actions":["create"],"before":null,"after":{"name":"agent"},"after_unknown":{"arn":true},"after_sensitive":{}}},
          {"address":"ADDRESS","mode":"managed","type":"aws_bedrockagentcore_agent_runtime","name":"this",
           "provider_name":"registry.terraform.io/hashicorp/aws",
           "change":{"actions":ACTIONS,"before":null,
            "after":AFTER,
            "after_unknown":UNKNOWN,
            "before_sensitive":false,
            "after_sensitive":SENSITIVE}}]}
        """;

    private const string Runtime = """
        {"agent_runtime_artifact":[{"code_configuration":[],"container_configuration":[{"container_uri":"123456789012.dkr.ecr.us-east-1.amazonaws.com/support-agent:1.4.2"}]}],
             "agent_runtime_name":"support_agent","authorizer_configuration":[],"description":null,
             "environment_variables":{"LOG_LEVEL":"INFO"},"filesystem_configuration":[],
             "network_configuration":[{"network_mode":"PUBLIC","network_mode_config":[]}],
             "protocol_configuration":[{"server_protocol":"HTTP"}],"region":"us-east-1","request_header_configuration":[],
             "tags":null,"tags_all":{},"timeouts":null}
        """;

    private const string RuntimeUnknown = """{"agent_runtime_arn":true,"agent_runtime_id":true,"agent_runtime_version":true,"role_arn":true,"lifecycle_configuration":true,"workload_identity_details":true}""";

    private static Marked PlanWith(string after, string unknown = RuntimeUnknown, string sensitive = "{}", string address = "aws_bedrockagentcore_agent_runtime.support", string actions = """["create"]""") =>
        Marked.Parse(Plan.Replace("AFTER", after).Replace("UNKNOWN", unknown).Replace("SENSITIVE", sensitive)
            .Replace("ADDRESS", address).Replace("ACTIONS", actions).Replace("SECRET", Secret));

    [Fact]
    public void A_valid_plan_has_no_findings_and_unknown_values_are_not_missing()
    {
        // role_arn is known only after apply: omitted from "after", marked in "after_unknown"; not a missing member.
        IacHarness.Clean(PlanWith(Runtime), "plan.json");
    }

    [Fact]
    public void Blocks_and_names_map_onto_the_API_request()
    {
        var context = IacHarness.Adapt(new TerraformPlanAdapter(), PlanWith(Runtime).Text, "plan.json");
        var target = Assert.Single(context.Targets);
        Assert.Equal("CreateAgentRuntime", target.Operation);
        Assert.Equal(
            "{agentRuntimeArtifact: {containerConfiguration: {containerUri: \"123456789012.dkr.ecr.us-east-1.amazonaws.com/support-agent:1.4.2\"}}, " +
            "agentRuntimeName: \"support_agent\", environmentVariables: {LOG_LEVEL: \"INFO\"}, networkConfiguration: {networkMode: \"PUBLIC\"}, " +
            "protocolConfiguration: {serverProtocol: \"HTTP\"}, tags: {}, roleArn: ?, lifecycleConfiguration: ?}",
            IacHarness.Dump(target.Request));
    }

    [Fact]
    public void Findings_point_into_the_plan_and_name_the_resource_address()
    {
        var input = PlanWith(Runtime.Replace("""{"network_mode":"PUBLIC","network_mode_config":[]}""", """{"network_mode":⟦"VPC","network_mode_config":[]}"""),
            address: "module.team_agents.aws_bedrockagentcore_agent_runtime.this[\\\"billing\\\"]");
        var finding = Assert.Single(IacHarness.Expect(input, "plan.json", "ACL2101"));
        Assert.StartsWith("module.team_agents.aws_bedrockagentcore_agent_runtime.this[\"billing\"]: ", finding.Message);
        Assert.Equal("module.team_agents.aws_bedrockagentcore_agent_runtime.this[\"billing\"]", finding.LogicalLocation);
    }

    [Fact]
    public void A_one_line_plan_reports_columns_on_line_one()
    {
        var oneLine = PlanWith(Runtime.Replace("\"agent_runtime_name\":\"support_agent\"", "\"agent_runtime_name\":⟦\"support-agent\"")).Text
            .Replace("\n", "").Replace("⟦", "");
        var column = oneLine.IndexOf("\"support-agent\"", StringComparison.Ordinal) + 1;
        var finding = Assert.Single(IacHarness.Lint(Marked.Parse(oneLine), "plan.json"));
        Assert.Equal(("ACL1005", 1, column), (finding.RuleId, finding.Span.Start.Line, finding.Span.Start.Column));
    }

    [Fact]
    public void Sensitive_values_are_judged_but_never_printed()
    {
        var input = PlanWith(
            Runtime.Replace("""{"LOG_LEVEL":"INFO"}""", $$"""{"LOG_LEVEL":"INFO","OPENAI_API_KEY":⟦"{{Secret}}"}""")
                   .Replace("\"agent_runtime_name\":\"support_agent\"", "\"agent_runtime_name\":⟦\"support-agent-with-a-secret-looking-name\""),
            sensitive: """{"environment_variables":{"OPENAI_API_KEY":true},"agent_runtime_name":true}""");
        var findings = IacHarness.Expect(input, "plan.json", "ACL1005", "ACL3001");
        foreach (var finding in findings)
        {
            Assert.DoesNotContain(Secret[..12], finding.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("support-agent-with", finding.Message, StringComparison.Ordinal);
        }

        Assert.Contains("sensitive value", findings[0].Message);
    }

    [Fact]
    public void Unknown_list_elements_and_attributes_are_not_judged()
    {
        var after = Runtime.Replace("""{"network_mode":"PUBLIC","network_mode_config":[]}""",
            """{"network_mode":"VPC","network_mode_config":[{"security_groups":[null],"subnets":["subnet-0a1b2c3d4e5f67890"]}]}""");
        var unknown = RuntimeUnknown.Replace("}", ""","network_configuration":[{"network_mode_config":[{"require_service_s3_endpoint":true,"security_groups":[true],"subnets":[false]}]}]}""");
        IacHarness.Clean(PlanWith(after, unknown), "plan.json");
    }

    [Fact]
    public void Only_created_updated_and_kept_resources_are_linted()
    {
        var bad = Runtime.Replace("\"agent_runtime_name\":\"support_agent\"", "\"agent_runtime_name\":\"support-agent\"");
        Assert.Single(IacHarness.Lint(PlanWith(bad, actions: """["delete","create"]"""), "plan.json"));
        Assert.Single(IacHarness.Lint(PlanWith(bad, actions: """["update"]"""), "plan.json"));
        Assert.Single(IacHarness.Lint(PlanWith(bad, actions: """["no-op"]"""), "plan.json"));
        Assert.Empty(IacHarness.Lint(PlanWith(bad, actions: """["read"]"""), "plan.json"));
        Assert.Empty(IacHarness.Lint(PlanWith(bad.Replace("support-agent", "x"), actions: """["delete"]"""), "plan.json"));
    }

    [Fact]
    public void Planned_values_are_used_without_resource_changes_and_child_modules_are_searched()
    {
        var values = Runtime.Replace("\"agent_runtime_name\":\"support_agent\"", "\"agent_runtime_name\":⟦\"support-agent\"");
        var input = Marked.Parse("""
            {"format_version":"1.0","planned_values":{"root_module":{"resources":[],"child_modules":[{"address":"module.agents","child_modules":[
              {"address":"module.agents.module.inner","resources":[
                {"address":"module.agents.module.inner.aws_bedrockagentcore_agent_runtime.this[0]","mode":"managed","type":"aws_bedrockagentcore_agent_runtime","name":"this","index":0,
                 "values":VALUES,"sensitive_values":{}}]}]}]}}}
            """.Replace("VALUES", values));
        // role_arn is absent (planned values omit unknowns): not reported as missing.
        var finding = Assert.Single(IacHarness.Expect(input, "plan.json", "ACL1005"));
        Assert.Equal("module.agents.module.inner.aws_bedrockagentcore_agent_runtime.this[0]", finding.LogicalLocation);
    }

    [Fact]
    public void A_state_is_linted_as_what_is_deployed()
    {
        var values = Runtime.Replace("\"agent_runtime_name\":\"support_agent\"", "\"agent_runtime_name\":⟦\"support-agent\"")
            .Replace("\"description\":null", "\"description\":null,\"role_arn\":\"arn:aws:iam::123456789012:role/Agent\"");
        var input = Marked.Parse("""
            {"format_version":"1.0","terraform_version":"1.12.2","values":{"root_module":{"resources":[
              {"address":"aws_bedrockagentcore_agent_runtime.support","mode":"managed","type":"aws_bedrockagentcore_agent_runtime","name":"support",
               "values":VALUES,"sensitive_values":{}}]}}}
            """.Replace("VALUES", values));
        IacHarness.Expect(input, "state.json", "ACL1005");
    }

    [Fact]
    public void Tags_all_is_sent_as_tags()
    {
        var after = Runtime.Replace("\"tags\":null,\"tags_all\":{}", "\"tags\":{\"team\":\"support\"},\"tags_all\":{\"team\":\"support\",\"environment\":\"prod\"}");
        var target = Assert.Single(IacHarness.Adapt(new TerraformPlanAdapter(), PlanWith(after).Text, "plan.json").Targets);
        Assert.Contains("tags: {team: \"support\", environment: \"prod\"}", IacHarness.Dump(target.Request));
    }

    [Fact]
    public void Gateway_target_credential_blocks_and_tool_schemas_are_reshaped_like_the_provider_does()
    {
        var plan = """
            {"format_version":"1.2","resource_changes":[{"address":"aws_bedrockagentcore_gateway_target.orders","mode":"managed","type":"aws_bedrockagentcore_gateway_target","name":"orders",
             "change":{"actions":["create"],"after":{
              "credential_provider_configuration":[{"api_key":[{"credential_location":"HEADER","credential_parameter_name":"x-api-key","credential_prefix":null,"provider_arn":"arn:aws:bedrock-agentcore:us-east-1:123456789012:token-vault/default/apikeycredentialprovider/orders"}],"gateway_iam_role":[],"oauth":[]}],
              "description":null,"gateway_identifier":"support-tools-ab12cd34ef","name":"order-lookup","region":"us-east-1","timeouts":null,
              "target_configuration":[{"mcp":[{"lambda":[{"lambda_arn":"arn:aws:lambda:us-east-1:123456789012:function:order-lookup","tool_schema":[{"inline_payload":[
                {"description":"Look up an order","name":"get_order","output_schema":[],"input_schema":[{"description":null,"items":[],"type":"object","property":[
                  {"description":"The order id","items":[],"items_json":null,"name":"order_id","properties_json":null,"property":[],"required":true,"type":"string"},
                  {"description":null,"items":[{"description":null,"type":"string","items":[],"property":[]}],"items_json":null,"name":"tags","properties_json":null,"property":[],"required":false,"type":"array"}]}]}],"s3":[]}]}],
               "mcp_server":[],"open_api_schema":[],"smithy_model":[]}]}]},
             "after_unknown":{"target_id":true},"after_sensitive":{}}}]}
            """;
        var target = Assert.Single(IacHarness.Adapt(new TerraformPlanAdapter(), plan, "plan.json").Targets);
        var request = IacHarness.Dump(target.Request);
        Assert.Contains("credentialProviderConfigurations: [{credentialProviderType: \"API_KEY\", credentialProvider: {apiKeyCredentialProvider: {credentialLocation: \"HEADER\", credentialParameterName: \"x-api-key\", providerArn: ", request);
        Assert.Contains("inputSchema: {type: \"object\", properties: {order_id: {description: \"The order id\", type: \"string\"}, tags: {items: {type: \"string\"}, type: \"array\"}}, required: [\"order_id\"]}", request);
        IacHarness.Clean(Marked.Parse(plan), "plan.json");
    }

    [Fact]
    public void Harness_outbound_auth_flags_and_keyed_retrieval_blocks_are_reshaped()
    {
        var plan = """
            {"format_version":"1.2","resource_changes":[{"address":"aws_bedrockagentcore_harness.research","mode":"managed","type":"aws_bedrockagentcore_harness","name":"research",
             "change":{"actions":["create"],"after":{"harness_name":"research","execution_role_arn":"arn:aws:iam::123456789012:role/Harness",
              "model":[{"bedrock_model_config":[{"model_id":"anthropic.claude-sonnet-4-20250514-v1:0","max_tokens":null,"temperature":null,"top_p":null}],"gemini_model_config":[],"openai_model_config":[]}],
              "memory":[{"agentcore_memory_configuration":[{"arn":"arn:aws:bedrock-agentcore:us-east-1:123456789012:memory/support_memory-AbCdEf1234","actor_id":null,"messages_count":null,
                "retrieval_config":[{"map_block_key":"/facts/{actorId}","relevance_score":0.5,"strategy_id":null,"top_k":5}]}]}],
              "tool":[{"name":"tools","type":"agentcore_gateway","config":[{"agentcore_gateway":[{"gateway_arn":"arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/support-tools-ab12cd34ef","outbound_auth":[{"aws_iam":true,"none":null,"oauth":[]}]}],
                "agentcore_browser":[],"agentcore_code_interpreter":[],"inline_function":[],"remote_mcp":[]}]}],
              "system_prompt":[{"text":"You answer shipping questions."}],"region":"us-east-1","tags":null,"tags_all":{},"timeouts":null},
             "after_unknown":{"arn":true,"harness_id":true,"environment":true,"truncation":true,"max_iterations":true,"timeout_seconds":true,"allowed_tools":true},
             "after_sensitive":{"system_prompt":[{"text":true}]}}}]}
            """;
        var target = Assert.Single(IacHarness.Adapt(new TerraformPlanAdapter(), plan, "plan.json").Targets);
        var request = IacHarness.Dump(target.Request);
        Assert.Contains("outboundAuth: {awsIam: {}}", request);
        Assert.Contains("retrievalConfig: {/facts/{actorId}: {relevanceScore: 0.5, topK: 5}}", request);
        Assert.Contains("systemPrompt: [{text: \"You answer shipping questions.\"}]", request);
        IacHarness.Clean(Marked.Parse(plan), "plan.json");
    }
}
