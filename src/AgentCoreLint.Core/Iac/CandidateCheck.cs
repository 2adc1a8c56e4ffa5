using AgentCoreLint.Rules.Schema;
using AgentCoreLint.Rules.Catalog;
using AgentCoreLint.Rules.Documents;
using AgentCoreLint.Rules.Findings;
using AgentCoreLint.Rules.Model;
using AgentCoreLint.Rules.Secrets;

namespace AgentCoreLint.Core.Iac;

/// <summary>
/// Checks the literals an unknown value may take (<see cref="ValueCandidate"/>: a parameter's <c>AllowedValues</c> and
/// <c>Default</c>, the literal branches of <c>Fn::If</c>) against the API constraints of the member the value feeds, as
/// MAPPING-NOTES §3.3 suggests for CloudFormation parameters: a <c>NetworkMode</c> parameter that allows <c>PRIVATE</c>
/// lets a user pick a value every AgentCore resource rejects, and an <c>AgentName</c> default of <c>my-agent</c>
/// deploys a runtime name the service rejects. One finding per offending literal and constraint, at the literal's own
/// line, naming every resource it feeds. Level: warning for an <c>AllowedValues</c> entry or an <c>Fn::If</c> branch (it
/// fails only when chosen), the rule's own level for a <c>Default</c> (a deployment without overrides fails).
/// </summary>
internal sealed class CandidateCheck
{
    private readonly Dictionary<string, Offence> _offences = new(StringComparer.Ordinal);

    /// <summary>Walks a mapped request beside its shape and records every candidate its member rejects.</summary>
    /// <param name="operation">The request's operation.</param>
    /// <param name="request">The API-shaped request.</param>
    /// <param name="shape">Its input shape.</param>
    /// <param name="candidates">Candidates by unknown node.</param>
    /// <param name="usage">Names a use in messages, e.g.
    /// <c>NetworkConfiguration.NetworkMode of Resources/Agent (AWS::BedrockAgentCore::Runtime)</c>.</param>
    public void Collect(string operation, ObjectNode request, Shape shape, IReadOnlyDictionary<UnknownNode, IReadOnlyList<ValueCandidate>> candidates,
        Func<UnknownNode, string> usage)
    {
        if (candidates.Count > 0)
        {
            Walk(operation, request, shape, new List<string>(), candidates, usage, 0);
        }
    }

    /// <summary>The findings, one per offending literal and rule, in document order of the literals.</summary>
    public IEnumerable<Finding> Findings()
    {
        foreach (var offence in _offences.Values.OrderBy(o => o.Candidate.Value.Span.Start.Line).ThenBy(o => o.Candidate.Value.Span.Start.Column).ThenBy(o => o.RuleId, StringComparer.Ordinal))
        {
            var candidate = offence.Candidate;
            var isParameter = candidate.Origin.StartsWith("parameter", StringComparison.Ordinal);
            var value = candidate.IsSecret ? "a NoEcho value (not shown)"
                : SecretDetectors.InspectText(candidate.Value.Text) is not null ? "a value that looks like a credential (not shown)"
                : $"'{candidate.Value.Text}'";
            var sameReason = offence.Usages.Select(u => u.Reason).Distinct(StringComparer.Ordinal).Count() == 1;
            var uses = string.Join("; ", offence.Usages.Take(3).Select(u => sameReason ? u.Use : $"{u.Use}, where {u.Reason}")) +
                       (offence.Usages.Count > 3 ? $"; and {offence.Usages.Count - 3} more" : "");
            var reason = sameReason ? ": " + offence.Usages[0].Reason : "";
            if (offence.RuleId == RuleIds.EnumValue)
            {
                reason += " (case-sensitive)";
            }

            var isValidation = candidate.Origin.StartsWith("the validation", StringComparison.Ordinal);
            var what = candidate.Wording == CandidateWording.Terraform
                ? isValidation ? $"{Capitalise(candidate.Origin)} allows {value}, which is not a valid value for" : $"{Capitalise(candidate.Origin)} sets {value}, which is not a valid value for"
                : !isParameter ? $"This {candidate.Origin[3..]} sets {value}, which is not a valid value for"
                : candidate.IsDefault ? $"The default of {candidate.Origin}, {value}, is not a valid value for"
                : $"The AllowedValues of {candidate.Origin} include {value}, which is not a valid value for";
            var consequence = candidate.Wording == CandidateWording.Terraform
                ? isValidation ? "choosing it makes the apply fail; remove it from the validation condition"
                  : candidate.IsDefault ? "an apply with this value fails" : "an apply with this value file fails"
                : !isParameter ? "the deployment fails whenever this branch is taken"
                : candidate.IsDefault ? "a deployment that does not override the parameter fails"
                : "choosing it makes the deployment fail; remove it from AllowedValues";
            yield return new Finding
            {
                RuleId = offence.RuleId,
                Level = candidate.IsDefault ? RuleCatalog.Get(offence.RuleId).DefaultLevel : FindingLevel.Warning,
                Message = $"{what} {uses}{reason}; {consequence}.",
                Span = candidate.Value.Span,
                Pointer = candidate.Value.Pointer,
                LogicalLocation = offence.LogicalLocation,
            };
        }
    }

