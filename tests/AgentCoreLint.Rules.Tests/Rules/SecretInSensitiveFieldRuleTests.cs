using AgentCoreLint.Rules.Findings;
using AgentCoreLint.Rules.Semantic;
using AgentCoreLint.Rules.Tests.Support;

namespace AgentCoreLint.Rules.Tests.Rules;

public sealed class SecretInSensitiveFieldRuleTests
{
    private static readonly SecretInSensitiveFieldRule Rule = new();

    private static readonly string Jwt = Fake.Jwt("""{"alg":"RS256","typ":"JWT"}""", """{"sub":"agent","aud":"search"}""", 3);
    private static readonly string Anthropic = "sk-ant-api03-" + Fake.Base64Url(93, 4) + "AA";
    private static readonly string HexKey = Fake.Hex(32, 5);
    private static readonly string Query = Fake.Alnum(32, 6);

    [Fact]
    public void Remote_mcp_headers_are_checked_with_their_names()
    {
        var result = Lint.Run(Rule, "CreateHarness", Requests.Harness($$"""
            "tools": [ { "type": "remote_mcp", "name": "search", "config": { "remoteMcp": {
              "url": "https://mcp.search.example.com/mcp",
              "headers": {
                "Authorization": ⟦"Bearer {{Jwt}}",
                "X-Api-Key": ⟦"{{HexKey}}",
                "X-Tenant": "acme-prod",
                "X-Trace-Token": "${TRACE_TOKEN}"
              }
            } } } ]
            """));
        var findings = Lint.AssertAtMarks(result, "ACL3002");
        Assert.Equal("header 'Authorization' in tools[0].config.remoteMcp.headers holds a JSON Web Token ('eyJh…', " + Jwt.Length +
                     " characters); it is stored and returned as plain configuration: store the secret in AWS Secrets Manager or an AgentCore Identity " +
                     "credential provider (API key or OAuth2) and reference it instead, then rotate the exposed credential.", findings[0].Message);
        Assert.Contains("header 'X-Api-Key'", findings[1].Message);
        Leak.AssertNotRevealed(findings[0].Message, Jwt);
        Leak.AssertNotRevealed(findings[1].Message, HexKey);
    }

    [Fact]
    public void Prompts_descriptions_and_urls_are_searched_for_provider_formats()
    {
        var result = Lint.Run(Rule, "CreateHarness", Requests.Harness($$"""
            "systemPrompt": [ { "text": "You are a research assistant." }, { "text": ⟦"Use the key {{Anthropic}} for the search service." } ],
            "tools": [
              { "type": "remote_mcp", "name": "docs", "config": { "remoteMcp": { "url": ⟦"https://mcp.docs.example.com/sse?api_key={{Query}}" } } },
              { "type": "inline_function", "name": "lookup", "config": { "inlineFunction": { "description": ⟦"Looks up orders. Auth: Bearer {{Jwt}}", "inputSchema": { "type": "object" } } } }
            ],
            "truncation": { "strategy": "summarization", "config": { "summarization": { "summarizationSystemPrompt": ⟦"Summarize. Never print {{Anthropic}}." } } }
            """));
        var findings = Lint.AssertAtMarks(result, "ACL3002");
        Assert.StartsWith("systemPrompt[1].text contains an Anthropic API key ('sk-a…', 108 characters): store the secret", findings[0].Message);
        Assert.StartsWith("tools[0].config.remoteMcp.url contains a credential in a URL query ('", findings[1].Message);
        Assert.StartsWith("tools[1].config.inlineFunction.description contains a JSON Web Token", findings[2].Message);
        Assert.StartsWith("truncation.config.summarization.summarizationSystemPrompt contains an Anthropic API key", findings[3].Message);
        foreach (var f in findings)
        {
            Leak.AssertNotRevealed(f.Message, Anthropic);
            Leak.AssertNotRevealed(f.Message, Jwt);
            Leak.AssertNotRevealed(f.Message, Query);
        }
    }

    [Fact]
    public void Descriptions_of_any_operation_are_checked()
    {
        var runtime = Lint.Run(Rule, "CreateAgentRuntime", Requests.Runtime($"\"description\": ⟦\"Support agent. Service token: {Jwt}\""));
        Assert.StartsWith("description contains a JSON Web Token", Lint.AssertSingle(runtime, "ACL3002").Message);

        var gateway = Lint.Run(Rule, "CreateGateway", $$"""
            { "name": "search-gateway", "roleArn": "arn:aws:iam::123456789012:role/GatewayRole", "authorizerType": "AWS_IAM",
              "description": ⟦"Search tools; upstream key {{Anthropic}}" }
            """);
        Lint.AssertSingle(gateway, "ACL3002");
    }

    [Fact]
    public void Oauth_custom_parameters_are_checked_with_their_names()
    {
        var secret = Fake.Alnum(40, 11);
        var result = Lint.Run(Rule, "CreateGatewayTarget", $$"""
            {
              "gatewayIdentifier": "search-gateway-abc1234567",
              "name": "crm",
              "targetConfiguration": { "mcp": { "mcpServer": { "endpoint": "https://mcp.crm.example.com/mcp" } } },
              "credentialProviderConfigurations": [ {
                "credentialProviderType": "OAUTH",
                "credentialProvider": { "oauthCredentialProvider": {
                  "providerArn": "arn:aws:bedrock-agentcore:us-east-1:123456789012:token-vault/default/oauth2credentialprovider/crm",
                  "scopes": ["crm.read"],
                  "customParameters": { "audience": "https://crm.example.com", "client_secret": ⟦"{{secret}}" }
                } }
              } ]
            }
            """);
        var finding = Lint.AssertSingle(result, "ACL3002");
        Assert.StartsWith("OAuth custom parameter 'client_secret' in credentialProviderConfigurations[0].credentialProvider.oauthCredentialProvider.customParameters holds a high-entropy literal", finding.Message);
        Leak.AssertNotRevealed(finding.Message, secret);
    }

    [Fact]
    public void Credential_provider_slots_and_environment_variables_are_not_this_rules_business()
    {
        Lint.AssertNone(Lint.Run(Rule, "CreateApiKeyCredentialProvider", $$"""
            { "name": "search_key", "apiKey": "{{Anthropic}}" }
            """));
        Lint.AssertNone(Lint.Run(Rule, "CreateAgentRuntime", Requests.Runtime($$"""
            "environmentVariables": { "ANTHROPIC_API_KEY": "{{Anthropic}}" }
            """)));
    }

    [Fact]
    public void Low_confidence_matches_are_warnings_and_ordinary_text_passes()
    {
        var stripe = "sk_test_" + Fake.Alnum(24, 12);
        var result = Lint.Run(Rule, "CreateAgentRuntime", Requests.Runtime($"\"description\": ⟦\"Refund agent (test key {stripe})\""));
        Assert.Equal(FindingLevel.Warning, Lint.AssertSingle(result, "ACL3002").Level);

        foreach (string text in SecretDetectorsTests.NotTextSecrets())
        {
            var json = Requests.Harness($"\"systemPrompt\": [ {{ \"text\": {System.Text.Json.JsonSerializer.Serialize(text)} }} ]");
            Lint.AssertNone(Lint.Run(Rule, "CreateHarness", json));
        }
    }
}
