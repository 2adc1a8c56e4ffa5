using AgentCoreLint.Rules.Findings;
using AgentCoreLint.Rules.Model;
using AgentCoreLint.Rules.Secrets;

namespace AgentCoreLint.Rules.Semantic;

/// <summary>
/// Where the secret rules look, by shape name. Environment variables (<c>EnvironmentVariablesMap</c>) belong to
/// ACL3001; ACL3002 covers the name/value maps sent to other services (<c>HttpHeadersMap</c> of a remote MCP
/// server, <c>OAuthCustomParameters</c> whose values are the sensitive <c>OAuthCustomParametersValue</c>,
/// <c>CustomParameterMap</c>) and free text: every sensitive string shape (e.g. <c>SensitiveText</c> of a system
/// prompt, <c>Prompt</c>, <c>Description</c>, <c>HarnessRemoteMcpUrl</c>) and every <c>*Description*</c> shape,
/// plus members named <c>description</c> or ending in <c>Prompt</c>/<c>Instructions</c> whatever their shape.
/// </summary>
internal static class SensitiveFields
{
    /// <summary>The environment variables map (ACL3001).</summary>
    public const string EnvironmentMap = "EnvironmentVariablesMap";

    /// <summary>Fix text shared by the secret rules.</summary>
    public const string Fix =
        "store the secret in AWS Secrets Manager or an AgentCore Identity credential provider (API key or OAuth2) and reference it instead, " +
        "then rotate the exposed credential";

    /// <summary>True for the name/value maps of ACL3002.</summary>
    public static bool IsKeyedMap(Shape shape) =>
        shape.Type == ShapeType.Map && shape.Name is "HttpHeadersMap" or "OAuthCustomParameters" or "CustomParameterMap";

    /// <summary>How a map entry is named in messages, e.g. <c>header 'Authorization'</c>.</summary>
    public static string DescribeEntry(Shape map, string key) => map.Name switch
    {
        "HttpHeadersMap" => "header " + Nodes.Quote(key),
        "OAuthCustomParameters" => "OAuth custom parameter " + Nodes.Quote(key),
        _ => "custom parameter " + Nodes.Quote(key),
    };

    /// <summary>True when a string value is free text where a credential must never be pasted.</summary>
    /// <param name="visit">A visit of a string value that is not an entry of a keyed map or of the environment map.</param>
    public static bool IsFreeText(ShapeVisit visit)
    {
        var shape = visit.Shape;
        if (shape.Type != ShapeType.String || IsCredentialSlot(shape.Name))
        {
            return false;
        }

        // InlinePayload is an OpenAPI or Smithy schema document: example tokens in it are routine and not credentials.
        if (shape.IsSensitive && !shape.Name.EndsWith("Name", StringComparison.Ordinal) && shape.Name != "InlinePayload")
        {
            return true;
        }

        if (shape.Name.IndexOf("Description", StringComparison.Ordinal) >= 0)
        {
            return true;
        }

        var member = visit.Member?.Name;
        return member is not null &&
               (member == "description" || member.EndsWith("Prompt", StringComparison.Ordinal) || member.EndsWith("Instructions", StringComparison.Ordinal));
    }

    /// <summary>The level for a match: the catalog default, or a warning for low-confidence detectors.</summary>
    public static FindingLevel? LevelFor(SecretMatch match) => match.Confidence == SecretConfidence.Low ? FindingLevel.Warning : null;

    // Shapes that exist to carry a credential to a credential provider (ApiKeyType, ClientSecretType, …).
    private static bool IsCredentialSlot(string shapeName) =>
        shapeName.IndexOf("Secret", StringComparison.Ordinal) >= 0 || shapeName.IndexOf("ApiKey", StringComparison.Ordinal) >= 0 ||
        shapeName.IndexOf("PrivateKey", StringComparison.Ordinal) >= 0;
}
