using AgentCoreLint.Rules.Catalog;
using AgentCoreLint.Rules.Documents;
using AgentCoreLint.Rules.Analysis;
using AgentCoreLint.Rules.Model;

namespace AgentCoreLint.Rules.Semantic;

/// <summary>
/// ACL1009: in a custom claim validation (shape <c>CustomClaimValidationType</c>, used by runtime, harness and
/// gateway JWT authorizers) the match operator must fit the claim's value type and the match value.
/// </summary>
/// <remarks>
/// Sources: the model documentation of <c>ClaimMatchValueType</c> ("Include a <c>matchValueString</c> with the
/// <c>EQUALS</c> operator … Use <c>CONTAINS_ANY</c> to yield a match if the claim field value contains any of
/// the strings in the array") and of <c>CustomClaimValidationType.inboundTokenClaimValueType</c>; the Terraform
/// documentation of <c>authorizing_claim_match_value</c> ("EQUALS can be used only when
/// inboundTokenClaimValueType is STRING. CONTAINS or CONTAINS_ANY can be used only when
/// inboundTokenClaimValueType is STRING_ARRAY"; <c>match_value_string_list</c> "must be specified when
/// claimMatchOperator is CONTAINS_ANY"). Which member <c>CONTAINS</c> takes is described differently by the model
/// (an array) and by Terraform (a string), so it is not checked.
/// </remarks>
public sealed class ClaimMatchRule() : SemanticRule(RuleIds.ClaimMatchOperator)
{
    private const string MatchValueString = "matchValueString";
    private const string MatchValueStringList = "matchValueStringList";

    /// <inheritdoc />
    public override void Analyze(RuleContext context)
    {
        foreach (var visit in context.Target.Walk.OfShape("CustomClaimValidationType"))
        {
            if (visit.Node is ObjectNode claim)
            {
                Check(context, claim);
            }
        }
    }

    private static void Check(RuleContext context, ObjectNode claim)
    {
        if (claim["authorizingClaimMatchValue"] is not ObjectNode match)
        {
            return;
        }

        var operatorNode = match["claimMatchOperator"];
        if (!Nodes.TryGetString(operatorNode, out var op))
        {
            return;
        }

        var neededType = op switch
        {
            "EQUALS" => "STRING",
            "CONTAINS" or "CONTAINS_ANY" => "STRING_ARRAY",
            _ => null,
        };
        if (neededType is not null && Nodes.TryGetString(claim["inboundTokenClaimValueType"], out var valueType) &&
            valueType is "STRING" or "STRING_ARRAY" && valueType != neededType)
        {
            var fix = op == "EQUALS"
                ? "use CONTAINS or CONTAINS_ANY to match an array claim, or set inboundTokenClaimValueType to 'STRING'"
                : "use EQUALS to match a single-string claim, or set inboundTokenClaimValueType to 'STRING_ARRAY'";
            context.Report(RuleIds.ClaimMatchOperator, operatorNode!,
                $"claimMatchOperator '{op}' works on {(neededType == "STRING" ? "a single-string" : "an array")} claim, but inboundTokenClaimValueType is '{valueType}': {fix}.");
            return;
        }

        var neededMember = op switch
        {
            "EQUALS" => MatchValueString,
            "CONTAINS_ANY" => MatchValueStringList,
            _ => null,
        };
        if (neededMember is null || match["claimMatchValue"] is not ObjectNode value)
        {
            return;
        }

        var set = SingleSetMember(value);
        if (set is null || set.Name == neededMember)
        {
            return;
        }

        var what = neededMember == MatchValueString ? "one string to compare with" : "the list of strings to look for";
        context.ReportAtKey(RuleIds.ClaimMatchOperator, set,
            $"claimMatchOperator '{op}' needs {neededMember} ({what}), but claimMatchValue sets {set.Name}: use {neededMember}" +
            (op == "EQUALS" ? ", or CONTAINS_ANY with an array claim." : ", or EQUALS with a single-string claim."));
    }

    // The one member of ClaimMatchValueType that is set, or null when none, several (ACL1008) or an unknown one is.
    private static PropertyNode? SingleSetMember(ObjectNode value)
    {
        PropertyNode? found = null;
        foreach (var p in value.Properties)
        {
            if (p.Name is not (MatchValueString or MatchValueStringList) || !Nodes.IsPresent(p.Value))
            {
                continue;
            }

            if (Nodes.IsUnknown(p.Value) || found is not null)
            {
                return null;
            }

            found = p;
        }

        return found;
    }
}
