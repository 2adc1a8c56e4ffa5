using System.Text.RegularExpressions;
using AgentCoreLint.Rules.Catalog;
using AgentCoreLint.Rules.Documents;
using AgentCoreLint.Rules.Findings;

namespace AgentCoreLint.Core.Iac;

/// <summary>
/// ACL4003: a resource's <c>DependsOn</c> names a resource its properties already reference with <c>Ref</c>,
/// <c>Fn::GetAtt</c> or <c>Fn::Sub</c>. CloudFormation derives that dependency itself ("Resources that reference other
/// resources … have an implicit dependency"), so the entry is noise that outlives refactorings (cfn-lint W3005).
/// </summary>
public sealed partial class RedundantDependsOnRule : ITemplateRule
{
    /// <inheritdoc />
    public IReadOnlyList<string> ReportedIds { get; } = new[] { RuleIds.RedundantDependsOn };

    /// <summary>Reports each redundant <c>DependsOn</c> entry of <paramref name="resource"/>.</summary>
    /// <param name="resource">The resource's mapping (with <c>Type</c>, <c>Properties</c>, <c>DependsOn</c>).</param>
    /// <param name="logical">The logical location, <c>Resources/&lt;LogicalId&gt;</c>.</param>
    public IEnumerable<Finding> Check(ObjectNode resource, string logical)
    {
        var dependsOn = resource["DependsOn"] switch
        {
            ScalarNode { IsString: true } single => new[] { single },
            ArrayNode list => list.Items.OfType<ScalarNode>().Where(s => s.IsString).ToArray(),
            _ => Array.Empty<ScalarNode>(),
        };
        if (dependsOn.Length == 0 || resource["Properties"] is not { } properties)
        {
            yield break;
        }

        var referenced = new HashSet<string>(StringComparer.Ordinal);
        Collect(properties, referenced);
        foreach (var entry in dependsOn.Where(d => referenced.Contains(d.Text)))
        {
            yield return new Finding
            {
                RuleId = RuleIds.RedundantDependsOn,
                Level = RuleCatalog.Get(RuleIds.RedundantDependsOn).DefaultLevel,
                Message = $"DependsOn '{entry.Text}' of {logical} is redundant: its Properties already reference {entry.Text} (Ref, Fn::GetAtt or Fn::Sub), which makes CloudFormation create it first. Remove the entry.",
                Span = entry.Span,
                Pointer = entry.Pointer,
                LogicalLocation = logical,
            };
        }
    }

    /// <summary>Adds every logical id that <paramref name="node"/> references, walking iteratively (templates can nest deeply).</summary>
    private static void Collect(DocNode node, HashSet<string> into)
    {
        var pending = new Stack<DocNode>();
        pending.Push(node);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case ScalarNode { IsString: true } s when s.Tag is "!Ref":
                    into.Add(s.Text);
                    break;
                case ScalarNode { IsString: true } s when s.Tag is "!GetAtt":
                    into.Add(s.Text.Split('.')[0]);
                    break;
                case ScalarNode { IsString: true } s when s.Tag is "!Sub":
                    AddSubstitutions(s.Text, into);
                    break;
                case ObjectNode { Properties.Count: 1 } o when o.Properties[0].Name == "Ref" && o.Properties[0].Value is ScalarNode { IsString: true } r:
                    into.Add(r.Text);
                    break;
                case ObjectNode { Properties.Count: 1 } o when o.Properties[0].Name == "Fn::GetAtt":
                    switch (o.Properties[0].Value)
                    {
                        case ArrayNode { Items.Count: > 0 } a when a.Items[0] is ScalarNode { IsString: true } id:
                            into.Add(id.Text);
                            break;
                        case ScalarNode { IsString: true } dotted:
                            into.Add(dotted.Text.Split('.')[0]);
                            break;
                    }

                    break;
                case ObjectNode { Properties.Count: 1 } o when o.Properties[0].Name == "Fn::Sub":
                    var sub = o.Properties[0].Value;
                    if ((sub as ScalarNode ?? (sub as ArrayNode)?.Items.FirstOrDefault() as ScalarNode) is { IsString: true } template)
                    {
                        AddSubstitutions(template.Text, into);
                    }

                    if (sub is ArrayNode { Items.Count: > 1 } withVariables)
                    {
                        pending.Push(withVariables.Items[1]);
                    }

                    break;
                case ObjectNode o:
                    foreach (var p in o.Properties)
                    {
                        pending.Push(p.Value);
                    }

                    break;
                case ArrayNode a:
                    foreach (var item in a.Items)
                    {
                        pending.Push(item);
                    }

                    break;
            }
        }
    }

    private static void AddSubstitutions(string template, HashSet<string> into)
    {
        foreach (Match m in Substitution().Matches(template))
        {
            into.Add(m.Groups[1].Value);
        }
    }

    // ${LogicalId} or ${LogicalId.Attribute}; ${!Literal} is an escaped literal, and pseudo parameters contain '::'.
    [GeneratedRegex(@"\$\{([A-Za-z0-9]+)(?:\.[A-Za-z0-9.]+)?\}", RegexOptions.CultureInvariant)]
    private static partial Regex Substitution();
}