    private void Walk(string operation, DocNode node, Shape? shape, List<string> path, IReadOnlyDictionary<UnknownNode, IReadOnlyList<ValueCandidate>> candidates,
        Func<UnknownNode, string> usage, int depth)
    {
        if (shape is null || depth > CfnResolver.MaxDepth)
        {
            return;
        }

        switch (node)
        {
            case UnknownNode unknown when candidates.TryGetValue(unknown, out var list):
                foreach (var candidate in list)
                {
                    var itemShape = candidate.IsListItem ? (shape.Type == ShapeType.List ? Find(shape.ListMember) : null) : shape;
                    if (itemShape is null)
                    {
                        continue;
                    }

                    if (ShapeValidator.Shared.CheckLiteral(itemShape, candidate.Value) is { } violation)
                    {
                        Record(candidate, violation.RuleId, violation.Reason, usage(unknown), unknown);
                    }
                }

                break;

            case ObjectNode obj when shape.Type == ShapeType.Structure:
                foreach (var member in obj.Properties)
                {
                    path.Add(member.Name);
                    Walk(operation, member.Value, Find(shape.FindMember(member.Name)?.Shape), path, candidates, usage, depth + 1);
                    path.RemoveAt(path.Count - 1);
                }

                break;

            case ObjectNode map when shape.Type == ShapeType.Map:
                path.Add("{}");
                foreach (var entry in map.Properties)
                {
                    Walk(operation, entry.Value, Find(shape.MapValue), path, candidates, usage, depth + 1);
                }

                path.RemoveAt(path.Count - 1);
                break;

            case ArrayNode array when shape.Type == ShapeType.List:
                path.Add("*");
                foreach (var item in array.Items)
                {
                    Walk(operation, item, Find(shape.ListMember), path, candidates, usage, depth + 1);
                }

                path.RemoveAt(path.Count - 1);
                break;
        }
    }

    private void Record(ValueCandidate candidate, string ruleId, string reason, string usage, UnknownNode at)
    {
        var key = $"{candidate.Value.Pointer}\u0000{candidate.Value.Span}\u0000{ruleId}";
        if (!_offences.TryGetValue(key, out var offence))
        {
            var logical = candidate.Origin.StartsWith("parameter '", StringComparison.Ordinal)
                ? "Parameters/" + candidate.Origin["parameter '".Length..^1]
                : ResourceOf(at.Pointer);
            offence = new Offence(candidate, ruleId, logical);
            _offences.Add(key, offence);
        }

        if (!offence.Usages.Any(u => u.Use == usage))
        {
            offence.Usages.Add((usage, reason));
        }
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string? ResourceOf(string pointer)
    {
        var tokens = JsonPointer.Parse(pointer);
        return tokens.Count >= 2 && tokens[0] == "Resources" ? "Resources/" + tokens[1] : null;
    }

    private static Shape? Find(string? name) => name is not null && ApiModel.Shapes.TryGetValue(name, out var shape) ? shape : null;

    private sealed record Offence(ValueCandidate Candidate, string RuleId, string? LogicalLocation)
    {
        public List<(string Use, string Reason)> Usages { get; } = new();
    }
}
