using AgentCoreLint.Rules.Semantic;
using AgentCoreLint.Rules.Tests.Support;

namespace AgentCoreLint.Rules.Tests.Rules;

public sealed class ClaimMatchRuleTests
{
    private static readonly ClaimMatchRule Rule = new();

    private static string Runtime(params string[] claims) => Requests.Runtime($$"""
        "authorizerConfiguration": {
          "customJWTAuthorizer": {
            "discoveryUrl": "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123/.well-known/openid-configuration",
            "customClaims": [ {{string.Join(",\n", claims)}} ]
          }
        }
        """);

    private static string Claim(string valueType, string op, string value) => $$"""
        {
          "inboundTokenClaimName": "cognito:groups",
          "inboundTokenClaimValueType": "{{valueType}}",
          "authorizingClaimMatchValue": { "claimMatchValue": { {{value}} }, "claimMatchOperator": {{op}} }
        }
        """;

    [Fact]
    public void Equals_on_an_array_claim_is_reported_at_the_operator()
    {
        var result = Lint.Run(Rule, "CreateAgentRuntime", Runtime(Claim("STRING_ARRAY", "⟦\"EQUALS\"", "\"matchValueString\": \"support\"")));
        var finding = Lint.AssertSingle(result, "ACL1009");
        Assert.Equal("claimMatchOperator 'EQUALS' works on a single-string claim, but inboundTokenClaimValueType is 'STRING_ARRAY': " +
                     "use CONTAINS or CONTAINS_ANY to match an array claim, or set inboundTokenClaimValueType to 'STRING'.", finding.Message);
        Assert.EndsWith("/authorizingClaimMatchValue/claimMatchOperator", finding.Pointer);
    }

    [Theory]
    [InlineData("CONTAINS")]
    [InlineData("CONTAINS_ANY")]
    public void Contains_operators_on_a_string_claim_are_reported(string op)
    {
        var result = Lint.Run(Rule, "CreateAgentRuntime", Runtime(Claim("STRING", $"⟦\"{op}\"", "\"matchValueStringList\": [\"a\"]")));
        Assert.Contains($"claimMatchOperator '{op}' works on an array claim, but inboundTokenClaimValueType is 'STRING'", Lint.AssertSingle(result, "ACL1009").Message);
    }

    [Fact]
    public void The_match_value_member_must_fit_the_operator()
    {
        var result = Lint.Run(Rule, "CreateAgentRuntime", Runtime(
            Claim("STRING", "\"EQUALS\"", "⟦\"matchValueStringList\": [\"support\"]"),
            Claim("STRING_ARRAY", "\"CONTAINS_ANY\"", "⟦\"matchValueString\": \"support\"")));
        var findings = Lint.AssertAtMarks(result, "ACL1009");
        Assert.Equal("claimMatchOperator 'EQUALS' needs matchValueString (one string to compare with), but claimMatchValue sets matchValueStringList: " +
                     "use matchValueString, or CONTAINS_ANY with an array claim.", findings[0].Message);
        Assert.Contains("claimMatchOperator 'CONTAINS_ANY' needs matchValueStringList (the list of strings to look for), but claimMatchValue sets matchValueString", findings[1].Message);
    }

    [Fact]
    public void Valid_combinations_pass()
    {
        Lint.AssertNone(Lint.Run(Rule, "CreateAgentRuntime", Runtime(
            Claim("STRING", "\"EQUALS\"", "\"matchValueString\": \"support\""),
            Claim("STRING_ARRAY", "\"CONTAINS\"", "\"matchValueString\": \"support\""),
            Claim("STRING_ARRAY", "\"CONTAINS\"", "\"matchValueStringList\": [\"support\"]"),
            Claim("STRING_ARRAY", "\"CONTAINS_ANY\"", "\"matchValueStringList\": [\"support\", \"billing\"]"))));
    }

    [Fact]
    public void Unknown_or_odd_values_are_skipped()
    {
        Lint.AssertNone(Lint.Run(Rule, "CreateAgentRuntime", Runtime(
            Claim("STRING_ARRAY", "{ \"Ref\": \"Operator\" }", "\"matchValueString\": \"support\""),
            Claim("STRING_ARRAY", "\"MATCHES\"", "\"matchValueString\": \"support\""),
            Claim("STRING", "\"EQUALS\"", "\"matchValueStringList\": { \"Ref\": \"Values\" }"),
            Claim("STRING", "\"EQUALS\"", "\"matchValueString\": \"a\", \"matchValueStringList\": [\"b\"]"),
            Claim("STRING", "7", "\"matchValueString\": \"support\""))));
    }

    [Fact]
    public void Gateway_authorizers_are_checked_too()
    {
        var result = Lint.Run(Rule, "CreateGateway", $$"""
            {
              "name": "search-gateway",
              "roleArn": "arn:aws:iam::123456789012:role/GatewayRole",
              "authorizerType": "CUSTOM_JWT",
              "authorizerConfiguration": {
                "customJWTAuthorizer": {
                  "discoveryUrl": "https://idp.example.com/.well-known/openid-configuration",
                  "customClaims": [ {{Claim("STRING_ARRAY", "⟦\"EQUALS\"", "\"matchValueString\": \"admins\"")}} ]
                }
              }
            }
            """);
        Lint.AssertSingle(result, "ACL1009");
    }
}
