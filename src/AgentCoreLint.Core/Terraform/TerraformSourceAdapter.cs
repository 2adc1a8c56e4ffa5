using AgentCoreLint.Core.Engine;
using AgentCoreLint.Core.Iac;
using AgentCoreLint.Core.Terraform.Hcl;
using AgentCoreLint.Rules.Catalog;
using AgentCoreLint.Rules.Documents;
using AgentCoreLint.Rules.Analysis;
using AgentCoreLint.Rules.Findings;
using AgentCoreLint.Rules.Model;
using AgentCoreLint.Rules.Secrets;

namespace AgentCoreLint.Core.Terraform;

/// <summary>
/// Terraform source (<c>.tf</c>, with the <c>.tfvars</c> of the same folder): every <c>aws_bedrockagentcore_*</c> and
/// <c>awscc_bedrockagentcore_*</c> resource block of the linted file is evaluated (<see cref="TerraformEvaluator"/>) and
/// mapped onto the request the provider sends with the plan input's mapping (<see cref="TerraformResourceTypes"/>,
/// <see cref="TerraformPlanAdapter"/>), so findings land on the attribute's line in the <c>.tf</c> file. The module is
/// the folder (<see cref="TerraformModule"/>). Beside the request checks:
/// <list type="bullet">
/// <item>literals a variable may take (its default, its <c>.tfvars</c> values, the values its <c>validation</c>
/// allows) are checked against every attribute the variable feeds, and reported in the file that writes them
/// (ACL1004/ACL1005/…; a validation entry or a non-auto-loaded <c>.tfvars</c> value is a warning);</item>
/// <item>a variable marked <c>sensitive = true</c>, or named like a secret, that flows into environment variables
/// (ACL3001) or headers and custom parameters (ACL3002) is reported at the value.</item>
/// </list>
/// </summary>
public sealed class TerraformSourceAdapter : IInputAdapter
{
    /// <inheritdoc />
    public string Kind => "Terraform configuration";

    /// <inheritdoc />
    public bool Recognizes(DocNode root, string fileName) => root is HclDocument;

    /// <inheritdoc />
    public void CreateTargets(DocNode root, InputContext context)
    {
        if (root is not HclDocument document)
        {
            return;
        }

        var module = TerraformModule.Load(context.FileName, document.File, context.Options.Load.MaxFileBytes, context.Options.Load.MaxDepth);
        var candidates = new CandidateCheck();
        var agentCore = false;
        foreach (var resource in module.Resources)
        {
            if (!TerraformResourceTypes.IsAgentCoreType(resource.Type))
            {
                continue;
            }

            agentCore = true;
            if (TerraformResourceTypes.Find(resource.Type) is not { } info || ApiModel.InputOf(info.Operation) is not { } shape ||
                resource.Block.Body.Attribute("count")?.Value is HclLiteral { Kind: HclLiteralKind.Number, Text: "0" })
            {
                continue;
            }

            var evaluator = new TerraformEvaluator(module, resource.Path);
            var values = evaluator.EvaluateBody(resource.Block.Body, $"/resource/{resource.Type}/{resource.Name}");
            var anchor = resource.Block.Labels[^1].Span;
            if (TerraformPlanAdapter.Map(info, resource.Address, anchor, values, plannedValuesOnly: false, coerceScalars: true) is not { } target)
            {
                continue;
            }

            if (SamePath(resource.Path, context.FileName))
            {
                context.Add(target, new TargetOrigin { MessagePrefix = resource.Address + ": " });
                context.Findings.AddRange(SecretFlows(target, evaluator, resource.Address));
            }

            var here = evaluator.Candidates
                .Select(c => (c.Key, Values: (IReadOnlyList<ValueCandidate>)c.Value.Where(v => evaluator.CandidateFiles.TryGetValue(v.Value, out var file) && SamePath(file, context.FileName)).ToList()))
                .Where(c => c.Values.Count > 0)
                .ToDictionary(c => c.Key, c => c.Values, (IEqualityComparer<UnknownNode>)ReferenceEqualityComparer.Instance);
            candidates.Collect(info.Operation, (ObjectNode)target.Request, shape, here, unknown => $"{AttributePath(unknown.Pointer)} of {resource.Address}");
        }

        context.Findings.AddRange(candidates.Findings());
        if (!agentCore && context.IsExplicit && context.Options.Operation is null)
        {
            context.Findings.Add(new Finding
            {
                RuleId = RuleIds.UnrecognizedInput,
                Level = RuleCatalog.Get(RuleIds.UnrecognizedInput).DefaultLevel,
                Message = "The Terraform module in this folder declares no aws_bedrockagentcore_* or awscc_bedrockagentcore_* resource, so there is nothing to check.",
                Span = SourceSpan.FileStart,
                Pointer = JsonPointer.Root,
            });
        }
    }

    private static bool SamePath(string a, string b)
    {
        try
        {
            return string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return string.Equals(a, b, StringComparison.Ordinal);
        }
    }

    /// <summary><c>/resource/type/name/network_configuration/0/network_mode</c> → <c>network_configuration.network_mode</c>.</summary>
    private static string AttributePath(string pointer)
    {
        var tokens = JsonPointer.Parse(pointer);
        return string.Join('.', tokens.Skip(3).Where(t => !t.All(char.IsAsciiDigit)));
    }

    private static IEnumerable<Finding> SecretFlows(LintTarget target, TerraformEvaluator evaluator, string address)
    {
        var byPointer = new Dictionary<string, IReadOnlyList<VariableUse>>(StringComparer.Ordinal);
        foreach (var (node, variables) in evaluator.VariablesOf)
        {
            byPointer[node.Pointer] = variables;
        }

        foreach (var visit in target.Walk.Visits)
        {
            var isEnvironment = visit.Shape.Name == "EnvironmentVariablesMap";
            if (visit.Node is not ObjectNode map || !(isEnvironment || visit.Shape.Name is "HttpHeadersMap" or "OAuthCustomParameters" or "CustomParameterMap"))
            {
                continue;
            }

            foreach (var entry in map.Properties)
            {
                if (entry.Value is not UnknownNode || !byPointer.TryGetValue(entry.Value.Pointer, out var variables) ||
                    variables.FirstOrDefault(v => v.IsSensitive || SecretDetectors.IsSecretLikeName(v.Name)) is not { } secret)
                {
                    continue;
                }

                var ruleId = isEnvironment ? RuleIds.SecretInEnvironment : RuleIds.SecretInSensitiveField;
                var what = isEnvironment ? $"environment variable '{entry.Name}'" : $"'{entry.Name}' of {visit.Shape.Name}";
                var marked = secret.IsSensitive ? "the sensitive variable" : "the variable";
                yield return new Finding
                {
                    RuleId = ruleId,
                    Level = RuleCatalog.Get(ruleId).DefaultLevel,
                    Message = $"{address}: {what} is set from {marked} '{secret.Name}', a secret: " +
                              (isEnvironment ? "environment variables are plain configuration, returned to anyone who can read the runtime" : "the value is sent in plain text and kept in the resource's configuration") +
                              ", and it lands in the Terraform state and plan. Move it to Secrets Manager / an AgentCore Identity credential provider and pass its ARN or name instead.",
                    Span = entry.Value.Span,
                    Pointer = entry.Value.Pointer,
                    LogicalLocation = address,
                };
            }
        }
    }
}
