using AgentCoreLint.Rules.Secrets;
using AgentCoreLint.Rules.Tests.Support;
using static AgentCoreLint.Rules.Secrets.SecretDetectors;

namespace AgentCoreLint.Rules.Tests;

public sealed class SecretDetectorsTests
{
    /// <summary>Either generic detector: a literal under a secret-like name, high entropy or not.</summary>
    private const string Generic = "generic";

    private static readonly string Pw = "Qm7" + Fake.Alnum(13, 99); // a realistic random password

    // (name, value, expected detector)
    public static TheoryData<string, string, string> Secrets() => new()
    {
        // AWS
        { "AWS_ACCESS_KEY_ID", "AKIA" + Fake.Upper(16, 1), AwsAccessKeyId },
        { "AWS_ACCESS_KEY_ID", "ASIA" + Fake.Upper(16, 2), AwsAccessKeyId },
        { "BACKUP_CREDENTIALS", "AKIA" + Fake.Upper(16, 3) + ":" + Fake.Base64(40, 4), AwsAccessKeyId },
        { "AWS_SECRET_ACCESS_KEY", Fake.Base64(40, 5), AwsSecretAccessKey },
        { "aws_secret_key", Fake.Base64(40, 6), AwsSecretAccessKey },
        { "BOTO_CONFIG_INLINE", "aws_secret_access_key = " + Fake.Base64(40, 7), AwsSecretAccessKey },

        // GitHub, GitLab
        { "GITHUB_TOKEN", "ghp_" + Fake.Alnum(36, 10), GitHubToken },
        { "GH_OAUTH", "gho_" + Fake.Alnum(36, 11), GitHubToken },
        { "CI_INSTALLATION", "ghs_" + Fake.Alnum(36, 12), GitHubToken },
        { "GH_USER_TO_SERVER", "ghu_" + Fake.Alnum(36, 13), GitHubToken },
        { "GH_REFRESH", "ghr_" + Fake.Alnum(36, 14), GitHubToken },
        { "REPO_ACCESS", "github_pat_" + Fake.Alnum(22, 15) + "_" + Fake.Alnum(59, 16), GitHubToken },
        { "GITLAB_ACCESS", "glpat-" + Fake.Base64Url(20, 17), GitLabToken },

        // Slack
        { "SLACK_BOT", "xoxb-" + Fake.Digits(12, 20) + "-" + Fake.Digits(13, 21) + "-" + Fake.Alnum(24, 22), SlackToken },
        { "SLACK_USER", "xoxp-" + Fake.Digits(12, 23) + "-" + Fake.Digits(12, 24) + "-" + Fake.Digits(13, 25) + "-" + Fake.Hex(32, 26), SlackToken },
        { "SLACK_APP_LEVEL", "xapp-1-A" + Fake.Upper(10, 27) + "-" + Fake.Digits(13, 28) + "-" + Fake.Hex(64, 29), SlackToken },
        { "ALERT_WEBHOOK", "https://hooks.slack.com/services/T" + Fake.Upper(8, 30) + "/B" + Fake.Upper(10, 31) + "/" + Fake.Alnum(24, 32), SlackWebhook },

        // Stripe
        { "STRIPE_KEY", "sk_live_" + Fake.Alnum(99, 40), StripeLiveKey },
        { "PAYMENTS_RESTRICTED", "rk_live_" + Fake.Alnum(32, 41), StripeLiveKey },
        { "STRIPE_WEBHOOK", "whsec_" + Fake.Alnum(32, 42), StripeLiveKey },
        { "STRIPE_SANDBOX", "sk_test_" + Fake.Alnum(24, 43), StripeTestKey },

        // OpenAI, Anthropic, Google, Hugging Face, npm, SendGrid
        { "OPENAI_API_KEY", "sk-proj-" + Fake.Base64Url(124, 50), OpenAiKey },
        { "LLM_KEY", "sk-" + Fake.Alnum(48, 51), OpenAiKey },
        { "OPENAI_ADMIN", "sk-admin-" + Fake.Base64Url(60, 52), OpenAiKey },
        { "ANTHROPIC_API_KEY", "sk-ant-api03-" + Fake.Base64Url(93, 53) + "AA", AnthropicKey },
        { "CLAUDE_ADMIN", "sk-ant-admin01-" + Fake.Base64Url(80, 54), AnthropicKey },
        { "GOOGLE_MAPS", "AIza" + Fake.Base64Url(35, 55), GoogleApiKey },
        { "GEMINI", "AIza" + Fake.Base64Url(35, 56), GoogleApiKey },
        { "HF_HUB", "hf_" + Fake.Letters(34, 57), HuggingFaceToken },
        { "NPM_CONFIG", "npm_" + Fake.Alnum(36, 58), NpmToken },
        { "MAIL_PROVIDER", "SG." + Fake.Base64Url(22, 59) + "." + Fake.Base64Url(43, 60), SendGridKey },

        // Private keys and tokens
        { "SIGNING_MATERIAL", "-----BEGIN RSA PRIVATE KEY-----\nMIIEow" + Fake.Base64(64, 61) + "\n-----END RSA PRIVATE KEY-----", PrivateKey },
        { "SSH_IDENTITY", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA" + Fake.Base64(64, 62) + "\n-----END OPENSSH PRIVATE KEY-----", PrivateKey },
        { "TLS_KEY_PEM", "-----BEGIN EC PRIVATE KEY-----\\nMHcCAQEEI" + Fake.Base64(40, 63) + "\\n-----END EC PRIVATE KEY-----", PrivateKey },
        { "SERVICE_JWT", Fake.Jwt("""{"alg":"HS256","typ":"JWT"}""", """{"sub":"svc-reporting","iat":1716239022}""", 64), JsonWebToken },
        { "UPSTREAM_ID", Fake.Jwt("""{"kid":"k1","alg":"RS256"}""", """{"iss":"https://idp.example.com","aud":"agent"}""", 65), JsonWebToken },

        // Credentials in URLs and connection strings
        { "DATABASE_URL", "postgres://app_user:" + Pw + "@db.internal.example.com:5432/app", UrlPassword },
        { "REDIS_URL", "redis://default:" + Pw + "@cache.internal:6379/0", UrlPassword },
        { "MONGO", "mongodb+srv://admin:" + Pw + "@cluster0.abcde.mongodb.net/prod", UrlPassword },
        { "BROKER", "amqps://svc:" + Pw + "@mq.example.com/vhost", UrlPassword },
        { "SEARCH_ENDPOINT", "https://api.search.example.com/v1/query?format=json&api_key=" + Fake.Alnum(32, 70), UrlQueryCredential },
        { "SQLSERVER", "Server=db.internal;Database=app;User Id=sa;Password=" + Pw + ";", ConnectionStringPassword },

        // Secret-like names holding literals
        { "DB_PASSWORD", "Tr0ub4dor&3", Generic },
        { "POSTGRES_PASSWORD", "postgres", Generic },
        { "ADMIN_PWD", "Winter2024!", Generic },
        { "SMTP_PASS", "mail-pass-123", Generic },
        { "DB_PASSWORD", "123456", Generic },
        { "JWT_SECRET", Fake.Hex(64, 80), HighEntropySecret },
        { "SESSION_SECRET", "keyboard cat", Generic },
        { "PARTNER_API_KEY", "3fa85f64-5717-4562-b3fc-2c963f66afa6", HighEntropySecret },
        { "x-api-key", Fake.Hex(32, 81), Generic },
        { "Authorization", "Bearer " + Fake.Alnum(40, 82), HighEntropySecret },
        { "Authorization", "Basic " + Fake.Base64(18, 83), Generic },
        { "clientSecret", Fake.Alnum(40, 84), HighEntropySecret },
        { "client_secret", "s3cr3t-value-for-our-app", Generic },
        { "ENCRYPTION_KEY", Fake.Base64(44, 85), HighEntropySecret },
        { "CREDENTIALS", "admin:hunter22", Generic },
        { "BASIC_AUTH", "ops:" + Pw, Generic },
        { "PASSPHRASE", "correct horse battery staple", Generic },
        { "SLACK_SIGNING_SECRET", Fake.Hex(32, 86), Generic },
        { "X-Auth-Token", Fake.Alnum(28, 87), HighEntropySecret },
    };

    public static TheoryData<string, string> NotSecrets() => new()
    {
        { "LOG_LEVEL", "info" },
        { "AWS_REGION", "us-east-1" },
        { "MODEL_ID", "anthropic.claude-3-5-sonnet-20240620-v1:0" },
        { "BEDROCK_MODEL", "us.anthropic.claude-sonnet-4-20250514-v1:0" },
        { "DB_PASSWORD_SECRET_ARN", "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf" },
        { "DB_PASSWORD", "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf" },
        { "DB_PASSWORD", "{{resolve:secretsmanager:prod/db:SecretString:password}}" },
        { "API_KEY", "{{resolve:ssm-secure:/prod/partner/api-key:3}}" },
        { "DB_PASSWORD", "/prod/db/password" },
        { "API_TOKEN_PARAMETER", "/prod/api/token" },
        { "DB_SECRET_NAME", "prod/db-credentials" },
        { "DB_SECRET_ID", "prod/db" },
        { "GITHUB_TOKEN", "prod/github/token" },
        { "DB_PASSWORD", "secretsmanager:prod/db" },
        { "DB_PASSWORD", "" },
        { "DB_PASSWORD", "   " },
        { "DB_PASSWORD", "changeme" },
        { "API_KEY", "CHANGE_ME" },
        { "API_KEY", "<your-key>" },
        { "API_TOKEN", "${API_TOKEN}" },
        { "DB_PASSWORD", "$(cat /run/secrets/db_password)" },
        { "SECRET_KEY", "xxxxxxxxxxxxxxxxxxxx" },
        { "PASSWORD", "********" },
        { "API_KEY", "REPLACE_ME" },
        { "TOKEN", "TODO" },
        { "API_KEY", "dummy" },
        { "CLIENT_SECRET", "example" },
        { "API_KEY", "your-api-key-here" },
        { "MAX_TOKENS", "4096" },
        { "MAX_TOKEN", "4096" },
        { "TOKEN_URL", "https://auth.example.com/oauth2/token" },
        { "OAUTH_TOKEN_ENDPOINT", "https://login.example.com/oauth2/v2.0/token" },
        { "TOKEN_LIMIT", "100000" },
        { "TOKEN_TTL_SECONDS", "3600" },
        { "FEATURE_SEARCH_ENABLED", "true" },
        { "REQUEST_ID_HEADER", "3fa85f64-5717-4562-b3fc-2c963f66afa6" },
        { "IMAGE", "123456789012.dkr.ecr.us-east-1.amazonaws.com/support-agent:1.4.2" },
        { "ARTIFACT_BUCKET", "agent-artifacts-123456789012-us-east-1" },
        { "COGNITO_USER_POOL_ID", "us-east-1_AbCdEf123" },
        { "KMS_KEY_ID", "1234abcd-12ab-34cd-56ef-1234567890ab" },
        { "KMS_KEY_ARN", "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab" },
        { "SERVICE_URL", "https://api.example.com/v1" },
        { "DATABASE_URL", "postgres://app@db.internal:5432/app" },
        { "DATABASE_URL", "postgres://app:${DB_PASSWORD}@db.internal:5432/app" },
        { "DATABASE_URL", "postgres://user:password@localhost:5432/test" },
        { "AUTH", "none" },
        { "AUTH_MODE", "oauth2" },
        { "AUTH", "iam" },
        { "AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE" },
        { "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" },
        { "GITHUB_TOKEN", "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" },
        { "SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX" },
        { "PASSWORD_MIN_LENGTH", "12" },
        { "SECRET_ROTATION_DAYS", "30" },
        { "API_KEY_HEADER", "x-api-key" },
        { "OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4318" },
        { "PYTHONUNBUFFERED", "1" },
        { "TASK_NAME", "task-0123456789abcdef0123456789abcdef" },
        { "GOOGLE_APPLICATION_CREDENTIALS", "/var/secrets/google/key.json" },
        { "Authorization", "Bearer ${ACCESS_TOKEN}" },
        { "SENTRY_DSN", "https://examplePublicKey@o0.ingest.sentry.io/0" },
        { "MEMORY_ID", "support_memory-" + "AbCdEf1234" },
        { "SESSION_STORAGE_PATH", "/mnt/data" },
    };

    public static TheoryData<string, string> TextSecrets() => new()
    {
        { "Call the search API with key sk-ant-api03-" + Fake.Base64Url(93, 90) + "AA and cite sources.", AnthropicKey },
        { "When filing issues use ghp_" + Fake.Alnum(36, 91) + " as the token.", GitHubToken },
        { "Our staging database is postgres://agent:" + Pw + "@staging-db.internal:5432/app", UrlPassword },
        { "Post alerts to https://hooks.slack.com/services/T" + Fake.Upper(8, 92) + "/B" + Fake.Upper(10, 93) + "/" + Fake.Alnum(24, 94), SlackWebhook },
        { "Authenticate with the header Authorization: Bearer " + Fake.Jwt("""{"alg":"RS256"}""", """{"sub":"agent"}""", 95), JsonWebToken },
        { "AWS credentials: AKIA" + Fake.Upper(16, 96) + " / " + Fake.Base64(40, 97), AwsAccessKeyId },
        { "Maps key (AIza" + Fake.Base64Url(35, 98) + ") is restricted to our domain.", GoogleApiKey },
        { "https://mcp.partner.example.com/sse?token=" + Fake.Alnum(40, 99), UrlQueryCredential },
        { "Use Stripe key sk_live_" + Fake.Alnum(24, 100) + " for refunds.", StripeLiveKey },
        { "-----BEGIN PRIVATE KEY-----\n" + Fake.Base64(64, 101) + "\n-----END PRIVATE KEY-----", PrivateKey },
        { "The service account token is " + Fake.Jwt("""{"typ":"JWT","alg":"ES256"}""", """{"sub":"svc"}""", 102) + ".", JsonWebToken },
    };

    public static TheoryData<string> NotTextSecrets() => new()
    {
        "You are a careful research assistant. Never reveal your API key.",
        "The model may produce up to 4096 tokens per answer.",
        "For local tests connect to postgres://user:password@localhost/db.",
        "Secrets live in arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf.",
        "Use scikit-learn (sk-learn) for quick models.",
        "Call https://api.example.com/v1/items?limit=10&offset=20 to page through items.",
        "A JWT starts with eyJhbGciOi… and has three parts.",
        "Prefer us.anthropic.claude-sonnet-4-20250514-v1:0 for long documents.",
        "Keys look like sk-ant-… or ghp_…; never paste them here.",
        "Reads the ticket queue and drafts replies; escalates to a human when unsure.",
        "Runbook: rotate AKIA… keys every 90 days.",
        "https://mcp.search.example.com/mcp",
        "Five-part tokens such as eyJhbGciOiJSU0EtT0FFUCJ9.eyJ6aXAiOiJERUYifQ.abc.def.ghi are encrypted, not signed.",
    };

    [Theory]
    [MemberData(nameof(Secrets))]
    public void Detects_the_secret(string name, string value, string detector)
    {
        var match = InspectKeyedValue(name, value);
        Assert.NotNull(match);
        if (detector == Generic)
        {
            Assert.Contains(match!.Detector, new[] { SecretLikeName, HighEntropySecret });
        }
        else
        {
            Assert.Equal(detector, match!.Detector);
        }

        AssertRedacted(match, value.Substring(match.Index, match.Length));
        if (detector == StripeTestKey)
        {
            Assert.Equal(SecretConfidence.Low, match.Confidence);
        }
        else
        {
            Assert.True(match.Confidence >= SecretConfidence.Medium);
        }
    }

    [Theory]
    [MemberData(nameof(NotSecrets))]
    public void Does_not_flag(string name, string value)
    {
        var match = InspectKeyedValue(name, value);
        Assert.True(match is null, $"{name}={value}: {match}");
    }

    [Theory]
    [MemberData(nameof(TextSecrets))]
    public void Detects_secrets_in_free_text(string text, string detector)
    {
        var match = InspectText(text);
        Assert.NotNull(match);
        Assert.Equal(detector, match!.Detector);
        AssertRedacted(match, text.Substring(match.Index, match.Length));
    }

    [Theory]
    [MemberData(nameof(NotTextSecrets))]
    public void Does_not_flag_ordinary_text(string text)
    {
        var match = InspectText(text);
        Assert.True(match is null, $"{text}: {match}");
    }

    [Fact]
    public void Tables_are_large_enough()
    {
        Assert.True(Secrets().Count >= 40);
        Assert.True(NotSecrets().Count >= 40);
    }

    [Theory]
    [InlineData("DB_PASSWORD", true)]
    [InlineData("db_passwd", true)]
    [InlineData("ADMIN_PWD", true)]
    [InlineData("SMTP_PASS", true)]
    [InlineData("GITHUB_TOKEN", true)]
    [InlineData("authToken", true)]
    [InlineData("OAuthToken", true)]
    [InlineData("PARTNER_API_KEY", true)]
    [InlineData("PARTNER_APIKEY", true)]
    [InlineData("apiKey", true)]
    [InlineData("APIKey", true)]
    [InlineData("x-api-key", true)]
    [InlineData("X-Auth-Token", true)]
    [InlineData("Authorization", true)]
    [InlineData("JWT_SECRET", true)]
    [InlineData("AWS_SECRET_KEY", true)]
    [InlineData("TLS_PRIVATE_KEY", true)]
    [InlineData("CLIENT_SECRET", true)]
    [InlineData("clientSecret", true)]
    [InlineData("AUTH", true)]
    [InlineData("BASIC_AUTH", true)]
    [InlineData("DB_PASSWORD_SECRET_ARN", false)]
    [InlineData("DB_SECRET_NAME", false)]
    [InlineData("DB_SECRET_ID", false)]
    [InlineData("API_KEY_PARAMETER", false)]
    [InlineData("PASSWORD_PATH", false)]
    [InlineData("TOKEN_URL", false)]
    [InlineData("OAUTH_TOKEN_ENDPOINT", false)]
    [InlineData("TOKEN_LIMIT", false)]
    [InlineData("MAX_TOKENS", false)]
    [InlineData("AUTH_MODE", false)]
    [InlineData("KMS_KEY_ID", false)]
    [InlineData("CACHE_KEY", false)]
    [InlineData("BYPASS", false)]
    [InlineData("TOKENIZER", false)]
    [InlineData("", false)]
    public void Recognises_secret_like_names(string name, bool expected) => Assert.Equal(expected, IsSecretLikeName(name));

    [Theory]
    [InlineData("", true)]
    [InlineData("changeme", true)]
    [InlineData("CHANGE_ME", true)]
    [InlineData("change-me", true)]
    [InlineData("<your-key>", true)]
    [InlineData("${VAR}", true)]
    [InlineData("$(VAR)", true)]
    [InlineData("$VAR", true)]
    [InlineData("%VAR%", true)]
    [InlineData("{{ api_key }}", true)]
    [InlineData("xxx", true)]
    [InlineData("XXXX-XXXX-XXXX", true)]
    [InlineData("***", true)]
    [InlineData("REPLACE_ME", true)]
    [InlineData("TODO", true)]
    [InlineData("dummy", true)]
    [InlineData("example", true)]
    [InlineData("YOUR_TOKEN_HERE", true)]
    [InlineData("paste-key-here", true)]
    [InlineData("aaaaaaaa", true)]
    [InlineData("Tr0ub4dor&3", false)]
    [InlineData("postgres", false)]
    [InlineData("s3cr3t-value", false)]
    public void Recognises_placeholders(string value, bool expected) => Assert.Equal(expected, IsPlaceholder(value));

    [Theory]
    [InlineData("", 0.0)]
    [InlineData("aaaa", 0.0)]
    [InlineData("abab", 1.0)]
    [InlineData("abcd", 2.0)]
    public void Computes_shannon_entropy(string value, double bits) => Assert.Equal(bits, ShannonEntropy(value), 6);

    [Fact]
    public void Redact_shows_at_most_four_characters_and_nothing_of_short_values()
    {
        Assert.Equal("9 characters, redacted", Redact("hunter2!!"));
        Assert.Equal("'ghp_…', 40 characters", Redact("ghp_" + Fake.Alnum(36, 1)));
        Assert.Equal("empty", Redact(""));
    }

    [Fact]
    public void A_huge_value_is_scanned_quickly_and_without_error()
    {
        var text = string.Concat(Enumerable.Repeat("eyJ" + new string('A', 1500) + ". sk-" + new string('-', 500) + " -----BEGIN PRIVATE KEY-----" + new string(' ', 400), 200));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Null(InspectText(text));
        Assert.Null(InspectKeyedValue("NOTES", text));
        Assert.NotNull(InspectKeyedValue("API_TOKEN", text)); // a literal under a secret-like name, however odd
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), watch.Elapsed.ToString());
    }

    /// <summary>The hint reveals at most the first four characters of the secret, and nothing of a short one.</summary>
    internal static void AssertRedacted(SecretMatch match, string secret)
    {
        Assert.DoesNotContain(secret, match.Hint, StringComparison.Ordinal);
        Assert.Contains(secret.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), match.Hint, StringComparison.Ordinal);
        if (secret.Length < 16)
        {
            Assert.DoesNotContain(secret.Substring(0, Math.Min(3, secret.Length)), match.Hint.Replace("characters, redacted", string.Empty), StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain(secret.Substring(0, 5), match.Hint, StringComparison.Ordinal);
        }
    }
}
