using AgentCoreLint.Core.Engine;
using AgentCoreLint.Rules.Schema;
using AgentCoreLint.Rules.Catalog;
using AgentCoreLint.Rules.Documents;
using AgentCoreLint.Rules.Analysis;
using AgentCoreLint.Rules.Findings;
using AgentCoreLint.Rules.Model;

namespace AgentCoreLint.Core.Iac;

/// <summary>
/// CloudFormation templates, YAML or JSON, hand-written or <c>cdk synth</c> output (<c>cdk.out/*.template.json</c>).
/// Every <c>AWS::BedrockAgentCore::*</c> resource is checked twice, with one finding per problem:
/// <list type="number">
/// <item>its <c>Properties</c>, intrinsic functions resolved or unknown (<see cref="CfnResolver"/>), against the type's
/// CloudFormation resource provider schema (<see cref="CfnSchemaValidator"/>; messages name "the CloudFormation schema of
/// AWS::BedrockAgentCore::…");</item>
/// <item>mapped onto the request of the operation the resource handler calls (<see cref="CfnResourceTypes"/>,
/// <see cref="ApiTreeMapper"/>), against the AgentCore Control API schema and the semantic rules (messages name "the
/// AgentCore Control API (CreateAgentRuntime)"), which adds what the CloudFormation schema lacks: anchored name patterns,
/// API lengths, unions, network, storage and secret rules.</item>
/// </list>
/// Where both schemas reject the same value, the CloudFormation finding is kept (see <see cref="RequestChecker"/>).
/// Findings point at the template's property lines; their logical location is <c>Resources/&lt;LogicalId&gt;</c>.
/// A resource's <c>Metadata: {agentcorelint: {ignore: [ACL2102]}}</c> suppresses rules for it. Parameter literals that
/// feed an API enum are checked where they are written (<see cref="CandidateCheck"/>).
/// </summary>
public sealed class CloudFormationAdapter : IInputAdapter
{
    /// <inheritdoc />
    public string Kind => "CloudFormation template";

    /// <inheritdoc />
    public bool Recognizes(DocNode root, string fileName) => CfnTemplate.IsTemplate(root);

    /// <inheritdoc />
    public void CreateTargets(DocNode root, InputContext context)
    {
        if (CfnTemplate.From(root) is not { Resources: { } resources } template)
        {
            return;
        }

        var resolver = new CfnResolver(template);
        var candidates = new CandidateCheck();
        foreach (var entry in resources.Properties)
        {
            if (entry.Value is ObjectNode resource && resource["Type"] is ScalarNode { Kind: NodeKind.String } type &&
                type.Text.StartsWith(CfnResourceTypes.Prefix, StringComparison.Ordinal))
            {
                LintResource(entry, resource, type, resolver, candidates, context);
            }
        }

        context.Findings.AddRange(candidates.Findings());
    }

    private static void LintResource(PropertyNode entry, ObjectNode resource, ScalarNode type, CfnResolver resolver, CandidateCheck candidates, InputContext context)
    {
        var logical = "Resources/" + entry.Name;
        var info = CfnResourceTypes.Find(type.Text);
        var schema = info is null ? null : CfnSchemas.Get(type.Text);
        if (info is null || schema is null)
        {
            var suggestion = Suggestions.Closest(type.Text, CfnResourceTypes.TypeNames.ToList());
            context.Findings.Add(new Finding
            {
                RuleId = RuleIds.UnknownResourceType,
                Level = RuleCatalog.Get(RuleIds.UnknownResourceType).DefaultLevel,
                Message = $"'{type.Text}' is not an AgentCore resource type in this linter's CloudFormation schemas (registry snapshot of 2026-07-22)" +
                          (suggestion is not null ? $"; did you mean '{suggestion}'?" : "; CloudFormation rejects unknown types. If the type is newer than this linter, suppress ACL0005 for the resource.") +
                          " The resource was not checked.",
                Span = type.Span,
                Pointer = type.Pointer,
                LogicalLocation = logical,
            });
            return;
        }

        var suppressed = Suppressions(resource, logical, context);
        foreach (var rule in TemplateRules.All)
        {
            context.Findings.AddRange(rule.Check(resource, logical).Where(f => !suppressed.Contains(f.RuleId)));
        }
        var propertiesMember = resource.Find("Properties");
        var anchor = propertiesMember?.KeySpan ?? entry.KeySpan;
        ObjectNode properties;
        switch (propertiesMember is null ? null : resolver.Resolve(propertiesMember.Value))
        {
            case null when propertiesMember is null:
                properties = new ObjectNode(entry.KeySpan.Head, JsonPointer.Append(resource.Pointer, "Properties"), Array.Empty<PropertyNode>());
                break;
            case ObjectNode resolved:
                properties = resolved;
                break;
            case UnknownNode or null:
                return; // Properties computed by a function (or removed): nothing is known before deployment.
            default:
                if (!suppressed.Contains(RuleIds.WrongType))
                {
                    context.Findings.Add(new Finding
                    {
                        RuleId = RuleIds.WrongType,
                        Level = RuleCatalog.Get(RuleIds.WrongType).DefaultLevel,
                        Message = $"The Properties of {type.Text} must be an object, not {propertiesMember!.Value.KindDescription} (the CloudFormation schema of {type.Text}).",
                        Span = propertiesMember.Value.Span,
                        Pointer = propertiesMember.Value.Pointer,
                        LogicalLocation = logical,
                    });
                }

                return;
        }

        var issues = CfnSchemaValidator.Validate(schema, properties, anchor);
        if (info.Operation is not { } operation || ApiModel.InputOf(operation) is not { } shape)
        {
            context.Findings.AddRange(issues.Select(i => i.Render(_ => false, logical)).Where(f => !suppressed.Contains(f.RuleId)));
            return;
        }

        var mapper = new ApiTreeMapper(new MapperOptions
        {
            Rules = info.Rules,
            Unmatched = UnmatchedMembers.KeepAsUnknown,
            CoerceScalars = true,
            IsReadOnly = schema.ReadOnlyPaths.Contains,
            SuppliedMembers = info.Supplied,
        });
        var request = mapper.Map(properties, shape);
        var sourceFindings = issues.Select(i => i.Render(n => mapper.SensitivePointers.Contains(n.Pointer), logical))
            .Concat(mapper.ReadOnlyMembers.Select(m => ReadOnlyFinding(m.Member, m.Path, type.Text, entry.Name, logical)))
            .Concat(type.Text == "AWS::BedrockAgentCore::Runtime" ? CfnLegacyLimits.Check(properties, logical) : Enumerable.Empty<Finding>())
            .ToList();
        var target = new LintTarget(operation, request, anchor)
        {
            LogicalLocation = logical,
            Contract = $"the AgentCore Control API ({operation})",
            SuppressedRuleIds = suppressed,
        };
        context.Add(target, new TargetOrigin
        {
            SourceContractFindings = sourceFindings,
            ReportedMissing = issues.Where(i => i.MissingMember is not null).Select(i => (i.Pointer, i.MissingMember!)).ToList(),
        });

        if (!suppressed.Contains(RuleIds.EnumValue))
        {
            candidates.Collect(operation, request, shape, resolver.Candidates, unknown => $"{PropertyPath(unknown.Pointer)} of {logical} ({type.Text})");
        }
    }

