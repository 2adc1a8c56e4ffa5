namespace AgentCoreLint.Rules.Secrets;

/// <summary>How sure a detector is that a value is a live credential.</summary>
public enum SecretConfidence
{
    /// <summary>A credential, but probably of low impact (e.g. a Stripe test-mode key).</summary>
    Low = 1,

    /// <summary>A literal value where only a reference should be (a secret-like name holding a literal,
    /// a password in a connection string or URL query).</summary>
    Medium = 2,

    /// <summary>A provider's documented credential format, a private key, a signed token, or a high-entropy
    /// literal under a secret-like name.</summary>
    High = 3,
}

/// <summary>
/// What a <see cref="SecretDetectors"/> scan found: which detector matched, where the secret is in the scanned
/// value, and a redacted hint that is safe to print. It never holds the secret itself.
/// </summary>
public sealed class SecretMatch
{
    /// <summary>Creates a match.</summary>
    /// <param name="detector">The detector's stable id, one of the <c>SecretDetectors.*</c> id constants.</param>
    /// <param name="description">The detector's description for messages, with an article ("a GitHub token").</param>
    /// <param name="confidence">How sure the detector is.</param>
    /// <param name="index">Where the secret starts in the scanned value (UTF-16 index).</param>
    /// <param name="length">The secret's length in UTF-16 code units.</param>
    /// <param name="hint">The redacted hint (see <see cref="SecretDetectors.Redact"/>).</param>
    public SecretMatch(string detector, string description, SecretConfidence confidence, int index, int length, string hint)
    {
        Detector = detector;
        Description = description;
        Confidence = confidence;
        Index = index;
        Length = length;
        Hint = hint;
    }

    /// <summary>The detector's stable id, e.g. <c>github-token</c>.</summary>
    public string Detector { get; }

    /// <summary>The detector's description with an article, e.g. "a GitHub token".</summary>
    public string Description { get; }

    /// <summary>How sure the detector is.</summary>
    public SecretConfidence Confidence { get; }

    /// <summary>Where the secret starts in the scanned value.</summary>
    public int Index { get; }

    /// <summary>The secret's length.</summary>
    public int Length { get; }

    /// <summary>A redacted hint safe for any output: at most the first four characters and the length.</summary>
    public string Hint { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Detector} at {Index} ({Hint})";
}
