using AgentCoreLint.Core.Engine;
using AgentCoreLint.Rules.Documents;
using AgentCoreLint.Rules.Analysis;
using AgentCoreLint.Rules.Model;

namespace AgentCoreLint.Core.Iac;

/// <summary>
/// Terraform plans in JSON (<c>terraform show -json plan.out</c>, format version 1.x). Each
/// <c>aws_bedrockagentcore_*</c> resource that is created, updated or kept (<c>resource_changes[].change.actions</c>
/// with <c>create</c>, <c>update</c> or <c>no-op</c>; deletions, reads, forgets and deposed objects are skipped) is
/// mapped from its planned values (<c>change.after</c>, with <c>after_unknown</c> and <c>after_sensitive</c>, see
/// <see cref="TerraformValues"/>) onto the request of the operation the provider calls (<see cref="TerraformResourceTypes"/>)
/// and linted as that request, root and child modules alike (<c>for_each</c>/<c>count</c> instances each on their own).
/// Without <c>resource_changes</c>, <c>planned_values</c> (root module and child modules, recursively) are used; they
/// omit unknown values, so absent required top-level members are not reported then. A state
/// (<c>terraform show -json</c> without a plan file: <c>values.root_module</c>) is linted the same way, all values known.
/// A finding's logical location is the resource address, and every message starts with it: plans are usually one long
/// line, so the position alone does not say which resource is meant. Sensitive values are never printed.
/// </summary>
public sealed class TerraformPlanAdapter : IInputAdapter
{
    private static readonly HashSet<string> LintedActions = new(StringComparer.Ordinal) { "create", "update", "no-op" };

    /// <inheritdoc />
    public string Kind => "Terraform plan";

    /// <inheritdoc />
    public bool Recognizes(DocNode root, string fileName) =>
        root is ObjectNode obj && obj["format_version"] is ScalarNode { Kind: NodeKind.String } &&
        (obj.Find("planned_values") is not null || obj.Find("resource_changes") is not null ||
         (obj["values"] is ObjectNode values && values.Find("root_module") is not null));

    /// <inheritdoc />
    public void CreateTargets(DocNode root, InputContext context)
    {
        if (root is not ObjectNode plan)
        {
            return;
        }

        if (plan["resource_changes"] is ArrayNode { Items.Count: > 0 } changes)
        {
            foreach (var change in changes.Items.OfType<ObjectNode>())
            {
                LintChange(change, context);
            }

            return;
        }

        if (plan["planned_values"] is ObjectNode planned && planned["root_module"] is ObjectNode module)
        {
            LintModule(module, context, plannedValuesOnly: true, 0);
        }
        else if (plan["values"] is ObjectNode state && state["root_module"] is ObjectNode stateModule)
        {
            // `terraform show -json` of a state: what is deployed, every value known.
            LintModule(stateModule, context, plannedValuesOnly: false, 0);
        }
    }

    private static void LintChange(ObjectNode resourceChange, InputContext context)
    {
        if (resourceChange["type"] is not ScalarNode { Kind: NodeKind.String } type || TerraformResourceTypes.Find(type.Text) is not { } info ||
            resourceChange["address"] is not ScalarNode { Kind: NodeKind.String } address ||
            resourceChange["mode"] is ScalarNode { Text: not "managed" } || resourceChange.Find("deposed") is not null ||
            resourceChange["change"] is not ObjectNode change || change["after"] is not ObjectNode after ||
            change["actions"] is not ArrayNode actions || !actions.Items.OfType<ScalarNode>().Any(a => LintedActions.Contains(a.Text)))
        {
            return;
        }

        var value = TerraformValues.Build(after, change["after_unknown"], change["after_sensitive"]);
        Lint(info, address, value, plannedValuesOnly: false, context);
    }

    private static void LintModule(ObjectNode module, InputContext context, bool plannedValuesOnly, int depth)
    {
        if (depth > 64)
        {
            return;
        }

        if (module["resources"] is ArrayNode resources)
        {
            foreach (var resource in resources.Items.OfType<ObjectNode>())
            {
                if (resource["type"] is ScalarNode { Kind: NodeKind.String } type && TerraformResourceTypes.Find(type.Text) is { } info &&
                    resource["address"] is ScalarNode { Kind: NodeKind.String } address && resource["mode"] is not ScalarNode { Text: not "managed" } &&
                    resource["values"] is ObjectNode values)
                {
                    Lint(info, address, TerraformValues.Build(values, null, resource["sensitive_values"]), plannedValuesOnly, context);
                }
            }
        }

        if (module["child_modules"] is ArrayNode children)
        {
            foreach (var child in children.Items.OfType<ObjectNode>())
            {
                LintModule(child, context, plannedValuesOnly, depth + 1);
            }
        }
    }

    private static void Lint(TerraformResourceType info, ScalarNode address, DocNode value, bool plannedValuesOnly, InputContext context)
    {
        if (Map(info, address.Text, address.Span, value, plannedValuesOnly, coerceScalars: false) is { } target)
        {
            context.Add(target, new TargetOrigin { MessagePrefix = address.Text + ": " });
        }
    }

    /// <summary>Maps a resource's values (planned, or evaluated from <c>.tf</c> source) onto the request the provider sends.</summary>
    /// <param name="info">The resource type's mapping.</param>
    /// <param name="address">The resource address, the target's logical location.</param>
    /// <param name="anchor">Where findings about the request as a whole point.</param>
    /// <param name="value">The resource's attribute values, blocks as lists of objects.</param>
    /// <param name="plannedValuesOnly">True for <c>planned_values</c>, which omit unknown values.</param>
    /// <param name="coerceScalars">True when values are as written (Terraform converts <c>0</c> to <c>"0"</c> for a string
    /// attribute); false for plans, which hold converted values.</param>
    /// <returns>The target, or null when the value is not an object or the operation has no input shape.</returns>
    internal static LintTarget? Map(TerraformResourceType info, string address, SourceSpan anchor, DocNode value, bool plannedValuesOnly, bool coerceScalars)
    {
        if (value is not ObjectNode values || ApiModel.InputOf(info.Operation) is not { } shape)
        {
            return null;
        }

        var rules = new Dictionary<string, MemberRule>(info.Rules, StringComparer.Ordinal);
        if (values.Find("tags_all") is { Value: not ScalarNode { Kind: NodeKind.Null } })
        {
            // The provider sends tags merged with its default_tags, which is what tags_all holds.
            rules["tags"] = new MemberRule { Drop = true };
            rules["tagsall"] = new MemberRule { ApiName = "tags" };
        }

        var mapper = new ApiTreeMapper(new MapperOptions
        {
            Rules = rules,
            Unmatched = UnmatchedMembers.Drop,
            UnwrapBlockLists = true,
            DropNullsAndEmptyLists = true,
            CoerceScalars = coerceScalars,
            // planned_values leave unknown values out: an absent required member may just be unknown until apply.
            SuppliedMembers = plannedValuesOnly
                ? shape.Required.Select(ApiTreeMapper.Normalize).ToHashSet(StringComparer.Ordinal)
                : new HashSet<string>(StringComparer.Ordinal),
        });

        return new LintTarget(info.Operation, mapper.Map(values, shape), anchor)
        {
            LogicalLocation = address,
            Contract = $"the AgentCore Control API ({info.Operation})",
        };
    }
}
