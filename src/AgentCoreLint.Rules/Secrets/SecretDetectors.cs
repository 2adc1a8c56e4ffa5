using System.Text.RegularExpressions;
using AgentCoreLint.Rules.Text;

namespace AgentCoreLint.Rules.Secrets;

/// <summary>
/// Recognises literal credentials in configuration values. Two entry points:
/// <list type="bullet">
/// <item><see cref="InspectKeyedValue"/> for a named value (an environment variable, an HTTP header, an OAuth
/// parameter): provider formats anywhere in the value, then generic checks that use the name
/// (<see cref="IsSecretLikeName"/>).</item>
/// <item><see cref="InspectText"/> for free text (prompts, descriptions, URLs): provider formats only.</item>
/// </list>
/// Provider formats: AWS access key ids and secret access keys, GitHub, GitLab, Slack (tokens and incoming
/// webhooks), Stripe, OpenAI, Anthropic, Google API keys, Hugging Face, npm, SendGrid, PEM private keys, JWTs
/// (the header must decode to JSON with <c>"alg"</c>), credentials in URLs (<c>scheme://user:password@host</c>,
/// <c>?api_key=…</c>) and <c>Password=…</c> in connection strings.
/// Not secrets: references (ARNs, CloudFormation dynamic references <c>{{resolve:…}}</c>, SSM parameter paths,
/// Secrets Manager names), placeholders (<see cref="IsPlaceholder"/>), booleans, numbers under token-ish names,
/// URLs without credentials, and any value under a name that is not secret-like unless it has a provider format.
/// </summary>
/// <remarks>
/// The provider formats are the rows of one table (<see cref="ProviderFormats.All"/>: id, description, confidence,
/// literal prefixes, expression, acceptance); name heuristics live in <see cref="SecretNames"/>, references and
/// placeholders in <see cref="NonSecretValues"/>. Every regular expression is built once, culture-invariant, with
/// bounded quantifiers only (no nested unbounded repetition) and a match timeout; a scan that times out is treated
/// as "no match" rather than thrown. Results never contain the secret: <see cref="SecretMatch.Hint"/> is produced
/// by <see cref="Redact"/>.
/// </remarks>
public static class SecretDetectors
{
    /// <summary>Detector id: AWS access key id (<c>AKIA</c>/<c>ASIA</c>/<c>ABIA</c>/<c>ACCA</c> + 16 upper-case letters or digits).</summary>
    public const string AwsAccessKeyId = "aws-access-key-id";

    /// <summary>Detector id: AWS secret access key (40 base64 characters beside an AWS-ish secret key name).</summary>
    public const string AwsSecretAccessKey = "aws-secret-access-key";

    /// <summary>Detector id: GitHub token (<c>ghp_</c>, <c>gho_</c>, <c>ghu_</c>, <c>ghs_</c>, <c>ghr_</c>, <c>github_pat_</c>).</summary>
    public const string GitHubToken = "github-token";

    /// <summary>Detector id: GitLab personal access token (<c>glpat-</c>).</summary>
    public const string GitLabToken = "gitlab-token";

    /// <summary>Detector id: Slack token (<c>xoxb-</c>, <c>xoxp-</c>, <c>xoxa-</c>, <c>xoxe-</c>, <c>xoxr-</c>, <c>xoxs-</c>, <c>xapp-</c>).</summary>
    public const string SlackToken = "slack-token";

    /// <summary>Detector id: Slack incoming webhook URL (<c>https://hooks.slack.com/services/…</c>).</summary>
    public const string SlackWebhook = "slack-webhook";

    /// <summary>Detector id: Stripe live secret or restricted key (<c>sk_live_</c>, <c>rk_live_</c>) or webhook secret (<c>whsec_</c>).</summary>
    public const string StripeLiveKey = "stripe-live-key";

    /// <summary>Detector id: Stripe test-mode key (<c>sk_test_</c>, <c>rk_test_</c>); low confidence.</summary>
    public const string StripeTestKey = "stripe-test-key";

