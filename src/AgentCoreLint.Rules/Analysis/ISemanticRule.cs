using AgentCoreLint.Rules.Catalog;
using AgentCoreLint.Rules.Documents;
using AgentCoreLint.Rules.Findings;

namespace AgentCoreLint.Rules.Analysis;

/// <summary>
/// A rule whose logic the schema cannot express. One small class per rule, registered by the catalog's
/// <c>implementation</c> field; its metadata (title, level, help) comes from the rule catalog, never from the class.
/// </summary>
public interface ISemanticRule
{
    /// <summary>The ids this class reports (usually one, from <see cref="RuleIds"/>).</summary>
    IReadOnlyList<string> ReportedIds { get; }

    /// <summary>Checks one target and reports through <paramref name="context"/>. Should not throw on any tree
    /// shape (unexpected kinds and <see cref="UnknownNode"/> values are skipped, not reported); if it does, the
    /// request checker reports ACL0004 and the other rules still run.</summary>
    void Analyze(RuleContext context);
}

/// <summary>The common shape of a rule class that reports one id.</summary>
/// <param name="id">The rule id (a <see cref="RuleIds"/> constant).</param>
public abstract class SemanticRule(string id) : ISemanticRule
{
    /// <inheritdoc />
    public IReadOnlyList<string> ReportedIds { get; } = new[] { id };

    /// <inheritdoc />
    public abstract void Analyze(RuleContext context);
}

/// <summary>What a rule sees and how it reports: one <see cref="LintTarget"/>, collecting findings.</summary>
public sealed class RuleContext
{
    private readonly List<Finding> _findings = new();

    /// <summary>Creates a context for one target.</summary>
    /// <param name="target">The request.</param>
    /// <param name="ruleSet">The rules in force (default levels); null for the built-in catalog.</param>
    public RuleContext(LintTarget target, RuleSet? ruleSet = null)
    {
        Target = target;
        RuleSet = ruleSet ?? RuleSet.BuiltIn;
    }

    /// <summary>The request being checked.</summary>
    public LintTarget Target { get; }

    /// <summary>The rules in force.</summary>
    public RuleSet RuleSet { get; }

    /// <summary>The findings reported so far (suppressions and configured levels are applied later, by the
    /// <see cref="RequestChecker"/>).</summary>
    public IReadOnlyList<Finding> Findings => _findings;

    /// <summary>Reports a finding at a region.</summary>
    /// <param name="ruleId">A rule id of <see cref="RuleSet"/>.</param>
    /// <param name="span">The offending key or value's region.</param>
    /// <param name="pointer">The offending member's JSON Pointer in the source file.</param>
    /// <param name="message">The message; must not contain a secret or a sensitive value.</param>
    /// <param name="level">A level other than the rule's default, or null for the default.</param>
    /// <param name="replacesSchemaFindings">Drop schema findings at the same pointer (see <see cref="Finding.ReplacesSchemaFindings"/>).</param>
    /// <exception cref="KeyNotFoundException"><paramref name="ruleId"/> is not in the rule set.</exception>
    public void Report(string ruleId, SourceSpan span, string pointer, string message, FindingLevel? level = null, bool replacesSchemaFindings = false) =>
        _findings.Add(new Finding
        {
            RuleId = ruleId,
            Level = level ?? RuleSet.Get(ruleId).DefaultLevel,
            Message = message,
            Span = span,
            Pointer = pointer,
            LogicalLocation = Target.LogicalLocation,
            ReplacesSchemaFindings = replacesSchemaFindings,
        });

    /// <summary>Reports a finding at a value.</summary>
    public void Report(string ruleId, DocNode at, string message, FindingLevel? level = null, bool replacesSchemaFindings = false) =>
        Report(ruleId, at.Span, at.Pointer, message, level, replacesSchemaFindings);

    /// <summary>Reports a finding at a member's key.</summary>
    public void ReportAtKey(string ruleId, PropertyNode at, string message, FindingLevel? level = null, bool replacesSchemaFindings = false) =>
        Report(ruleId, at.KeySpan, at.Pointer, message, level, replacesSchemaFindings);
}
