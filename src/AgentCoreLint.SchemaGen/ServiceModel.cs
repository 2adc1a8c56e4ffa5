using System.Text.Json;

namespace AgentCoreLint.SchemaGen;

/// <summary>Locates and parses the vendored AWS service model (<c>schemas/aws/*.service-2.json</c>).</summary>
internal static class ServiceModel
{
    public const string RelativePath = "schemas/aws/bedrock-agentcore-control-2023-06-05.service-2.json";

    public static JsonDocument Load(string repoRoot)
    {
        var path = Path.Combine(repoRoot, RelativePath);
        return JsonDocument.Parse(File.ReadAllBytes(path));
    }
}
