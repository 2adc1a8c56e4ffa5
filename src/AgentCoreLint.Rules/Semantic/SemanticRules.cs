using AgentCoreLint.Rules.Analysis;

namespace AgentCoreLint.Rules.Semantic;

/// <summary>
/// The built-in semantic rules: the checks the service model's constraints cannot express. The list is generated
/// from the catalog's <c>implementation</c> fields (<c>SemanticRules.g.cs</c>), so a rule is registered by declaring it.
/// </summary>
public static partial class SemanticRules
{
    /// <summary>Every built-in semantic rule, ordered by rule id. The instances are stateless and thread-safe:
    /// one set can check any number of targets in parallel.</summary>
    public static IReadOnlyList<ISemanticRule> All { get; } = Create();
}