    /// <summary>Detector id: OpenAI-style API key (<c>sk-proj-</c>, <c>sk-svcacct-</c>, <c>sk-admin-</c>, or <c>sk-</c> + 32 or more letters and digits).</summary>
    public const string OpenAiKey = "openai-api-key";

    /// <summary>Detector id: Anthropic API key (<c>sk-ant-</c>).</summary>
    public const string AnthropicKey = "anthropic-api-key";

    /// <summary>Detector id: Google API key (<c>AIza</c> + 35 characters).</summary>
    public const string GoogleApiKey = "google-api-key";

    /// <summary>Detector id: Hugging Face access token (<c>hf_</c> + 34 letters).</summary>
    public const string HuggingFaceToken = "huggingface-token";

    /// <summary>Detector id: npm access token (<c>npm_</c> + 36 letters or digits).</summary>
    public const string NpmToken = "npm-token";

    /// <summary>Detector id: SendGrid API key (<c>SG.</c> + 22 + <c>.</c> + 43 characters).</summary>
    public const string SendGridKey = "sendgrid-api-key";

    /// <summary>Detector id: PEM private key block (<c>-----BEGIN … PRIVATE KEY-----</c> followed by key data).</summary>
    public const string PrivateKey = "private-key";

    /// <summary>Detector id: JSON Web Token (three base64url parts; the header decodes to JSON naming <c>alg</c>).</summary>
    public const string JsonWebToken = "jwt";

    /// <summary>Detector id: password in a URL's user information (<c>scheme://user:password@host</c>).</summary>
    public const string UrlPassword = "url-password";

    /// <summary>Detector id: credential in a URL query (<c>?api_key=…</c>, <c>&amp;token=…</c>, <c>&amp;password=…</c>).</summary>
    public const string UrlQueryCredential = "url-query-credential";

    /// <summary>Detector id: <c>Password=…</c> or <c>Pwd=…</c> in a connection string.</summary>
    public const string ConnectionStringPassword = "connection-string-password";

    /// <summary>Detector id: high-entropy literal (length ≥ 20, Shannon entropy ≥ 3.5 bits per character) under a secret-like name.</summary>
    public const string HighEntropySecret = "high-entropy-value";

    /// <summary>Detector id: any other literal value under a secret-like name.</summary>
    public const string SecretLikeName = "secret-like-name";

    /// <summary>The minimum length for <see cref="HighEntropySecret"/>.</summary>
    public const int HighEntropyMinLength = 20;

    /// <summary>The Shannon entropy threshold (bits per character) for <see cref="HighEntropySecret"/>: random
    /// base64 and alphanumerics score 4.5–6, hex about 3.7–4, words and settings below 3.5.</summary>
    public const double HighEntropyThreshold = 3.5;

    /// <summary>The match timeout of every secret-scanning expression, in milliseconds.</summary>
    internal const int MatchTimeoutMilliseconds = 250;

