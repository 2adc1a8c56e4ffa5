using AgentCoreLint.Rules.Findings;
using AgentCoreLint.Rules.Semantic;
using AgentCoreLint.Rules.Tests.Support;

namespace AgentCoreLint.Rules.Tests.Rules;

public sealed class SecretInEnvironmentRuleTests
{
    private static readonly SecretInEnvironmentRule Rule = new();

    private static readonly string GitHub = "ghp_" + Fake.Alnum(36, 7);
    private static readonly string Password = "Qm7" + Fake.Alnum(12, 8);
    private static readonly string StripeTest = "sk_test_" + Fake.Alnum(24, 9);
    private static readonly string AccessKey = "AKIA" + Fake.Upper(16, 10);

    [Fact]
    public void Literal_secrets_are_reported_at_their_values_naming_key_and_detector_never_the_secret()
    {
        var result = Lint.Run(Rule, "CreateAgentRuntime", Requests.Runtime($$"""
            "environmentVariables": {
              "LOG_LEVEL": "info",
              "GITHUB_TOKEN": ⟦"{{GitHub}}",
              "DB_PASSWORD": ⟦"{{Password}}",
              "DATABASE_URL": ⟦"postgres://app:{{Password}}@db.internal:5432/app",
              "UPLOAD_KEY_ID": ⟦"{{AccessKey}}",
              "DB_PASSWORD_SECRET_ARN": "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf",
              "MODEL_ID": "us.anthropic.claude-sonnet-4-20250514-v1:0"
            }
            """));
        var findings = Lint.AssertAtMarks(result, "ACL3001");

        Assert.Equal("environment variable 'GITHUB_TOKEN' holds a GitHub token ('ghp_…', 40 characters). Environment variables are plain configuration, " +
                     "returned to anyone who can read the resource: store the secret in AWS Secrets Manager or an AgentCore Identity credential provider " +
                     "(API key or OAuth2) and reference it instead, then rotate the exposed credential.", findings[0].Message);
        Assert.Contains("environment variable 'DB_PASSWORD' holds a literal value under a secret-like name (15 characters, redacted)", findings[1].Message);
        Assert.Contains("environment variable 'DATABASE_URL' holds a password in a URL (15 characters, redacted)", findings[2].Message);
        Assert.Contains("environment variable 'UPLOAD_KEY_ID' holds an AWS access key ID ('AKIA…', 20 characters)", findings[3].Message);
        Assert.Equal("/environmentVariables/GITHUB_TOKEN", findings[0].Pointer);
        Assert.All(findings, f => Assert.Equal(FindingLevel.Error, f.Level));

        Leak.AssertNotRevealed(findings[0].Message, GitHub);
        Leak.AssertNotRevealed(findings[1].Message, Password);
        Leak.AssertNotRevealed(findings[2].Message, Password);
        Leak.AssertNotRevealed(findings[3].Message, AccessKey);
    }

    [Fact]
    public void Low_confidence_detectors_report_a_warning()
    {
        var result = Lint.Run(Rule, "CreateHarness", Requests.Harness($$"""
            "environmentVariables": { "STRIPE_KEY": ⟦"{{StripeTest}}" }
            """));
        var finding = Lint.AssertSingle(result, "ACL3001");
        Assert.Equal(FindingLevel.Warning, finding.Level);
        Assert.Contains("a Stripe test-mode key", finding.Message);
        Leak.AssertNotRevealed(finding.Message, StripeTest);
    }

    [Fact]
    public void Every_table_secret_is_reported_without_being_revealed()
    {
        foreach (var row in SecretDetectorsTests.Secrets())
        {
            var (name, value) = ((string)row[0], (string)row[1]);
            var json = Requests.Runtime($"\"environmentVariables\": {{ {Quote(name)}: ⟦{Quote(value)} }}");
            var finding = Lint.AssertSingle(Lint.Run(Rule, "CreateAgentRuntime", json), "ACL3001");
            Assert.Contains($"'{name}'", finding.Message);
            var match = AgentCoreLint.Rules.Secrets.SecretDetectors.InspectKeyedValue(name, value)!;
            Assert.DoesNotContain(value, finding.Message, StringComparison.Ordinal);
            Leak.AssertNotRevealed(finding.Message, value.Substring(match.Index, match.Length));
        }
    }

    [Fact]
    public void Every_table_non_secret_passes()
    {
        foreach (var row in SecretDetectorsTests.NotSecrets())
        {
            var json = Requests.Runtime($"\"environmentVariables\": {{ {Quote((string)row[0])}: {Quote((string)row[1])} }}");
            Lint.AssertNone(Lint.Run(Rule, "CreateAgentRuntime", json));
        }
    }

    [Fact]
    public void Unknown_and_non_string_values_are_skipped()
    {
        Lint.AssertNone(Lint.Run(Rule, "CreateAgentRuntime", Requests.Runtime("""
            "environmentVariables": {
              "DB_PASSWORD": { "Ref": "DbPassword" },
              "API_TOKEN": { "Fn::Sub": "${Token}" },
              "ADMIN_PASSWORD": 123456,
              "SECRET": null
            }
            """)));
        Lint.AssertNone(Lint.Run(Rule, "CreateAgentRuntime", Requests.Runtime("""
            "environmentVariables": { "Fn::If": ["Prod", { "A": "b" }, {}] }
            """)));
    }

    private static string Quote(string s) => System.Text.Json.JsonSerializer.Serialize(s);
}
