using AgentCoreLint.Rules.Documents;

namespace AgentCoreLint.Rules.Findings;

/// <summary>A finding's level, as SARIF's <c>result.level</c>; ordered so that a higher value is more severe.</summary>
public enum FindingLevel
{
    /// <summary>Rule switched off (SARIF <c>none</c>).</summary>
    None = 0,

    /// <summary>Worth knowing; not a defect (SARIF <c>note</c>).</summary>
    Note = 1,

    /// <summary>Probably a defect or a risk (SARIF <c>warning</c>).</summary>
    Warning = 2,

    /// <summary>The service will reject the request, or a security rule is broken (SARIF <c>error</c>).</summary>
    Error = 3,
}

/// <summary>Conversions between <see cref="FindingLevel"/> and its SARIF / CLI names.</summary>
public static class FindingLevels
{
    /// <summary>The SARIF name of a level: <c>none</c>, <c>note</c>, <c>warning</c>, <c>error</c>.</summary>
    public static string ToSarif(this FindingLevel level) => level switch
    {
        FindingLevel.Error => "error",
        FindingLevel.Warning => "warning",
        FindingLevel.Note => "note",
        _ => "none",
    };

    /// <summary>Parses a SARIF / CLI level name (case-insensitive).</summary>
    /// <returns>False when <paramref name="text"/> is not a level name.</returns>
    public static bool TryParse(string? text, out FindingLevel level)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "error": level = FindingLevel.Error; return true;
            case "warning": level = FindingLevel.Warning; return true;
            case "note": level = FindingLevel.Note; return true;
            case "none": level = FindingLevel.None; return true;
            default: level = FindingLevel.None; return false;
        }
    }
}

/// <summary>
/// One problem in one input, located at the key or value that causes it. The file it belongs to is
/// attached by the engine (Core's <c>LintResult</c>); rules produce <see cref="Finding"/>s.
/// Messages never contain the value of a sensitive member or a secret: rules redact before reporting.
/// </summary>
public sealed record Finding
{
    /// <summary>The rule id, <c>ACL</c> + four digits (see the rule catalog).</summary>
    public required string RuleId { get; init; }

    /// <summary>The effective level (the catalog's default unless configuration or the rule changed it).</summary>
    public required FindingLevel Level { get; init; }

    /// <summary>The message: what is wrong, the offending (redacted when needed) value, and the fix.</summary>
    public required string Message { get; init; }

    /// <summary>The region to mark: the offending key or value in the file the user wrote.</summary>
    public required SourceSpan Span { get; init; }

    /// <summary>The JSON Pointer of the offending member in the source file.</summary>
    public required string Pointer { get; init; }

    /// <summary>A logical location inside the file, e.g. a CloudFormation <c>Resources/MyRuntime</c> or a
    /// Terraform address <c>module.agent.aws_bedrockagentcore_agent_runtime.this</c>; null for request documents.</summary>
    public string? LogicalLocation { get; init; }

    /// <summary>When true, schema findings (ACL1xxx) at the same <see cref="Pointer"/> are dropped: this finding
    /// explains the same problem better (one problem, one finding).</summary>
    public bool ReplacesSchemaFindings { get; init; }

    /// <summary>Which message of the rule this is (ESLint's <c>messageId</c>), e.g. <c>requiredMember</c>; null for a
    /// rule with one message. Code that needs to know what a finding says reads this and <see cref="Arguments"/>,
    /// never the message text.</summary>
    public string? MessageId { get; init; }

    /// <summary>The data the message was made from (ESLint's <c>data</c>), e.g. <c>member</c> → <c>roleArn</c>;
    /// never a secret or a sensitive value. Empty when the rule records none.</summary>
    public IReadOnlyDictionary<string, string> Arguments { get; init; } = NoArguments;

    /// <summary>The value of one of <see cref="Arguments"/>, or null.</summary>
    public string? Argument(string name) => Arguments.TryGetValue(name, out var value) ? value : null;

    /// <summary>A finding at the rule's default level in the built-in catalog.</summary>
    /// <param name="ruleId">A catalog rule id (<see cref="Catalog.RuleIds"/>).</param>
    /// <param name="span">The offending key or value's region.</param>
    /// <param name="pointer">The offending member's JSON Pointer in the source file.</param>
    /// <param name="message">The message; must not contain a secret or a sensitive value.</param>
    /// <param name="logicalLocation">The logical location in the file, or null.</param>
    /// <exception cref="KeyNotFoundException"><paramref name="ruleId"/> is not in the catalog.</exception>
    public static Finding Create(string ruleId, SourceSpan span, string pointer, string message, string? logicalLocation = null) => new()
    {
        RuleId = ruleId,
        Level = Catalog.RuleCatalog.Get(ruleId).DefaultLevel,
        Message = message,
        Span = span,
        Pointer = pointer,
        LogicalLocation = logicalLocation,
    };

    /// <summary>A finding about a whole file (parse errors, unrecognised input), at its first character.</summary>
    public static Finding ForFile(string ruleId, string message) => Create(ruleId, SourceSpan.FileStart, JsonPointer.Root, message);

    private static readonly IReadOnlyDictionary<string, string> NoArguments = new Dictionary<string, string>();
}
