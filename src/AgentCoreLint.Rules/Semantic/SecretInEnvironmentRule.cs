using AgentCoreLint.Rules.Catalog;
using AgentCoreLint.Rules.Documents;
using AgentCoreLint.Rules.Analysis;
using AgentCoreLint.Rules.Model;
using AgentCoreLint.Rules.Secrets;

namespace AgentCoreLint.Rules.Semantic;

/// <summary>
/// ACL3001: an environment variable (shape <c>EnvironmentVariablesMap</c>: runtimes, harnesses) holds a literal
/// credential, as recognised by <see cref="SecretDetectors.InspectKeyedValue"/>. Reported at the value; the message
/// names the variable and the detector and shows only <see cref="SecretMatch.Hint"/>. Low-confidence detectors
/// (a Stripe test-mode key) report a warning.
/// </summary>
/// <remarks>Source: <c>EnvironmentVariablesMap</c> is marked sensitive in the model, yet it is returned as
/// configuration (<c>GetAgentRuntimeResponse.environmentVariables</c>, <c>Harness.environmentVariables</c>).</remarks>
public sealed class SecretInEnvironmentRule() : SemanticRule(RuleIds.SecretInEnvironment)
{
    /// <inheritdoc />
    public override void Analyze(RuleContext context)
    {
        foreach (var visit in context.Target.Walk.OfShape(SensitiveFields.EnvironmentMap))
        {
            if (visit.Node is not ObjectNode map)
            {
                continue;
            }

            foreach (var entry in map.Properties)
            {
                if (!Nodes.TryGetString(entry.Value, out var value))
                {
                    continue;
                }

                var match = SecretDetectors.InspectKeyedValue(entry.Name, value);
                if (match is null)
                {
                    continue;
                }

                context.Report(RuleIds.SecretInEnvironment, entry.Value,
                    $"environment variable {Nodes.Quote(entry.Name)} holds {match.Description} ({match.Hint}). " +
                    $"Environment variables are plain configuration, returned to anyone who can read the resource: {SensitiveFields.Fix}.",
                    SensitiveFields.LevelFor(match));
            }
        }
    }
}
