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
}
