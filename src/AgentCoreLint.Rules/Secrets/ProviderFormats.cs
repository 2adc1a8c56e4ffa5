using System.Text;
using System.Text.RegularExpressions;
using AgentCoreLint.Rules.Text;

namespace AgentCoreLint.Rules.Secrets;

/// <summary>
/// One provider credential format, as a row of <see cref="ProviderFormats.All"/>. A match is
/// <see cref="Before"/> (zero-width: look-behinds only), one of the literal <see cref="Prefixes"/>, then
/// <see cref="After"/>. Because every match contains one of its prefixes, the prefixes also serve as the
/// pre-filter: the scanner runs this format's expression only where one of them occurs in the text.
/// </summary>
/// <param name="Id">The detector id reported in <see cref="SecretMatch.Detector"/>; several rows may share one.</param>
/// <param name="Description">For messages, with an article ("a GitHub token").</param>
/// <param name="Confidence">How sure a match is.</param>
/// <param name="Prefixes">The literal text every match starts with (after <see cref="Before"/>).</param>
/// <param name="After">The expression after the prefix. A group named <c>secret</c> marks the secret inside the
/// match (the password of a URL); without one the whole match is the secret.</param>
/// <param name="Accepts">Decides a match: given the secret and the body (what follows the prefix), false when
/// it is documentation or a stand-in rather than a credential.</param>
/// <param name="Before">Zero-width look-behinds before the prefix, e.g. that the token does not start inside a word.</param>
/// <param name="IgnoreCase">The prefixes match in any case (<c>password=</c>, <c>PWD=</c>).</param>
internal sealed record ProviderFormat(
    string Id,
    string Description,
    SecretConfidence Confidence,
    string[] Prefixes,
    string After,
    Func<string, string, bool> Accepts,
    string Before = "",
    bool IgnoreCase = false)
{
    /// <summary>The row's expression, anchored where the scanner found a prefix (<c>\G</c>).</summary>
    internal Regex Pattern { get; } = new(
        @"\G" + Before + "(?<prefix>" + (IgnoreCase ? "(?i:" : "(?:") + string.Join("|", Prefixes.Select(Regex.Escape)) + "))" + After,
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
        TimeSpan.FromMilliseconds(SecretDetectors.MatchTimeoutMilliseconds));

    /// <summary>True when one of the prefixes starts at <paramref name="index"/> of <paramref name="text"/>.</summary>
    internal bool HasPrefixAt(string text, int index)
    {
        foreach (var prefix in Prefixes)
        {
            if (index + prefix.Length <= text.Length &&
                string.Compare(text, index, prefix, 0, prefix.Length, IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal) == 0)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// The provider credential formats, one row each, and the scan that finds the first of them in a text. Adding a
/// format is adding a row: the pre-filter, the expression and the classification all come from it.
/// </summary>
/// <remarks>
/// Every repetition is bounded and every expression has a match timeout; a timed-out match counts as no match.
/// Look-arounds keep a token from starting or ending inside a longer word. Where two rows could match at the same
/// place, the earlier row wins (Anthropic's <c>sk-ant-</c> before OpenAI's <c>sk-</c>).
/// </remarks>
internal static class ProviderFormats
{
    private const string NotAfterAlnum = "(?<![A-Za-z0-9])";
    private const string NotAfterWord = "(?<![A-Za-z0-9_])";
    private const string NotAfterWordOrDash = "(?<![A-Za-z0-9_-])";

    // An AWS secret access key after its key name: `aws_secret_access_key = <40 base64 characters>`.
    private const string AwsSecretValue = @"[""']?[ \t]{0,5}[:=][ \t]{0,5}[""']?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])";

    /// <summary>The formats, in priority order.</summary>
    internal static readonly ProviderFormat[] All =
    {
        new(SecretDetectors.AwsAccessKeyId, "an AWS access key ID", SecretConfidence.High,
            ["AKIA", "ASIA", "ABIA", "ACCA"], @"[A-Z0-9]{16}(?![A-Za-z0-9])", NotDocumentationExample, NotAfterAlnum),
        new(SecretDetectors.AwsSecretAccessKey, "an AWS secret access key", SecretConfidence.High,
            ["aws_secret", "awssecret"], "(?i:_?(?:access_?)?key)" + AwsSecretValue, RandomAwsSecretKey, IgnoreCase: true),
        new(SecretDetectors.AwsSecretAccessKey, "an AWS secret access key", SecretConfidence.High,
            ["secret_access", "secretaccess"], "(?i:_?key)" + AwsSecretValue, RandomAwsSecretKey, IgnoreCase: true),
        new(SecretDetectors.GitHubToken, "a GitHub token", SecretConfidence.High,
            ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"], @"[A-Za-z0-9]{36,251}(?![A-Za-z0-9_])", NotPlaceholderBody, NotAfterWord),
        new(SecretDetectors.GitHubToken, "a GitHub token", SecretConfidence.High,
            ["github_pat_"], @"[A-Za-z0-9]{22}_[A-Za-z0-9]{59}(?![A-Za-z0-9_])", NotPlaceholderBody, NotAfterWord),
        new(SecretDetectors.GitLabToken, "a GitLab access token", SecretConfidence.High,
            ["glpat-"], @"[A-Za-z0-9_-]{20,80}(?![A-Za-z0-9_-])", NotPlaceholderBody, NotAfterWordOrDash),
        new(SecretDetectors.SlackWebhook, "a Slack incoming webhook URL", SecretConfidence.High,
            ["https://hooks.slack.com/"], @"(?:services|workflows|triggers)/[A-Za-z0-9_/+-]{20,300}", NotPlaceholderBody),
        new(SecretDetectors.SlackToken, "a Slack token", SecretConfidence.High,
            ["xoxb-", "xoxp-", "xoxa-", "xoxe-", "xoxr-", "xoxs-"], @"[0-9]{1,20}-[0-9A-Za-z-]{8,250}(?![A-Za-z0-9-])", NotPlaceholderBody, NotAfterAlnum),
        new(SecretDetectors.SlackToken, "a Slack token", SecretConfidence.High,
            ["xapp-"], @"[0-9]-[A-Za-z0-9-]{10,250}(?![A-Za-z0-9-])", NotPlaceholderBody, NotAfterAlnum),
        new(SecretDetectors.StripeLiveKey, "a Stripe live key", SecretConfidence.High,
            ["sk_live_", "rk_live_"], @"[A-Za-z0-9]{20,247}(?![A-Za-z0-9_])", NotPlaceholderBody, NotAfterWord),
        new(SecretDetectors.StripeTestKey, "a Stripe test-mode key", SecretConfidence.Low,
            ["sk_test_", "rk_test_"], @"[A-Za-z0-9]{20,247}(?![A-Za-z0-9_])", NotPlaceholderBody, NotAfterWord),
        new(SecretDetectors.StripeLiveKey, "a Stripe live key", SecretConfidence.High,
            ["whsec_"], @"[A-Za-z0-9]{24,100}(?![A-Za-z0-9_])", NotPlaceholderBody, NotAfterWord),
        new(SecretDetectors.AnthropicKey, "an Anthropic API key", SecretConfidence.High,
            ["sk-ant-"], @"[a-z]{2,8}[0-9]{0,3}-[A-Za-z0-9_-]{32,300}(?![A-Za-z0-9_-])", NotPlaceholderBody, NotAfterWordOrDash),
        new(SecretDetectors.OpenAiKey, "an OpenAI-style API key", SecretConfidence.High,
            ["sk-"], @"(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{20,300}|[A-Za-z0-9]{32,200})(?![A-Za-z0-9_-])", NotPlaceholderBody, NotAfterWordOrDash),
        new(SecretDetectors.GoogleApiKey, "a Google API key", SecretConfidence.High,
            ["AIza"], @"[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])", NotPlaceholderBody, NotAfterWordOrDash),
        new(SecretDetectors.HuggingFaceToken, "a Hugging Face token", SecretConfidence.High,
            ["hf_"], @"[A-Za-z]{34}(?![A-Za-z0-9_])", NotPlaceholderBody, NotAfterWord),
        new(SecretDetectors.NpmToken, "an npm access token", SecretConfidence.High,
            ["npm_"], @"[A-Za-z0-9]{36}(?![A-Za-z0-9_])", NotPlaceholderBody, NotAfterWord),
        new(SecretDetectors.SendGridKey, "a SendGrid API key", SecretConfidence.High,
            ["SG."], @"[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])", NotPlaceholderBody, NotAfterWord),

        // PEM: the BEGIN line, then (after optional headers such as Proc-Type) at least 16 base64 characters.
        new(SecretDetectors.PrivateKey, "a PEM private key", SecretConfidence.High,
            ["-----BEGIN "], @"(?:[A-Z0-9]{1,20} ){0,3}PRIVATE KEY(?: BLOCK)?-----[^-]{0,300}?[A-Za-z0-9+/=]{16}", Always),

        // JWT: base64url header starting with {" (eyJ), payload, optional signature (alg "none" has none); not the
        // first three parts of a longer dotted token, but a sentence's full stop may follow.
        new(SecretDetectors.JsonWebToken, "a JSON Web Token", SecretConfidence.High,
            ["eyJ"], @"[A-Za-z0-9_-]{7,2000}\.[A-Za-z0-9_-]{4,8000}\.[A-Za-z0-9_-]{0,2000}(?![A-Za-z0-9_-])(?!\.[A-Za-z0-9_-])",
            (secret, _) => HasJwtHeader(secret), NotAfterWordOrDash),

        // scheme://user:password@host — the user part has no ':', so the split is unambiguous.
        new(SecretDetectors.UrlPassword, "a password in a URL", SecretConfidence.High,
            ["://"], @"[^\s:/@?#]{1,256}:(?<secret>[^\s/@?#]{1,256})@[A-Za-z0-9.\[\]-]", NotStandIn,
            @"(?<=(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{1,20})"),
        new(SecretDetectors.UrlQueryCredential, "a credential in a URL query", SecretConfidence.Medium,
            ["?", "&"], @"(?i:api[_-]?key|access[_-]?token|auth[_-]?token|token|client[_-]?secret|password|passwd|secret)=(?<secret>[^&#\s""']{8,512})",
            NotStandIn),
        new(SecretDetectors.ConnectionStringPassword, "a password in a connection string", SecretConfidence.Medium,
            ["password", "pwd"], @"[ \t]{0,3}=[ \t]{0,3}(?<secret>[^;""'\s&]{1,256})", NotStandIn, NotAfterWord, IgnoreCase: true),
    };

    // For each ASCII character, the rows with a prefix starting with it (in either case for IgnoreCase rows), in
    // table order: the scanner looks at a position only when its character can start a prefix.
    private static readonly ProviderFormat[]?[] ByFirstChar = IndexByFirstChar();

    /// <summary>
    /// The first credential in <paramref name="text"/>, scanning left to right; at one position the earlier row
    /// wins. A match that its row rejects (a placeholder body, a documentation example) is skipped as a whole and
    /// sets <paramref name="sawPlaceholder"/>: such a value is documentation rather than a literal.
    /// </summary>
    internal static SecretMatch? FirstIn(string text, out bool sawPlaceholder)
    {
        sawPlaceholder = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= ByFirstChar.Length || ByFirstChar[c] is not { } rows)
            {
                continue;
            }

            foreach (var row in rows)
            {
                if (!row.HasPrefixAt(text, i) || BoundedRegex.Match(row.Pattern, text, i) is not { Success: true } m)
                {
                    continue;
                }

                var secret = m.Groups["secret"];
                if (!secret.Success)
                {
                    secret = m;
                }

                var prefix = m.Groups["prefix"];
                var bodyStart = prefix.Index + prefix.Length;
                var body = text.Substring(bodyStart, Math.Max(0, m.Index + m.Length - bodyStart));
                if (row.Accepts(secret.Value, body))
                {
                    return new SecretMatch(row.Id, row.Description, row.Confidence, secret.Index, secret.Length, SecretDetectors.Redact(secret.Value));
                }

                sawPlaceholder = true;
                i = m.Index + Math.Max(1, m.Length) - 1;
                break;
            }
        }

        return null;
    }

    private static ProviderFormat[]?[] IndexByFirstChar()
    {
        var lists = new List<ProviderFormat>?[128];
        foreach (var row in All)
        {
            foreach (var prefix in row.Prefixes)
            {
                Add(prefix[0]);
                if (row.IgnoreCase)
                {
                    Add(char.ToUpperInvariant(prefix[0]));
                    Add(char.ToLowerInvariant(prefix[0]));
                }

                void Add(char first)
                {
                    var list = lists[first] ??= new List<ProviderFormat>();
                    if (!list.Contains(row))
                    {
                        list.Add(row);
                    }
                }
            }
        }

        var index = new ProviderFormat[]?[lists.Length];
        for (var c = 0; c < lists.Length; c++)
        {
            index[c] = lists[c]?.ToArray();
        }

        return index;
    }

    private static bool Always(string secret, string body) => true;

    private static bool NotPlaceholderBody(string secret, string body) => !NonSecretValues.IsPlaceholderBody(body);

    private static bool NotDocumentationExample(string secret, string body) => !NonSecretValues.IsDocumentationExample(secret);

    private static bool RandomAwsSecretKey(string secret, string body) =>
        !NonSecretValues.IsDocumentationExample(secret) && SecretDetectors.ShannonEntropy(secret) >= SecretDetectors.HighEntropyThreshold;

    private static bool NotStandIn(string secret, string body) => !NonSecretValues.IsPlaceholder(secret) && !NonSecretValues.IsReference(secret);

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
}
