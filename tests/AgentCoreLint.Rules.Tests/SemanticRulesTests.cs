using AgentCoreLint.Rules.Catalog;
using AgentCoreLint.Rules.Documents;
using AgentCoreLint.Rules.Analysis;
using AgentCoreLint.Rules.Model;
using AgentCoreLint.Rules.Semantic;
using AgentCoreLint.Rules.Tests.Support;

namespace AgentCoreLint.Rules.Tests;

/// <summary>Invariants of the rule set: ids, catalog entries, and no exception on any tree shape.</summary>
public sealed class SemanticRulesTests
{
    [Fact]
    public void Every_rule_reports_catalogued_ids_once_and_in_order()
    {
        var ids = SemanticRules.All.SelectMany(r => r.ReportedIds).ToList();
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.Equal(ids.OrderBy(i => i, StringComparer.Ordinal), ids);
        foreach (var id in ids)
        {
            Assert.True(RuleCatalog.TryGet(id, out _), $"{id} is not in the catalog");
        }
    }

    [Fact]
    public void Every_rule_class_is_registered_and_has_a_test_class()
    {
        var classes = typeof(ISemanticRule).Assembly.GetTypes()
            .Where(t => typeof(ISemanticRule).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(classes, SemanticRules.All.Select(r => r.GetType().Name).Order(StringComparer.Ordinal));
        var testClasses = typeof(SemanticRulesTests).Assembly.GetTypes().Select(t => t.Name).ToHashSet();
        foreach (var name in classes)
        {
            Assert.True(testClasses.Contains(name + "Tests"), $"{name} has no test class {name}Tests");
        }
    }

    [Fact]
    public void Security_rules_carry_a_security_severity()
    {
        foreach (var rule in RuleCatalog.All)
        {
            Assert.Equal(rule.Tags.Contains("security"), rule.SecuritySeverity is not null);
        }
    }

    [Fact]
    public void Suppressed_rules_do_not_report()
    {
        var root = (ObjectNode)TestJson.Parse(Requests.Runtime("""
            "filesystemConfigurations": [ { "sessionStorage": { "mountPath": "/mnt/a/b" } } ]
            """)).Root;
        var findings = RequestChecker.Default.Check(new LintTarget("CreateAgentRuntime", root, root.Span) { SuppressedRuleIds = new[] { RuleIds.MountPath } });
        Assert.DoesNotContain(findings, f => f.RuleId == RuleIds.MountPath);
    }

    public static TheoryData<string> Operations()
    {
        var data = new TheoryData<string>();
        foreach (var op in ApiModel.OperationInputs.Keys.Where(o => o.StartsWith("Create", StringComparison.Ordinal) || o.StartsWith("Update", StringComparison.Ordinal)))
        {
            data.Add(op);
        }

        return data;
    }

    /// <summary>Feeds every create/update operation trees built from its own shapes with every kind of value in
    /// every position (objects, lists, strings, numbers, null, unknowns, empty containers): no rule may throw.</summary>
    [Theory]
    [MemberData(nameof(Operations))]
    public void No_rule_throws_on_any_tree_shape(string operation)
    {
        var input = ApiModel.InputOf(operation)!;
        for (var variant = 0; variant < 8; variant++)
        {
            var root = (ObjectNode)Build(input, variant, depth: 0);
            var context = new RuleContext(new LintTarget(operation, root, root.Span));
            foreach (var rule in SemanticRules.All)
            {
                rule.Analyze(context);
            }

            foreach (var f in context.Findings)
            {
                Assert.False(string.IsNullOrWhiteSpace(f.Message));
            }

            Assert.DoesNotContain(RequestChecker.Default.Check(new LintTarget(operation, root, root.Span)), f => f.RuleId == RuleIds.RuleFailed);
        }
    }

    // A tree that follows the model where it can and puts odd values where variant says so.
    private static DocNode Build(Shape shape, int variant, int depth)
    {
        var span = SourceSpan.FileStart;
        var odd = (variant + depth) % 8;
        if (depth > 12)
        {
            return new UnknownNode(span, "", "depth");
        }

        if (depth > 0)
        {
            switch (odd)
            {
                case 5: return new ScalarNode(span, "", NodeKind.Null, "null");
                case 6: return new UnknownNode(span, "", "Fn::GetAtt");
                case 7 when shape.Type is not ShapeType.Structure: return new ObjectNode(span, "", Array.Empty<PropertyNode>());
            }
        }

        switch (shape.Type)
        {
            case ShapeType.Structure:
                if (odd == 4 && depth > 0)
                {
                    return new ArrayNode(span, "", Array.Empty<DocNode>());
                }

                var members = new List<PropertyNode>();
                foreach (var m in shape.Members)
                {
                    if (ApiModel.Shapes.TryGetValue(m.Shape, out var ms))
                    {
                        members.Add(new PropertyNode(m.Name, span, Build(ms, variant + members.Count, depth + 1)));
                    }
                }

                return new ObjectNode(span, "", members);
            case ShapeType.List:
                var item = ApiModel.Shapes[shape.ListMember!];
                return new ArrayNode(span, "", odd == 3 ? Array.Empty<DocNode>() : new[] { Build(item, variant, depth + 1), Build(item, variant + 1, depth + 1) });
            case ShapeType.Map:
                var value = ApiModel.Shapes[shape.MapValue!];
                return new ObjectNode(span, "", new[]
                {
                    new PropertyNode("API_TOKEN", span, Build(value, variant, depth + 1)),
                    new PropertyNode("", span, Build(value, variant + 2, depth + 1)),
                });
            case ShapeType.String:
                var text = shape.EnumValues is { Count: > 0 } e ? e[variant % e.Count] : (variant % 4) switch
                {
                    0 => "",
                    1 => "/mnt/a/b",
                    2 => "sk-ant-api03-" + new string('Q', 40) + "Zz9",
                    _ => "subnet-1",
                };
                return new ScalarNode(span, "", odd == 2 ? NodeKind.Integer : NodeKind.String, odd == 2 ? "99999999999999999999999" : text);
            case ShapeType.Integer or ShapeType.Long:
                return new ScalarNode(span, "", odd == 1 ? NodeKind.String : NodeKind.Integer, odd == 1 ? "sixty" : (variant * 1000).ToString(System.Globalization.CultureInfo.InvariantCulture));
            case ShapeType.Boolean:
                return new ScalarNode(span, "", NodeKind.Boolean, "true");
            default:
                return new ScalarNode(span, "", NodeKind.Float, "1.5e3");
        }
    }
}
