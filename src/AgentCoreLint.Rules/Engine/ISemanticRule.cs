using AgentCoreLint.Rules.Catalog;
using AgentCoreLint.Rules.Documents;
using AgentCoreLint.Rules.Findings;

namespace AgentCoreLint.Rules.Engine;

/// <summary>
/// A rule whose logic the schema cannot express. One small class per rule; its metadata (title, level, help)
/// comes from the rule catalog (<see cref="RuleCatalog"/>), never from the class.
/// </summary>
public interface ISemanticRule
{
    /// <summary>The ids this class reports (usually one).</summary>
    IReadOnlyList<string> RuleIds { get; }

    /// <summary>Checks one target and reports through <paramref name="context"/>. Must not throw on any tree
    /// shape: unexpected kinds and <see cref="UnknownNode"/> values are skipped, not reported.</summary>
    void Analyze(RuleContext context);
}

/// <summary>What a rule sees and how it reports: one <see cref="LintTarget"/>, collecting findings.</summary>
public sealed class RuleContext
{
    private readonly List<Finding> _findings = new();

    /// <summary>Creates a context for one target.</summary>
    public RuleContext(LintTarget target)
    {
        Target = target;
    }

    /// <summary>The request being checked.</summary>
    public LintTarget Target { get; }

    /// <summary>The findings reported so far.</summary>
    public IReadOnlyList<Finding> Findings => _findings;

    /// <summary>Reports a finding at a region.</summary>
    /// <param name="ruleId">A rule id from the catalog.</param>
    /// <param name="span">The offending key or value's region.</param>
    /// <param name="pointer">The offending member's JSON Pointer in the source file.</param>
    /// <param name="message">The message; must not contain a secret or a sensitive value.</param>
    /// <param name="level">A level other than the catalog default, or null for the default.</param>
    /// <param name="replacesSchemaFindings">Drop schema findings at the same pointer (see <see cref="Finding.ReplacesSchemaFindings"/>).</param>
    /// <exception cref="KeyNotFoundException"><paramref name="ruleId"/> is not in the catalog.</exception>
    public void Report(string ruleId, SourceSpan span, string pointer, string message, FindingLevel? level = null, bool replacesSchemaFindings = false)
    {
        if (Target.SuppressedRuleIds.Contains(ruleId))
        {
            return;
        }

        _findings.Add(new Finding
        {
            RuleId = ruleId,
            Level = level ?? RuleCatalog.Get(ruleId).DefaultLevel,
            Message = message,
            Span = span,
            Pointer = pointer,
            LogicalLocation = Target.LogicalLocation,
            ReplacesSchemaFindings = replacesSchemaFindings,
        });
    }

    /// <summary>Reports a finding at a value.</summary>
    public void Report(string ruleId, DocNode at, string message, FindingLevel? level = null, bool replacesSchemaFindings = false) =>
        Report(ruleId, at.Span, at.Pointer, message, level, replacesSchemaFindings);

    /// <summary>Reports a finding at a member's key.</summary>
    public void ReportAtKey(string ruleId, PropertyNode at, string message, FindingLevel? level = null, bool replacesSchemaFindings = false) =>
        Report(ruleId, at.KeySpan, at.Pointer, message, level, replacesSchemaFindings);
}
