using System.Text;

namespace AgentCoreLint.Rules.Tests.Support;

/// <summary>
/// Deterministic fake credentials. Tokens are assembled at run time from a prefix and seeded random characters, so
/// the test sources hold no string that secret scanners (or push protection) would take for a credential.
/// </summary>
internal static class Fake
{
    public const string AlnumChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    public const string UpperChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    public const string HexChars = "0123456789abcdef";
    public const string DigitChars = "0123456789";
    public const string LetterChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    public const string Base64Chars = AlnumChars + "+/";
    public const string Base64UrlChars = AlnumChars + "-_";

    public static string Of(string alphabet, int length, int seed)
    {
        var random = new Random(seed);
        var sb = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            sb.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return sb.ToString();
    }

    public static string Alnum(int length, int seed) => Of(AlnumChars, length, seed);

    public static string Upper(int length, int seed) => Of(UpperChars, length, seed);

    public static string Hex(int length, int seed) => Of(HexChars, length, seed);

    public static string Digits(int length, int seed) => Of(DigitChars, length, seed);

    public static string Letters(int length, int seed) => Of(LetterChars, length, seed);

    public static string Base64(int length, int seed) => Of(Base64Chars, length, seed);

    public static string Base64Url(int length, int seed) => Of(Base64UrlChars, length, seed);

    public static string Jwt(string headerJson, string payloadJson, int seed) =>
        B64Url(headerJson) + "." + B64Url(payloadJson) + "." + Base64Url(43, seed);

    public static string B64Url(string json) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
