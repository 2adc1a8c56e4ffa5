namespace AgentCoreLint.Rules.Schema;

/// <summary>The message ids of the schema findings (<see cref="Findings.Finding.MessageId"/>), one per kind of
/// violation; their <see cref="Findings.Finding.Arguments"/> always hold <c>path</c> (the API path, "" for the root).</summary>
public static class MessageIds
{
    /// <summary>ACL1001; arguments: <c>member</c>, the missing member's wire name.</summary>
    public const string RequiredMember = "requiredMember";

    /// <summary>ACL1002; arguments: <c>member</c>, and <c>suggestion</c> ("" when none is close).</summary>
    public const string UnknownMember = "unknownMember";

    /// <summary>ACL1003; arguments: <c>expected</c> and <c>actual</c> kinds.</summary>
    public const string WrongType = "wrongType";

    /// <summary>ACL1004.</summary>
    public const string NotInEnum = "notInEnum";

    /// <summary>ACL1005.</summary>
    public const string PatternMismatch = "patternMismatch";

    /// <summary>ACL1005 on a map key that looks like a credential (the key is not in the arguments).</summary>
    public const string KeyLooksLikeSecret = "keyLooksLikeSecret";

    /// <summary>ACL1006 on a string's length.</summary>
    public const string LengthOutOfRange = "lengthOutOfRange";

    /// <summary>ACL1006 on a list's items or a map's entries; arguments: <c>count</c>.</summary>
    public const string CountOutOfRange = "countOutOfRange";

    /// <summary>ACL1007 below the minimum.</summary>
    public const string BelowMinimum = "belowMinimum";

    /// <summary>ACL1007 above the maximum.</summary>
    public const string AboveMaximum = "aboveMaximum";
}
