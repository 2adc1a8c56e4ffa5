using System.Text;

namespace AgentCoreLint.Rules.Secrets;

/// <summary>
/// Name heuristics: which variable, header and parameter names announce a credential. Names are split into
/// upper-case words (<see cref="Split"/>) and judged by their last word or last two words, because the last word
/// says what the value is (<c>DB_PASSWORD</c> holds a password, <c>DB_PASSWORD_SECRET_ARN</c> holds an ARN).
/// </summary>
internal static class SecretNames
{
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

    /// <summary>True when the words (from <see cref="Split"/>) name a credential; see
    /// <see cref="SecretDetectors.IsSecretLikeName"/> for the word lists.</summary>
    public static bool IsSecretLike(IReadOnlyList<string> words)
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

    /// <summary>True when the last word names a password (PASSWORD, PASSWD, PWD, PASS, PASSPHRASE), under which an
    /// all-digit value is still a credential.</summary>
    public static bool EndsWithPasswordWord(IReadOnlyList<string> words) =>
        words.Count > 0 && PasswordWords.Contains(words[words.Count - 1]);

    /// <summary>AWS_SECRET_ACCESS_KEY, aws_secret_key, SECRET_ACCESS_KEY: a 40-character base64 value under such a
    /// name is an AWS secret access key.</summary>
    public static bool IsAwsSecretKeyName(IReadOnlyList<string> words)
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
    public static IReadOnlyList<string> Split(string name)
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
}
