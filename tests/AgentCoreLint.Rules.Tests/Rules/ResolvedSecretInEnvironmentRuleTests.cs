using AgentCoreLint.Rules.Documents;
using AgentCoreLint.Rules.Engine;
using AgentCoreLint.Rules.Findings;
using AgentCoreLint.Rules.Semantic;
using AgentCoreLint.Rules.Tests.Support;

namespace AgentCoreLint.Rules.Tests.Rules;

public sealed class ResolvedSecretInEnvironmentRuleTests
{
    private static readonly ResolvedSecretInEnvironmentRule Rule = new();

    [Fact]
    public void Secret_dynamic_references_are_a_warning_at_the_value()
    {
        var result = Lint.Run(Rule, "CreateAgentRuntime", Requests.Runtime("""
            "environmentVariables": {
              "DB_PASSWORD": ⟦"{{resolve:secretsmanager:prod/support-db:SecretString:password}}",
              "PARTNER_TOKEN": ⟦{ "Fn::Sub": "Bearer {{resolve:ssm-secure:/prod/partner/token:3}}" },
              "REGION_NAME": "{{resolve:ssm:/prod/region}}",
              "LOG_LEVEL": "info"
            }
            """));
        var findings = Lint.AssertAtMarks(result, "ACL3004");
        Assert.Equal(FindingLevel.Warning, findings[0].Level);
        Assert.Equal("environment variable 'DB_PASSWORD' is set from a Secrets Manager dynamic reference: CloudFormation resolves it at deployment, " +
                     "so the plaintext secret is stored in the resource's configuration and returned to anyone who can read it. " +
                     "Pass the secret's ARN or name instead (e.g. 'DB_PASSWORD_SECRET_ARN') and read the value at run time.", findings[0].Message);
        Assert.Contains("'PARTNER_TOKEN' is set from an SSM SecureString dynamic reference", findings[1].Message);
        Assert.DoesNotContain("prod/support-db", findings[0].Message);
    }

    [Fact]
    public void An_unknown_value_whose_reason_names_the_reference_is_reported()
    {
        var span = SourceSpan.Of(3, 20, 3, 60);
        var value = new UnknownNode(span, "/environmentVariables/DB_PASSWORD", "dynamic reference {{resolve:secretsmanager:prod/db}}");
        var env = new ObjectNode(span, "/environmentVariables", new[] { new PropertyNode("DB_PASSWORD", span, value) });
        var root = new ObjectNode(span, "", new[] { new PropertyNode("environmentVariables", span, env) });
        var context = new RuleContext(new LintTarget("UpdateHarness", root, span));
        Rule.Analyze(context);
        Assert.Equal("ACL3004", Assert.Single(context.Findings).RuleId);
    }

    [Fact]
    public void Acl3001_stays_silent_on_dynamic_references()
    {
        var result = Lint.All("CreateAgentRuntime", Requests.Runtime("""
            "environmentVariables": { "DB_PASSWORD": ⟦"{{resolve:secretsmanager:prod/support-db:SecretString:password}}" }
            """));
        Lint.AssertSingle(result, "ACL3004");
    }

    [Fact]
    public void Arns_and_plain_values_pass()
    {
        Lint.AssertNone(Lint.Run(Rule, "CreateAgentRuntime", Requests.Runtime("""
            "environmentVariables": { "DB_SECRET_ARN": "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf", "X": { "Ref": "Param" } }
            """)));
    }
}
