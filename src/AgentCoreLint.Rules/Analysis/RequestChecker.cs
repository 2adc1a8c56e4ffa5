using AgentCoreLint.Rules.Catalog;
using AgentCoreLint.Rules.Findings;
using AgentCoreLint.Rules.Model;
using AgentCoreLint.Rules.Schema;
using AgentCoreLint.Rules.Semantic;

namespace AgentCoreLint.Rules.Analysis;

/// <summary>
/// The one check pipeline every front door calls (the CLI's engine for every input kind, the Roslyn analyzer):
/// schema conformance (<see cref="ShapeValidator"/>), the semantic rules, and the input's own contract findings are
/// collected first; then, in one stage, a semantic finding that explains a value replaces the schema findings at
/// the same pointer, an input finding replaces the API finding for the same value or missing member, in-file
/// suppressions apply, and each finding gets its effective level from the <see cref="RuleSet"/>.
/// </summary>
/// <remarks>A rule that throws on a target does not stop the check: it becomes one ACL0004 finding naming the rule
/// and the exception's type (never its message, which may quote input), and every other rule still runs.
/// Stateless and thread-safe.</remarks>
public sealed class RequestChecker
{
    private readonly IReadOnlyList<ISemanticRule> _rules;
    private readonly ShapeValidator _validator;

    /// <summary>Creates a checker.</summary>
    /// <param name="ruleSet">The rules in force and their configured levels.</param>
    /// <param name="rules">The semantic rules to run; null for every built-in one.</param>
    public RequestChecker(RuleSet ruleSet, IReadOnlyList<ISemanticRule>? rules = null)
    {
        RuleSet = ruleSet ?? throw new ArgumentNullException(nameof(ruleSet));
        _rules = rules ?? SemanticRules.All;
        _validator = ShapeValidator.Shared;
    }

    /// <summary>The built-in rules at their default levels.</summary>
    public static RequestChecker Default { get; } = new(RuleSet.BuiltIn);

    /// <summary>The rules in force.</summary>
    public RuleSet RuleSet { get; }

    /// <summary>Checks one request.</summary>
    /// <param name="target">The API-shaped request.</param>
    /// <param name="origin">The findings of the input's own contract (a CloudFormation resource schema) and a message
    /// prefix, or null for a plain request.</param>
    /// <returns>One finding per problem, suppressions and levels applied, in the order they were produced.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="target"/> is null.</exception>
    public IReadOnlyList<Finding> Check(LintTarget target, TargetOrigin? origin = null)
    {
        if (target is null)
        {
            throw new ArgumentNullException(nameof(target));
        }

        if (ApiModel.InputOf(target.Operation) is null)
        {
            var unknown = Finding.Create(RuleIds.InvalidConfiguration, target.Anchor, target.Request.Pointer,
                $"'{target.Operation}' is not an AgentCore Control operation that takes a request; see the AgentCore Control API reference for operation names.",
                target.LogicalLocation);
            return Finish(target, new List<Finding> { unknown });
        }

        var schema = _validator.Validate(target);
        var context = new RuleContext(target, RuleSet);
        var failures = new List<Finding>();
        foreach (var rule in _rules)
        {
            try
            {
                rule.Analyze(context);
            }
            catch (Exception e)
            {
                failures.Add(Failure(target, rule, e));
            }
        }

        var semantic = context.Findings;
        var replaced = new HashSet<string>(semantic.Where(f => f.ReplacesSchemaFindings).Select(f => f.Pointer), StringComparer.Ordinal);
        var api = schema.Where(f => !replaced.Contains(f.Pointer)).Concat(semantic).ToList();
        var findings = origin is null ? api : Merge(target, api, replaced, origin);
        findings.AddRange(failures);
        return Finish(target, findings);
    }

    /// <summary>True when a finding is ACL0004, a rule that failed (the CLI then exits with 2 after writing the report).</summary>
    public static bool IsRuleFailure(Finding finding) => finding.RuleId == RuleIds.RuleFailed;

    private List<Finding> Merge(LintTarget target, List<Finding> api, HashSet<string> replaced, TargetOrigin origin)
    {
        var source = origin.SourceContractFindings.Where(f => !(IsSchema(f) && replaced.Contains(f.Pointer))).ToList();
        var sourcePointers = new HashSet<string>(source.Where(IsValueSchema).Select(f => f.Pointer), StringComparer.Ordinal);
        // A key of a map the input writes as a list (CloudFormation Tags: [{Key, Value}]) has no pointer of its own in
        // the request: the same region means the same value.
        var sourceSpans = new HashSet<Documents.SourcePosition>(source.Where(IsValueSchema).Select(f => f.Span.Start));
        var missing = new HashSet<string>(origin.ReportedMissing.Select(m => m.Pointer + "\n" + m.Member.ToLowerInvariant()), StringComparer.Ordinal);
        var merged = source;
        foreach (var f in api)
        {
            if (IsValueSchema(f) && (sourcePointers.Contains(f.Pointer) || sourceSpans.Contains(f.Span.Start)))
            {
                continue;
            }

            if (f.RuleId == RuleIds.RequiredMember && f.Argument("member") is { } member && missing.Contains(f.Pointer + "\n" + member.ToLowerInvariant()))
            {
                continue;
            }

            // Beside the input's own schema findings, say which contract an API schema finding comes from.
            merged.Add(IsValueSchema(f) && f.MessageId is not null ? f with { Message = $"{f.Message.TrimEnd('.')} (per {target.Contract})." } : f);
        }

        return origin.MessagePrefix is { } prefix ? merged.Select(f => f with { Message = prefix + f.Message }).ToList() : merged;
    }

    private List<Finding> Finish(LintTarget target, List<Finding> findings)
    {
        var result = new List<Finding>(findings.Count);
        foreach (var finding in findings)
        {
            if (!target.SuppressedRuleIds.Contains(finding.RuleId) && RuleSet.Apply(finding) is { } effective)
            {
                result.Add(effective);
            }
        }

        return result;
    }

    private bool IsSchema(Finding f) => RuleSet.TryGet(f.RuleId, out var rule) && rule!.Category == "schema";

    private bool IsValueSchema(Finding f) => IsSchema(f) && f.RuleId != RuleIds.RequiredMember;

    private static Finding Failure(LintTarget target, ISemanticRule rule, Exception e)
    {
        var ids = string.Join(", ", rule.ReportedIds);
        return Finding.Create(RuleIds.RuleFailed, target.Anchor, target.Request.Pointer,
            $"Rule {ids} failed on this {target.Operation} request ({e.GetType().Name}) and was skipped; the other rules ran. " +
            "This is a defect in AgentCoreLint: please report it with the input that triggers it.",
            target.LogicalLocation) with { MessageId = "ruleFailed", Arguments = new Dictionary<string, string>(StringComparer.Ordinal) { ["rule"] = ids, ["exception"] = e.GetType().Name } };
    }
}
