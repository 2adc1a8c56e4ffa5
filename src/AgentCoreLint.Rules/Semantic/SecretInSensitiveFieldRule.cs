using AgentCoreLint.Rules.Catalog;
using AgentCoreLint.Rules.Documents;
using AgentCoreLint.Rules.Analysis;
using AgentCoreLint.Rules.Model;
using AgentCoreLint.Rules.Secrets;

namespace AgentCoreLint.Rules.Semantic;

/// <summary>
/// ACL3002: a literal credential in a remote MCP server's <c>headers</c>, an OAuth <c>customParameters</c> map, a
/// system prompt, a description or another sensitive text field (see <see cref="SensitiveFields"/>). Name/value
/// entries use <see cref="SecretDetectors.InspectKeyedValue"/>; free text uses
/// <see cref="SecretDetectors.InspectText"/> (provider formats only). Reported at the value, never echoing it.
/// </summary>
/// <remarks>Source: the model's sensitive shapes <c>HttpHeadersMap</c>, <c>OAuthCustomParametersValue</c>,
/// <c>SensitiveText</c>, <c>Description</c>, … — they are stored and returned as configuration; prompts are also
/// sent to the model.</remarks>
public sealed class SecretInSensitiveFieldRule() : SemanticRule(RuleIds.SecretInSensitiveField)
{
    /// <inheritdoc />
    public override void Analyze(RuleContext context)
    {
        var walk = context.Target.Walk;
        foreach (var visit in walk.Visits)
        {
            if (SensitiveFields.IsKeyedMap(visit.Shape))
            {
                CheckMap(context, walk, visit);
                continue;
            }

            if (!Nodes.TryGetString(visit.Node, out var text) || !SensitiveFields.IsFreeText(visit) || IsInMap(walk, visit))
            {
                continue;
            }

            var match = SecretDetectors.InspectText(text);
            if (match is not null)
            {
                var at = text.Length > 200 ? $" at character {match.Index + 1}" : string.Empty;
                context.Report(RuleIds.SecretInSensitiveField, visit.Node,
                    $"{walk.PathOf(visit)} contains {match.Description} ({match.Hint}){at}: {SensitiveFields.Fix}.",
                    SensitiveFields.LevelFor(match));
            }
        }
    }

    private static void CheckMap(RuleContext context, ShapeWalk walk, ShapeVisit visit)
    {
        if (visit.Node is not ObjectNode map)
        {
            return;
        }

        foreach (var entry in map.Properties)
        {
            if (!Nodes.TryGetString(entry.Value, out var value))
            {
                continue;
            }

            var match = SecretDetectors.InspectKeyedValue(entry.Name, value);
            if (match is not null)
            {
                context.Report(RuleIds.SecretInSensitiveField, entry.Value,
                    $"{SensitiveFields.DescribeEntry(visit.Shape, entry.Name)} in {walk.PathOf(visit)} holds {match.Description} ({match.Hint}); " +
                    $"it is stored and returned as plain configuration: {SensitiveFields.Fix}.",
                    SensitiveFields.LevelFor(match));
            }
        }
    }

    // Entries of keyed maps are checked with their names (CheckMap); entries of the environment map belong to ACL3001.
    private static bool IsInMap(ShapeWalk walk, ShapeVisit visit) =>
        visit.IsMapEntry && walk.TryGetParent(visit, out var parent) &&
        (SensitiveFields.IsKeyedMap(parent.Shape) || parent.Shape.Name == SensitiveFields.EnvironmentMap);
}
