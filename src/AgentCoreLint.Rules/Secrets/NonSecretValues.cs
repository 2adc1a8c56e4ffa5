using System.Text.RegularExpressions;
using AgentCoreLint.Rules.Text;

namespace AgentCoreLint.Rules.Secrets;

/// <summary>
/// Values that sit where a secret could be but are not one: references to a secret (ARNs, dynamic references,
/// parameter paths, Secrets Manager names), placeholders people commit instead of a secret, the AWS
/// documentation's example credentials, and words that name a setting.
/// </summary>
internal static class NonSecretValues
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(SecretDetectors.MatchTimeoutMilliseconds);

    // Below this entropy a slash-separated value reads as a Secrets Manager name rather than random data: word
    // paths score 3–4 bits per character, random base64 of 20 characters or more about 4.2 and above.
    private const double SlashNameEntropyLimit = 4.0;

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

    /// <summary>See <see cref="SecretDetectors.IsPlaceholder"/>.</summary>
    public static bool IsPlaceholder(string? value)
    {
        if (value is null)
        {
            return true;
        }

        var v = value.Trim();
        if (v.Length == 0 || IsOneRepeatedChar(v))
        {
            return true;
        }

        return BoundedRegex.IsMatch(PlaceholderPattern, v) == true;
    }

    /// <summary>See <see cref="SecretDetectors.IsReference"/>.</summary>
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

        if (BoundedRegex.IsMatch(ArnPattern, v) == true || BoundedRegex.IsMatch(PathPattern, v) == true)
        {
            return true;
        }

        // Secrets Manager names are often paths without a leading slash (prod/db/credentials); a random secret
        // containing '/' (base64) has a higher entropy and no word-like segment, and stays a secret.
        return BoundedRegex.IsMatch(SlashNamePattern, v) == true &&
               SecretDetectors.ShannonEntropy(v) < SlashNameEntropyLimit && HasWordSegment(v);
    }

    /// <summary>True for the credentials printed in the AWS documentation (<c>AKIAIOSFODNN7EXAMPLE</c> …).</summary>
    public static bool IsDocumentationExample(string value) => DocumentationExamples.Contains(value);

    /// <summary>True for words that name a mode or setting (<c>oauth2</c>, <c>iam</c>, <c>true</c>, <c>bearer</c> …).</summary>
    public static bool IsSettingWord(string value) => SettingWords.Contains(value);

    /// <summary>True for a URL without user information (<c>https://auth.example.com/oauth2/token</c>).</summary>
    public static bool IsUrlWithoutCredentials(string value) => BoundedRegex.IsMatch(UrlPattern, value) == true;

    /// <summary>
    /// True when the random part of a provider token (what follows its fixed prefix) is a placeholder:
    /// <c>ghp_xxxx…</c>, <c>hooks.slack.com/services/T000/B000/XXXX…</c>, fewer than four distinct characters,
    /// or a word such as "your" or "redacted" in it. Such a token is documentation, not a credential.
    /// </summary>
    public static bool IsPlaceholderBody(string body)
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
}