    private static readonly Regex AwsSecretValuePattern = new(
        @"^[A-Za-z0-9/+]{40}$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(MatchTimeoutMilliseconds));

    /// <summary>Scans free text (a prompt, a description, a URL) for provider-format credentials.</summary>
    /// <param name="text">The text; null or empty yields null.</param>
    /// <returns>The first credential in the text, or null when there is none.</returns>
    public static SecretMatch? InspectText(string? text) => Scan(text, out _);

    /// <summary>
    /// Scans a named value (environment variable, HTTP header, OAuth parameter): provider formats anywhere in the
    /// value first; then, when the name is secret-like (<see cref="IsSecretLikeName"/>), any literal that is not
    /// a reference, a placeholder or an ordinary setting.
    /// </summary>
    /// <param name="name">The variable, header or parameter name; null when unnamed.</param>
    /// <param name="value">The literal value.</param>
    /// <returns>The credential found, or null.</returns>
    public static SecretMatch? InspectKeyedValue(string? name, string? value)
    {
        if (value is null)
        {
            return null;
        }

        var trimmed = value.Trim();
        if (trimmed.Length == 0 || IsReference(trimmed) || IsPlaceholder(trimmed) || NonSecretValues.IsDocumentationExample(trimmed))
        {
            return null;
        }

        var provider = Scan(value, out var sawPlaceholder);
        if (provider is not null)
        {
            return provider;
        }

        if (name is null || sawPlaceholder)
        {
            return null;
        }

        var words = SecretNames.Split(name);
        var offset = value.IndexOf(trimmed, StringComparison.Ordinal);
        if (SecretNames.IsAwsSecretKeyName(words) && BoundedRegex.IsMatch(AwsSecretValuePattern, trimmed) == true &&
            ShannonEntropy(trimmed) >= HighEntropyThreshold)
        {
            return Create(AwsSecretAccessKey, "an AWS secret access key", SecretConfidence.High, offset, trimmed);
        }

        if (!SecretNames.IsSecretLike(words))
        {
            return null;
        }

        // "Authorization: Bearer ${TOKEN}" — judge the credential, not the scheme word.
        var credential = StripAuthScheme(trimmed, out var schemeLength);
        if (credential.Length == 0 || IsReference(credential) || IsPlaceholder(credential) || NonSecretValues.IsSettingWord(credential) ||
            NonSecretValues.IsUrlWithoutCredentials(credential))
        {
            return null;
        }

        if (IsAllDigits(credential) && !SecretNames.EndsWithPasswordWord(words))
        {
            return null; // MAX_TOKEN=4096, AUTH_RETRIES=3: a number, not a credential
        }

        var start = offset + schemeLength;
        return credential.Length >= HighEntropyMinLength && ShannonEntropy(credential) >= HighEntropyThreshold
            ? Create(HighEntropySecret, "a high-entropy literal under a secret-like name", SecretConfidence.High, start, credential)
            : Create(SecretLikeName, "a literal value under a secret-like name", SecretConfidence.Medium, start, credential);
    }

    /// <summary>
    /// True for names that announce a credential: the last word is PASSWORD, PASSWD, PWD, PASS, PASSPHRASE, TOKEN,
    /// SECRET, APIKEY, CREDENTIAL(S), AUTH, AUTHORIZATION, COOKIE or BEARER, or the last two are API KEY, SECRET KEY,
    /// PRIVATE KEY, ACCESS KEY, SIGNING KEY, ENCRYPTION KEY, MASTER KEY, AUTH KEY, LICENSE KEY, CLIENT KEY or APP KEY.
    /// Words are split at <c>_</c>, <c>-</c>, <c>.</c>, spaces and camelCase boundaries, so <c>DB_PASSWORD</c>,
    /// <c>x-api-key</c> and <c>clientSecret</c> qualify, while <c>TOKEN_URL</c>, <c>MAX_TOKENS</c>,
    /// <c>DB_PASSWORD_SECRET_ARN</c> and <c>API_KEY_PARAMETER</c> (the last word names a reference or a setting) do not.
    /// </summary>
    /// <param name="name">A variable, header or parameter name.</param>
    public static bool IsSecretLikeName(string? name) => name is not null && SecretNames.IsSecretLike(SecretNames.Split(name));

    /// <summary>
    /// True for values that stand in for a secret rather than being one (whole value, case-insensitive): empty,
    /// <c>changeme</c>, <c>CHANGE_ME</c>, <c>REPLACE_ME</c>, <c>TODO</c>, <c>dummy</c>, <c>example</c>, <c>none</c>,
    /// <c>&lt;your-key&gt;</c>, <c>${VAR}</c>, <c>$(VAR)</c>, <c>$VAR</c>, <c>%VAR%</c>, <c>{{ var }}</c>,
    /// <c>your-api-key</c>, <c>…-here</c>, runs of <c>x</c>, <c>*</c> or <c>.</c>, and a single repeated character.
    /// </summary>
    /// <param name="value">The value.</param>
    public static bool IsPlaceholder(string? value) => NonSecretValues.IsPlaceholder(value);

    /// <summary>
    /// True for values that point at a secret instead of holding it: ARNs (<c>arn:aws…:secretsmanager:…</c>),
    /// CloudFormation dynamic references (<c>{{resolve:…}}</c>), SSM parameter paths (<c>/prod/db/password</c>),
    /// <c>ssm:</c>/<c>secretsmanager:</c> prefixed names, and low-entropy slash-separated Secrets Manager names
    /// (<c>prod/db/credentials</c>).
    /// </summary>
    /// <param name="value">The value.</param>
    public static bool IsReference(string? value) => NonSecretValues.IsReference(value);

    /// <summary>The Shannon entropy of a string in bits per character (0 for an empty string).</summary>
    /// <param name="value">The string.</param>
    /// <returns>−Σ p·log₂ p over the character frequencies.</returns>
    public static double ShannonEntropy(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return 0;
        }

        var ascii = new int[128];
        Dictionary<char, int>? other = null;
        foreach (var c in value!)
        {
            if (c < 128)
            {
                ascii[c]++;
            }
            else
            {
                other ??= new Dictionary<char, int>();
                other.TryGetValue(c, out var n);
                other[c] = n + 1;
            }
        }

        double length = value.Length;
        double entropy = 0;
        foreach (var n in ascii)
        {
            if (n > 0)
            {
                var p = n / length;
                entropy -= p * Math.Log(p, 2);
            }
        }

        if (other is not null)
        {
            foreach (var n in other.Values)
            {
                var p = n / length;
                entropy -= p * Math.Log(p, 2);
            }
        }

        return entropy;
    }