    /// <summary>Reads <c>Metadata.agentcorelint.ignore</c>: a list of rule ids, or one string of ids separated by commas
    /// or spaces. An id the catalog does not know is an ACL0003 finding at that id.</summary>
    private static IReadOnlyCollection<string> Suppressions(ObjectNode resource, string logical, InputContext context)
    {
        if (resource["Metadata"] is not ObjectNode metadata || metadata["agentcorelint"] is not ObjectNode settings ||
            settings.Find("ignore") is not { } ignore)
        {
            return Array.Empty<string>();
        }

        var entries = ignore.Value switch
        {
            ArrayNode list => list.Items,
            ScalarNode scalar => new DocNode[] { scalar },
            _ => Array.Empty<DocNode>(),
        };

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in entries)
        {
            var words = node is ScalarNode { Kind: NodeKind.String } s
                ? s.Text.Split(new[] { ',', ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries)
                : new[] { node is ScalarNode other ? other.Text : node.KindDescription };
            foreach (var word in words)
            {
                if (RuleCatalog.TryGet(word.ToUpperInvariant(), out _))
                {
                    ids.Add(word.ToUpperInvariant());
                    continue;
                }

                var suggestion = Suggestions.Closest(word, RuleCatalog.All.Select(r => r.Id).ToList());
                context.Findings.Add(new Finding
                {
                    RuleId = RuleIds.InvalidConfiguration,
                    Level = RuleCatalog.Get(RuleIds.InvalidConfiguration).DefaultLevel,
                    Message = $"Unknown rule id '{word}' in Metadata.agentcorelint.ignore of {logical}" +
                              (suggestion is not null ? $"; did you mean '{suggestion}'?" : "") + ". `agentcorelint rules` lists the rule ids.",
                    Span = node.Span,
                    Pointer = node.Pointer,
                    LogicalLocation = logical,
                });
            }
        }

        return ids;
    }

    private static Finding ReadOnlyFinding(PropertyNode member, string path, string typeName, string logicalId, string logical)
    {
        var topLevel = !path.Contains('/');
        var message = topLevel
            ? $"'{member.Name}' is a read-only attribute of {typeName}: CloudFormation sets it after creation, a template cannot set it (the CloudFormation schema lists it in readOnlyProperties). Remove it; read it with !GetAtt {logicalId}.{member.Name}."
            : $"'{PropertyPath(member.Pointer)}' is read-only in {typeName}: the service sets it, a template cannot (the CloudFormation schema lists it in readOnlyProperties). Remove it.";
        return new Finding
        {
            RuleId = RuleIds.UnknownMember,
            Level = RuleCatalog.Get(RuleIds.UnknownMember).DefaultLevel,
            Message = message,
            Span = member.KeySpan,
            Pointer = member.Pointer,
            LogicalLocation = logical,
        };
    }

    /// <summary>The property path of a template pointer below a resource's Properties: <c>NetworkConfiguration.NetworkMode</c>.</summary>
    private static string PropertyPath(string pointer)
    {
        var tokens = JsonPointer.Parse(pointer);
        var start = tokens.Count >= 3 && tokens[0] == "Resources" && tokens[2] == "Properties" ? 3 : 0;
        var path = new System.Text.StringBuilder();
        for (var i = start; i < tokens.Count; i++)
        {
            if (int.TryParse(tokens[i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                path.Append('[').Append(tokens[i]).Append(']');
            }
            else
            {
                path.Append(path.Length > 0 ? "." : "").Append(tokens[i]);
            }
        }

        return path.Length > 0 ? path.ToString() : "Properties";
    }
}
