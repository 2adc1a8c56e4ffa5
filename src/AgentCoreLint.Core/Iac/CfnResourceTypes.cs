namespace AgentCoreLint.Core.Iac;

/// <summary>How one CloudFormation resource type maps onto the AgentCore Control API.</summary>
/// <param name="TypeName">The CloudFormation type, e.g. <c>AWS::BedrockAgentCore::Runtime</c>.</param>
/// <param name="Operation">The create operation the resource handler calls, or null when the type has no request
/// counterpart in the service model (then only the CloudFormation schema is checked).</param>
/// <param name="Rules">Members whose mapping differs beyond case (see <see cref="MemberRule"/>).</param>
/// <param name="Supplied">API-required members (normalised paths) the template may omit because CloudFormation
/// supplies them.</param>
internal sealed record CfnResourceType(string TypeName, string? Operation, IReadOnlyDictionary<string, MemberRule> Rules, IReadOnlySet<string> Supplied);

/// <summary>
/// The <c>AWS::BedrockAgentCore::*</c> types and their operations. The member differences come from comparing the
/// vendored CloudFormation schemas with the service model (the generated field map in
/// <c>shared/reference/cloudformation/API-FIELD-MAP.md</c> lists them as RENAMED/RESHAPED); everything else maps by
/// name (see <see cref="ApiTreeMapper"/>). Generic differences handled by the mapper for every type: tags written as a
/// list of <c>{Key, Value}</c> (Harness, Evaluator, PolicyEngine, …) become the API's map; read-only properties
/// (<c>readOnlyProperties</c>, e.g. Memory strategies' <c>Status</c>, <c>StrategyId</c>) are reported and left out.
/// </summary>
internal static class CfnResourceTypes
{
    /// <summary>The type prefix of AgentCore resources.</summary>
    public const string Prefix = "AWS::BedrockAgentCore::";

    private static readonly MemberRule CertificateLocation = new() { ApiName = "location", WrapIn = "secretsManager" };

    private static readonly IReadOnlyDictionary<string, CfnResourceType> Types = new[]
    {
        // The CFN property is the protocol name; the API nests it: protocolConfiguration.serverProtocol.
        Type("Runtime", "CreateAgentRuntime", ("protocolconfiguration", new MemberRule { WrapIn = "serverProtocol", WrapOnlyNonObjects = true })),
        Type("RuntimeEndpoint", "CreateAgentRuntimeEndpoint"),
        Type("BrowserCustom", "CreateBrowser",
            ("recordingconfig", new MemberRule { ApiName = "recording" }),
            // CloudFormation flattens the certificate and enterprise-policy location unions to their only member.
            ("certificates/*/certificatelocation", CertificateLocation),
            ("enterprisepolicies/*/location", new MemberRule { WrapIn = "s3" })) with
        {
            // BrowserSigning.Enabled is optional in the CloudFormation schema; the handler sends false when it is absent.
            Supplied = new HashSet<string>(StringComparer.Ordinal) { "browsersigning/enabled" },
        },
        Type("BrowserProfile", "CreateBrowserProfile"),
        Type("CodeInterpreterCustom", "CreateCodeInterpreter", ("certificates/*/certificatelocation", CertificateLocation)),
        Type("Gateway", "CreateGateway"),
        // The CloudFormation schema makes Name optional (a generated name); GatewayIdentifier stays required by the API.
        Type("GatewayTarget", "CreateGatewayTarget") with { Supplied = new HashSet<string>(StringComparer.Ordinal) { "name" } },
        Type("Memory", "CreateMemory"),
        Type("Harness", "CreateHarness"),
        Type("ApiKeyCredentialProvider", "CreateApiKeyCredentialProvider"),
        Type("OAuth2CredentialProvider", "CreateOauth2CredentialProvider"),
        Type("WorkloadIdentity", "CreateWorkloadIdentity"),
        Type("Policy", "CreatePolicy"),
        Type("PolicyEngine", "CreatePolicyEngine"),
        Type("Evaluator", "CreateEvaluator"),
        // enableOnCreate is set by the handler; Evaluators became optional in the schema (2026-07 snapshot).
        Type("OnlineEvaluationConfig", "CreateOnlineEvaluationConfig") with
        {
            Supplied = new HashSet<string>(StringComparer.Ordinal) { "enableoncreate", "evaluators" },
        },
        Type("ConfigurationBundle", "CreateConfigurationBundle"),
        Type("PaymentConnector", "CreatePaymentConnector",
            ("connectorname", new MemberRule { ApiName = "name" }),
            ("connectortype", new MemberRule { ApiName = "type" })),
        Type("PaymentCredentialProvider", "CreatePaymentCredentialProvider"),
        Type("PaymentManager", "CreatePaymentManager"),
        Type("HarnessEndpoint", null),
        Type("Dataset", null),
        Type("ResourcePolicy", null),
    }.ToDictionary(t => t.TypeName, StringComparer.Ordinal);

    /// <summary>The mapping of a type, or null when the type is not an AgentCore type the linter knows.</summary>
    public static CfnResourceType? Find(string typeName) => Types.TryGetValue(typeName, out var type) ? type : null;

    /// <summary>Every known type name.</summary>
    public static IEnumerable<string> TypeNames => Types.Keys;

    private static CfnResourceType Type(string name, string? operation, params (string Path, MemberRule Rule)[] rules) =>
        new(Prefix + name, operation, rules.ToDictionary(r => r.Path, r => r.Rule, StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
}
