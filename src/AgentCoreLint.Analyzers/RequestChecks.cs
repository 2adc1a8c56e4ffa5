using System.Collections.Generic;
using AgentCoreLint.Rules.Analysis;
using AgentCoreLint.Rules.Findings;

namespace AgentCoreLint.Analyzers;

/// <summary>
/// The one place the analyzer asks the rule engine about a request: the same <see cref="RequestChecker"/> the CLI
/// runs for every input kind (schema conformance, semantic rules, one finding per problem, suppressions, levels).
/// </summary>
internal static class RequestChecks
{
    /// <summary>Checks one request tree.</summary>
    /// <param name="target">The request folded from C#.</param>
    /// <returns>The findings, in the order the pipeline produced them.</returns>
    public static IReadOnlyList<Finding> Check(LintTarget target) => RequestChecker.Default.Check(target);
}
