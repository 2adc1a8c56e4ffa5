using AgentCoreLint.Rules.Documents;
using AgentCoreLint.Rules.Findings;

namespace AgentCoreLint.Core.Iac;

/// <summary>
/// A check of a CloudFormation resource as a template entry (its <c>DependsOn</c>, <c>Metadata</c>, <c>Condition</c>),
/// not of the request it maps to. One small class per rule, registered by the catalog's <c>implementation: Iac.X</c>
/// field (<see cref="TemplateRules"/>); in-file suppressions and configured levels are applied by the caller.
/// </summary>
public interface ITemplateRule
{
    /// <summary>The ids this class reports (usually one).</summary>
    IReadOnlyList<string> ReportedIds { get; }

    /// <summary>Checks one AgentCore resource of a template.</summary>
    /// <param name="resource">The resource's mapping (<c>Type</c>, <c>Properties</c>, <c>DependsOn</c>, …), unresolved.</param>
    /// <param name="logical">The logical location, <c>Resources/&lt;LogicalId&gt;</c>.</param>
    /// <returns>The findings, at the template's own lines.</returns>
    IEnumerable<Finding> Check(ObjectNode resource, string logical);
}

/// <summary>The built-in template rules, generated from the catalog (<c>TemplateRules.g.cs</c>).</summary>
public static partial class TemplateRules
{
    /// <summary>Every built-in template rule, ordered by rule id; stateless and thread-safe.</summary>
    public static IReadOnlyList<ITemplateRule> All { get; } = Create();
}
