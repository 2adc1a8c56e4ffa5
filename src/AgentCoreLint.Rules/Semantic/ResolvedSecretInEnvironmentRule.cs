using AgentCoreLint.Rules.Documents;
using AgentCoreLint.Rules.Engine;
using AgentCoreLint.Rules.Model;

namespace AgentCoreLint.Rules.Semantic;

/// <summary>
/// ACL3004 (warning): an environment variable is set from a CloudFormation dynamic reference to a secret
/// (<c>{{resolve:secretsmanager:…}}</c> or <c>{{resolve:ssm-secure:…}}</c>). CloudFormation resolves the reference
/// at deployment and sends the plaintext in the request, so the secret becomes part of the resource's
/// configuration and is returned by <c>GetAgentRuntime</c>/<c>GetHarness</c>.
/// </summary>
/// <remarks>
/// Source: <c>environmentVariables</c> is part of <c>GetAgentRuntimeResponse</c> and <c>Harness</c>; the project's
/// mapping notes (section 2.3: "secrets in <c>environmentVariables</c> (literal API keys,
/// <c>{{resolve:secretsmanager:…}}</c>) end up as plain runtime configuration"). The reference may arrive as a
/// string or as an unknown value whose source expression (e.g. inside <c>Fn::Sub</c>) holds it; both are
/// recognised. The message never echoes the reference.
/// </remarks>
public sealed class ResolvedSecretInEnvironmentRule : ISemanticRule
{
    /// <summary>The rule id.</summary>
    public const string Id = "ACL3004";

    private const int MaxSourceNodes = 256;

    /// <inheritdoc />
    public IReadOnlyList<string> RuleIds { get; } = new[] { Id };

    /// <inheritdoc />
    public void Analyze(RuleContext context)
    {
        foreach (var visit in ShapeWalker.Walk(context.Target).OfShape(SensitiveFields.EnvironmentMap))
        {
            if (visit.Node is not ObjectNode map)
            {
                continue;
            }

            foreach (var entry in map.Properties)
            {
                var kind = SecretReferenceIn(entry.Value);
                if (kind is null)
                {
                    continue;
                }

                context.Report(Id, entry.Value,
                    $"environment variable {Nodes.Quote(entry.Name)} is set from {kind} dynamic reference: CloudFormation resolves it at deployment, " +
                    "so the plaintext secret is stored in the resource's configuration and returned to anyone who can read it. " +
                    $"Pass the secret's ARN or name instead (e.g. {Nodes.Quote(entry.Name + "_SECRET_ARN")}) and read the value at run time.");
            }
        }
    }

    // "a Secrets Manager" / "an SSM SecureString", or null when the value holds no secret reference.
    private static string? SecretReferenceIn(DocNode value)
    {
        var stack = new Stack<DocNode>();
        stack.Push(value);
        var budget = MaxSourceNodes;
        while (stack.Count > 0 && budget-- > 0)
        {
            switch (stack.Pop())
            {
                case ScalarNode { IsString: true } s:
                    var kind = Classify(s.Text);
                    if (kind is not null)
                    {
                        return kind;
                    }

                    break;
                case UnknownNode u:
                    var fromReason = Classify(u.Reason);
                    if (fromReason is not null)
                    {
                        return fromReason;
                    }

                    if (u.Source is not null)
                    {
                        stack.Push(u.Source);
                    }

                    break;
                case ObjectNode o:
                    foreach (var p in o.Properties)
                    {
                        stack.Push(p.Value);
                    }

                    break;
                case ArrayNode a:
                    foreach (var item in a.Items)
                    {
                        stack.Push(item);
                    }

                    break;
            }
        }

        return null;
    }

    private static string? Classify(string text)
    {
        if (text.IndexOf("{{resolve:secretsmanager:", StringComparison.Ordinal) >= 0)
        {
            return "a Secrets Manager";
        }

        return text.IndexOf("{{resolve:ssm-secure:", StringComparison.Ordinal) >= 0 ? "an SSM SecureString" : null;
    }
}
