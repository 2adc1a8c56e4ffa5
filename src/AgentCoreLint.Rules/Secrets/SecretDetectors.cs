using System.Text;
using System.Text.RegularExpressions;

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
/// Every regular expression is compiled once, culture-invariant, with bounded quantifiers only (no nested
/// unbounded repetition) and a match timeout; a scan that times out is treated as "no match" rather than thrown.
/// Results never contain the secret: <see cref="SecretMatch.Hint"/> is produced by <see cref="Redact"/>.
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

    // Below this entropy a slash-separated value reads as a Secrets Manager name rather than random data: word
    // paths score 3–4 bits per character, random base64 of 20 characters or more about 4.2 and above.
    private const double SlashNameEntropyLimit = 4.0;

    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(250);

    // One pass over the text finds every provider format; each alternative starts with a literal prefix, and
    // every repetition is bounded. Look-arounds keep a match from starting or ending inside a longer word.
    private static readonly Regex ProviderPattern = new(
        @"(?<aws>(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9]))" +
        @"|(?i:aws_?secret_?(?:access_?)?key|secret_?access_?key)[""']?[ \t]{0,5}[:=][ \t]{0,5}[""']?(?<awssk>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])" +
        @"|(?<github>(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,251}|github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?![A-Za-z0-9_]))" +
        @"|(?<gitlab>(?<![A-Za-z0-9_-])glpat-[A-Za-z0-9_-]{20,80}(?![A-Za-z0-9_-]))" +
        @"|(?<slackhook>https://hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9_/+-]{20,300})" +
        @"|(?<slack>(?<![A-Za-z0-9])(?:xox[bpaers]-[0-9]{1,20}-[0-9A-Za-z-]{8,250}|xapp-[0-9]-[A-Za-z0-9-]{10,250})(?![A-Za-z0-9-]))" +
        @"|(?<stripe>(?<![A-Za-z0-9_])(?:(?:sk|rk)_(?<stripemode>live|test)_[A-Za-z0-9]{20,247}|whsec_[A-Za-z0-9]{24,100})(?![A-Za-z0-9_]))" +
        @"|(?<anthropic>(?<![A-Za-z0-9_-])sk-ant-[a-z]{2,8}[0-9]{0,3}-[A-Za-z0-9_-]{32,300}(?![A-Za-z0-9_-]))" +
        @"|(?<openai>(?<![A-Za-z0-9_-])sk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{20,300}|[A-Za-z0-9]{32,200})(?![A-Za-z0-9_-]))" +
        @"|(?<google>(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-]))" +
        @"|(?<huggingface>(?<![A-Za-z0-9_])hf_[A-Za-z]{34}(?![A-Za-z0-9_]))" +
        @"|(?<npm>(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9_]))" +
        @"|(?<sendgrid>(?<![A-Za-z0-9_])SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-]))" +
        // PEM: the BEGIN line, then (after optional headers such as Proc-Type) at least 16 base64 characters.
        @"|(?<pem>-----BEGIN (?:[A-Z0-9]{1,20} ){0,3}PRIVATE KEY(?: BLOCK)?-----[^-]{0,300}?[A-Za-z0-9+/=]{16})" +
        // JWT: base64url header starting with {" (eyJ), payload, optional signature (alg "none" has none); not the
        // first three parts of a longer dotted token, but a sentence's full stop may follow.
        @"|(?<jwt>(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{7,2000}\.[A-Za-z0-9_-]{4,8000}\.[A-Za-z0-9_-]{0,2000}(?![A-Za-z0-9_-])(?!\.[A-Za-z0-9_-]))" +
        // scheme://user:password@host — the user part has no ':', so the split is unambiguous.
        @"|(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{1,20}://[^\s:/@?#]{1,256}:(?<urlpass>[^\s/@?#]{1,256})@[A-Za-z0-9.\[\]-]" +
        @"|[?&](?i:api[_-]?key|access[_-]?token|auth[_-]?token|token|client[_-]?secret|password|passwd|secret)=(?<query>[^&#\s""']{8,512})" +
        @"|(?<![A-Za-z0-9_])(?i:password|pwd)[ \t]{0,3}=[ \t]{0,3}(?<connpass>[^;""'\s&]{1,256})",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
        Timeout);

    // Whole-value placeholders (case-insensitive): the common stand-ins people commit instead of a secret.
    private static readonly Regex PlaceholderPattern = new(
        @"^(?:" +
        @"change[-_ .]?me|replace[-_ .]?me|replace[-_ .]?this|to[-_ ]?do|tbd|fixme|dummy|example|sample|placeholder|redacted|" +
        @"none|null|nil|undefined|n/?a|secret|password|passwd|pass|pwd|token|api[-_ ]?key|test|testing|default|" +
        // <your-key>, ${VAR}, $(VAR), $VAR, %VAR%, #{VAR}, {{ var }} (a template, not a dynamic reference), {var}
        @"<[^<>]{0,200}>|\$\{[^{}]{0,200}\}|\$\([^()]{0,200}\)|\$[A-Za-z_][A-Za-z0-9_]{0,200}|%[A-Za-z_][A-Za-z0-9_]{0,200}%|" +
        @"#\{[^{}]{0,200}\}|\{\{[^{}]{0,200}\}\}|\{[A-Za-z_][A-Za-z0-9_.]{0,200}\}|" +
        // your-api-key, YOUR_TOKEN_HERE, enter-key, paste-token-here
        @"(?:your|insert|enter)[-_ .][A-Za-z0-9 _.-]{0,100}|[A-Za-z0-9 _.-]{0,100}[-_ .]here|" +
        // xxxx, XXXX-XXXX, ****, ...., ----, …
        @"[xX*.…_ -]{3,200}" +
        @")$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase,
        Timeout);

    // References to a secret, not the secret: ARNs, SSM parameter paths and slash-separated Secrets Manager names
    // written in SSM's name alphabet (letters, digits, '_', '.', '-').
    private static readonly Regex ArnPattern = new(@"^arn:aws[a-z-]{0,20}:[a-z0-9-]{1,64}:", RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex PathPattern = new(@"^(?:/[A-Za-z0-9_.-]{1,512}){1,64}/?$", RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex SlashNamePattern = new(@"^[A-Za-z0-9_.-]{1,512}(?:/[A-Za-z0-9_.-]{1,512}){1,64}$", RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex UrlPattern = new(@"^[A-Za-z][A-Za-z0-9+.-]{1,20}://[^\s@]{1,4096}$", RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex AwsSecretValuePattern = new(@"^[A-Za-z0-9/+]{40}$", RegexOptions.CultureInvariant, Timeout);

    // Values that name a mode or a setting rather than hold a credential, e.g. AUTH=oauth2, TOKEN_AUTH=iam.
    private static readonly HashSet<string> SettingWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "yes", "no", "on", "off", "enabled", "disabled", "enable", "disable", "required", "optional",
        "basic", "bearer", "digest", "oauth", "oauth2", "oidc", "jwt", "iam", "aws_iam", "sigv4", "apikey", "api_key",
        "cognito", "saml", "mtls", "tls", "ssl", "plain", "anonymous", "public", "private", "internal", "external",
    };

    // The AWS documentation's example credentials: published, never valid.
    private static readonly HashSet<string> DocumentationExamples = new(StringComparer.Ordinal)
    {
        "AKIAIOSFODNN7EXAMPLE",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    };

    // The last word of a secret-like name (FOO_PASSWORD, x-auth-token, clientSecret …).
    private static readonly HashSet<string> SecretLastWords = new(StringComparer.Ordinal)
    {
        "PASSWORD", "PASSWD", "PWD", "PASS", "PASSPHRASE", "TOKEN", "SECRET", "APIKEY", "CREDENTIALS", "CREDENTIAL",
        "AUTH", "AUTHORIZATION", "COOKIE", "BEARER",
    };

    // The last two words of a secret-like name (FOO_API_KEY, signingKey …). A bare *_KEY is too broad (CACHE_KEY, S3_KEY).
    private static readonly HashSet<string> SecretLastPairs = new(StringComparer.Ordinal)
    {
        "API KEY", "SECRET KEY", "PRIVATE KEY", "ACCESS KEY", "SIGNING KEY", "ENCRYPTION KEY", "MASTER KEY", "AUTH KEY",
        "LICENSE KEY", "CLIENT KEY", "APP KEY",
    };

    private static readonly HashSet<string> PasswordWords = new(StringComparer.Ordinal)
    {
        "PASSWORD", "PASSWD", "PWD", "PASS", "PASSPHRASE",
    };

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
        if (trimmed.Length == 0 || IsReference(trimmed) || IsPlaceholder(trimmed) || DocumentationExamples.Contains(trimmed))
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

        var words = SplitName(name);
        var offset = value.IndexOf(trimmed, StringComparison.Ordinal);
        if (IsAwsSecretKeyName(words) && IsMatch(AwsSecretValuePattern, trimmed) &&
            ShannonEntropy(trimmed) >= HighEntropyThreshold)
        {
            return Create(AwsSecretAccessKey, "an AWS secret access key", SecretConfidence.High, offset, trimmed);
        }

        if (!IsSecretLike(words))
        {
            return null;
        }

        // "Authorization: Bearer ${TOKEN}" — judge the credential, not the scheme word.
        var credential = StripAuthScheme(trimmed, out var schemeLength);
        if (credential.Length == 0 || IsReference(credential) || IsPlaceholder(credential) || SettingWords.Contains(credential) ||
            IsMatch(UrlPattern, credential))
        {
            return null;
        }

        var lastWord = words.Count > 0 ? words[words.Count - 1] : string.Empty;
        if (IsAllDigits(credential) && !PasswordWords.Contains(lastWord))
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
    public static bool IsSecretLikeName(string? name) => name is not null && IsSecretLike(SplitName(name));

    /// <summary>
    /// True for values that stand in for a secret rather than being one (whole value, case-insensitive): empty,
    /// <c>changeme</c>, <c>CHANGE_ME</c>, <c>REPLACE_ME</c>, <c>TODO</c>, <c>dummy</c>, <c>example</c>, <c>none</c>,
    /// <c>&lt;your-key&gt;</c>, <c>${VAR}</c>, <c>$(VAR)</c>, <c>$VAR</c>, <c>%VAR%</c>, <c>{{ var }}</c>,
    /// <c>your-api-key</c>, <c>…-here</c>, runs of <c>x</c>, <c>*</c> or <c>.</c>, and a single repeated character.
    /// </summary>
    /// <param name="value">The value.</param>
    public static bool IsPlaceholder(string? value)
    {
        if (value is null)
        {
            return true;
        }

        var v = value.Trim();
        if (v.Length == 0)
        {
            return true;
        }

        if (IsOneRepeatedChar(v))
        {
            return true;
        }

        return IsMatch(PlaceholderPattern, v);
    }

    /// <summary>
    /// True for values that point at a secret instead of holding it: ARNs (<c>arn:aws…:secretsmanager:…</c>),
    /// CloudFormation dynamic references (<c>{{resolve:…}}</c>), SSM parameter paths (<c>/prod/db/password</c>),
    /// <c>ssm:</c>/<c>secretsmanager:</c> prefixed names, and low-entropy slash-separated Secrets Manager names
    /// (<c>prod/db/credentials</c>).
    /// </summary>
    /// <param name="value">The value.</param>
    public static bool IsReference(string? value)
    {
        if (value is null)
        {
            return false;
        }

        var v = value.Trim();
        if (v.IndexOf("{{resolve:", StringComparison.Ordinal) >= 0)
        {
            return true;
        }

        if (v.StartsWith("ssm:", StringComparison.OrdinalIgnoreCase) || v.StartsWith("secretsmanager:", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (IsMatch(ArnPattern, v) || IsMatch(PathPattern, v))
        {
            return true;
        }

        // Secrets Manager names are often paths without a leading slash (prod/db/credentials); a random secret
        // containing '/' (base64) has a higher entropy and no word-like segment, and stays a secret.
        return IsMatch(SlashNamePattern, v) && ShannonEntropy(v) < SlashNameEntropyLimit && HasWordSegment(v);
    }

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
        if (string.IsNullOrEmpty(text) || !MayHoldProviderFormat(text!))
        {
            return null;
        }

        try
        {
            for (var m = ProviderPattern.Match(text); m.Success; m = m.NextMatch())
            {
                var found = Classify(m);
                if (found is not null)
                {
                    return found;
                }

                sawPlaceholder = true;
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological value is not worth a crash; the bounded patterns make this practically unreachable.
        }

        return null;
    }

    // Every alternative of ProviderPattern needs one of these literals (the AWS secret key alternative: "secret" and a
    // ':' or '='), so a value without any of them cannot match: most values (log levels, regions, ARNs, model ids)
    // skip the interpreted regex entirely. Keep this list in step with ProviderPattern.
    private static readonly string[] ProviderLiterals =
    {
        "AKIA", "ASIA", "ABIA", "ACCA", "gh", "github_pat_", "glpat-", "hooks.slack.com", "xox", "xapp-", "sk_", "rk_",
        "whsec_", "sk-", "AIza", "hf_", "npm_", "SG.", "-----BEGIN", "eyJ", "://", "=",
    };

    private static bool MayHoldProviderFormat(string text)
    {
        foreach (var literal in ProviderLiterals)
        {
            if (text.IndexOf(literal, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return text.IndexOf("secret", StringComparison.OrdinalIgnoreCase) >= 0 && text.IndexOf(':') >= 0;
    }

    private static SecretMatch? Classify(Match m)
    {
        Group g;
        if ((g = m.Groups["aws"]).Success)
        {
            return DocumentationExamples.Contains(g.Value) ? null : Create(AwsAccessKeyId, "an AWS access key ID", SecretConfidence.High, g);
        }

        if ((g = m.Groups["awssk"]).Success)
        {
            return DocumentationExamples.Contains(g.Value) || ShannonEntropy(g.Value) < HighEntropyThreshold
                ? null
                : Create(AwsSecretAccessKey, "an AWS secret access key", SecretConfidence.High, g);
        }

        if ((g = m.Groups["github"]).Success)
        {
            return Token(GitHubToken, "a GitHub token", SecretConfidence.High, g, g.Value.IndexOf('_') + 1);
        }

        if ((g = m.Groups["gitlab"]).Success)
        {
            return Token(GitLabToken, "a GitLab access token", SecretConfidence.High, g, 6);
        }

        if ((g = m.Groups["slackhook"]).Success)
        {
            return Token(SlackWebhook, "a Slack incoming webhook URL", SecretConfidence.High, g, "https://hooks.slack.com/".Length);
        }

        if ((g = m.Groups["slack"]).Success)
        {
            return Token(SlackToken, "a Slack token", SecretConfidence.High, g, 5);
        }

        if ((g = m.Groups["stripe"]).Success)
        {
            var test = m.Groups["stripemode"].Success && m.Groups["stripemode"].Value == "test";
            return test
                ? Token(StripeTestKey, "a Stripe test-mode key", SecretConfidence.Low, g, 8)
                : Token(StripeLiveKey, "a Stripe live key", SecretConfidence.High, g, g.Value.StartsWith("whsec_", StringComparison.Ordinal) ? 6 : 8);
        }

        if ((g = m.Groups["anthropic"]).Success)
        {
            return Token(AnthropicKey, "an Anthropic API key", SecretConfidence.High, g, 7);
        }

        if ((g = m.Groups["openai"]).Success)
        {
            return Token(OpenAiKey, "an OpenAI-style API key", SecretConfidence.High, g, 3);
        }

        if ((g = m.Groups["google"]).Success)
        {
            return Token(GoogleApiKey, "a Google API key", SecretConfidence.High, g, 4);
        }

        if ((g = m.Groups["huggingface"]).Success)
        {
            return Token(HuggingFaceToken, "a Hugging Face token", SecretConfidence.High, g, 3);
        }

        if ((g = m.Groups["npm"]).Success)
        {
            return Token(NpmToken, "an npm access token", SecretConfidence.High, g, 4);
        }

        if ((g = m.Groups["sendgrid"]).Success)
        {
            return Token(SendGridKey, "a SendGrid API key", SecretConfidence.High, g, 3);
        }

        if ((g = m.Groups["pem"]).Success)
        {
            return Create(PrivateKey, "a PEM private key", SecretConfidence.High, g);
        }

        if ((g = m.Groups["jwt"]).Success)
        {
            return HasJwtHeader(g.Value) ? Create(JsonWebToken, "a JSON Web Token", SecretConfidence.High, g) : null;
        }

        if ((g = m.Groups["urlpass"]).Success)
        {
            return IsPlaceholder(g.Value) || IsReference(g.Value)
                ? null
                : Create(UrlPassword, "a password in a URL", SecretConfidence.High, g);
        }

        if ((g = m.Groups["query"]).Success)
        {
            return IsPlaceholder(g.Value) || IsReference(g.Value)
                ? null
                : Create(UrlQueryCredential, "a credential in a URL query", SecretConfidence.Medium, g);
        }

        if ((g = m.Groups["connpass"]).Success)
        {
            return IsPlaceholder(g.Value) || IsReference(g.Value)
                ? null
                : Create(ConnectionStringPassword, "a password in a connection string", SecretConfidence.Medium, g);
        }

        return null;
    }

    // A provider token whose random part is a placeholder (ghp_xxxx…, hooks.slack.com/services/T000/B000/XXXX…)
    // is documentation, not a credential.
    private static SecretMatch? Token(string id, string description, SecretConfidence confidence, Group g, int prefixLength)
    {
        var body = prefixLength < g.Value.Length ? g.Value.Substring(prefixLength) : string.Empty;
        return IsPlaceholderBody(body) ? null : Create(id, description, confidence, g);
    }

    private static bool IsPlaceholderBody(string body)
    {
        if (body.Length == 0 || DistinctCount(body, 4) <= 3)
        {
            return true;
        }

        return body.IndexOf("XXXXXXXX", StringComparison.OrdinalIgnoreCase) >= 0 ||
               body.IndexOf("your", StringComparison.OrdinalIgnoreCase) >= 0 ||
               body.IndexOf("placeholder", StringComparison.OrdinalIgnoreCase) >= 0 ||
               body.IndexOf("redacted", StringComparison.OrdinalIgnoreCase) >= 0 ||
               body.IndexOf("changeme", StringComparison.OrdinalIgnoreCase) >= 0;
    }

    // The header of a JWT is base64url JSON such as {"alg":"HS256","typ":"JWT"}.
    private static bool HasJwtHeader(string token)
    {
        var dot = token.IndexOf('.');
        if (dot <= 0 || dot > 2000)
        {
            return false;
        }

        var b64 = new StringBuilder(dot + 3);
        for (var i = 0; i < dot; i++)
        {
            var c = token[i];
            b64.Append(c == '-' ? '+' : c == '_' ? '/' : c);
        }

        while (b64.Length % 4 != 0)
        {
            b64.Append('=');
        }

        try
        {
            var json = Encoding.UTF8.GetString(Convert.FromBase64String(b64.ToString()));
            var trimmed = json.TrimStart();
            return trimmed.StartsWith("{", StringComparison.Ordinal) && json.IndexOf("\"alg\"", StringComparison.Ordinal) >= 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static SecretMatch Create(string id, string description, SecretConfidence confidence, Group g) =>
        new(id, description, confidence, g.Index, g.Length, Redact(g.Value));

    private static SecretMatch Create(string id, string description, SecretConfidence confidence, int index, string secret) =>
        new(id, description, confidence, Math.Max(0, index), secret.Length, Redact(secret));

    private static bool IsSecretLike(IReadOnlyList<string> words)
    {
        if (words.Count == 0)
        {
            return false;
        }

        var last = words[words.Count - 1];
        if (SecretLastWords.Contains(last))
        {
            return true;
        }

        return words.Count >= 2 && SecretLastPairs.Contains(words[words.Count - 2] + " " + last);
    }

    // AWS_SECRET_ACCESS_KEY, aws_secret_key, SECRET_ACCESS_KEY: a 40-character base64 value here is an AWS secret key.
    private static bool IsAwsSecretKeyName(IReadOnlyList<string> words)
    {
        var hasSecret = false;
        var hasAwsOrAccess = false;
        foreach (var w in words)
        {
            hasSecret |= w == "SECRET";
            hasAwsOrAccess |= w == "AWS" || w == "ACCESS";
        }

        return hasSecret && hasAwsOrAccess && words.Count > 0 && words[words.Count - 1] == "KEY";
    }

    /// <summary>Splits a name into upper-case words at separators and camelCase boundaries
    /// (<c>clientSecret</c> → CLIENT, SECRET; <c>APIKey</c> → API, KEY; <c>x-api-key</c> → X, API, KEY).</summary>
    internal static IReadOnlyList<string> SplitName(string name)
    {
        var words = new List<string>(4);
        var current = new StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush(words, current);
                continue;
            }

            if (current.Length > 0 && char.IsUpper(c))
            {
                var prev = name[i - 1];
                var nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (char.IsLower(prev) || char.IsDigit(prev) || (char.IsUpper(prev) && nextIsLower))
                {
                    Flush(words, current);
                }
            }

            current.Append(char.ToUpperInvariant(c));
        }

        Flush(words, current);
        return words;
    }

    private static void Flush(List<string> words, StringBuilder current)
    {
        if (current.Length > 0)
        {
            words.Add(current.ToString());
            current.Clear();
        }
    }

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

    // A segment of three or more letters: prod, github, credentials.
    private static bool HasWordSegment(string value)
    {
        foreach (var segment in value.Split('/'))
        {
            var letters = 0;
            foreach (var c in segment)
            {
                letters = char.IsLetter(c) ? letters + 1 : 0;
                if (letters >= 3)
                {
                    return true;
                }
            }
        }

        return false;
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

    private static bool IsOneRepeatedChar(string value)
    {
        for (var i = 1; i < value.Length; i++)
        {
            if (value[i] != value[0])
            {
                return false;
            }
        }

        return value.Length >= 3;
    }

    private static int DistinctCount(string value, int stopAt)
    {
        var seen = new HashSet<char>();
        foreach (var c in value)
        {
            if (seen.Add(c) && seen.Count >= stopAt)
            {
                break;
            }
        }

        return seen.Count;
    }

    private static bool IsMatch(Regex regex, string value)
    {
        try
        {
            return regex.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