    /// <summary>
    /// A hint that identifies a secret without revealing it: for 16 characters or more, the first four and the
    /// length (<c>'ghp_…' (40 characters)</c>); for shorter values only the length (<c>9 characters</c>), because
    /// four characters of a short password are too much of it.
    /// </summary>
    /// <param name="secret">The secret.</param>
    public static string Redact(string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return "empty";
        }

        var length = secret!.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (secret.Length < 16)
        {
            return length + " characters, redacted";
        }

        var take = char.IsHighSurrogate(secret[3]) ? 3 : 4;
        return "'" + secret.Substring(0, take) + "…', " + length + " characters";
    }

    // The first credential in the text; sawPlaceholder tells that a provider format matched with a placeholder body
    // (ghp_xxxx…), which makes the whole value documentation rather than a literal.
    private static SecretMatch? Scan(string? text, out bool sawPlaceholder)
    {
        sawPlaceholder = false;
        return string.IsNullOrEmpty(text) ? null : ProviderFormats.FirstIn(text!, out sawPlaceholder);
    }

    private static SecretMatch Create(string id, string description, SecretConfidence confidence, int index, string secret) =>
        new(id, description, confidence, Math.Max(0, index), secret.Length, Redact(secret));

    // "Bearer abc", "Basic abc", "Token abc": the scheme word is not part of the credential.
    private static string StripAuthScheme(string value, out int schemeLength)
    {
        schemeLength = 0;
        var space = value.IndexOf(' ');
        if (space <= 0)
        {
            return value;
        }

        var scheme = value.Substring(0, space);
        if (!scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase) && !scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) &&
            !scheme.Equals("Token", StringComparison.OrdinalIgnoreCase) && !scheme.Equals("ApiKey", StringComparison.OrdinalIgnoreCase) &&
            !scheme.Equals("Digest", StringComparison.OrdinalIgnoreCase))
        {
            return value;
        }

        var rest = value.Substring(space).TrimStart();
        schemeLength = value.Length - rest.Length;
        return rest;
    }

    private static bool IsAllDigits(string value)
    {
        foreach (var c in value)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }
        }

        return value.Length > 0;
    }
}
