using System.Collections.Generic;
using AgentCoreLint.Rules.Engine;
using AgentCoreLint.Rules.Findings;
using AgentCoreLint.Rules.Semantic;

namespace AgentCoreLint.Analyzers;

/// <summary>
/// The one place the analyzer asks the rule engine about a request. Today it runs the semantic rules; when the
/// check pipeline of Rules (schema conformance, semantic rules, replacement of schema findings, suppression, levels)
/// lands, this body becomes a call to it and the analyzer gains the schema rules (ACL1001–ACL1007) unchanged.
/// </summary>
internal static class RequestChecks
{
    /// <summary>Checks one request tree.</summary>
    /// <param name="target">The request folded from C#.</param>
    /// <returns>The findings, in the order the rules reported them.</returns>
    public static IReadOnlyList<Finding> Check(LintTarget target)
    {
        var context = new RuleContext(target);
        SemanticRules.AnalyzeAll(context);
        return context.Findings;
    }
}
