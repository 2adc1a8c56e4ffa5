namespace AgentCoreLint.Rules.Tests.Support;

internal static class Leak
{
    /// <summary>Asserts that a message reveals no more of a secret than its first four characters: neither the
    /// secret nor any six-character window of it past the fourth character appears in the message.</summary>
    public static void AssertNotRevealed(string message, string secret)
    {
        Assert.DoesNotContain(secret, message, StringComparison.Ordinal);
        for (var i = 1; i + 6 <= secret.Length; i++)
        {
            var window = secret.Substring(i, 6);
            Assert.False(message.Contains(window, StringComparison.Ordinal), $"the message reveals '{window}' of the secret: {message}");
        }
    }
}
