using System.Collections.Concurrent;
using System.Text.Json;
using NJsonSchema;

namespace AgentCoreLint.Core.Iac;

/// <summary>One CloudFormation resource provider schema: the JSON Schema of a resource's <c>Properties</c>, and the
/// paths of its read-only properties (normalised as <see cref="ApiTreeMapper.Normalize"/> does, <c>*</c> for list items).</summary>
internal sealed record CfnResourceSchema(string TypeName, JsonSchema Schema, IReadOnlySet<string> ReadOnlyPaths);

/// <summary>
/// The vendored CloudFormation registry schemas of the <c>AWS::BedrockAgentCore::*</c> types
/// (<c>schemas/cloudformation/</c>, embedded as <c>schemas/cloudformation/AWS-BedrockAgentCore-&lt;Type&gt;.json</c>;
/// origin and license in that folder's README). Each schema is parsed lazily, once per type, on first use;
/// thread-safe.
/// </summary>
internal static class CfnSchemas
{
    private const string Prefix = "schemas/cloudformation/";

    private static readonly ConcurrentDictionary<string, Lazy<CfnResourceSchema?>> Cache = new(StringComparer.Ordinal);

    private static readonly Lazy<IReadOnlyList<string>> LazyTypeNames = new(() =>
        typeof(CfnSchemas).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..^".json".Length].Replace("-", "::", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList());

    /// <summary>Every vendored type name, e.g. <c>AWS::BedrockAgentCore::Runtime</c>.</summary>
    public static IReadOnlyList<string> TypeNames => LazyTypeNames.Value;

    /// <summary>The schema of a type, or null when none is vendored for it.</summary>
    /// <exception cref="InvalidDataException">The vendored file is not a valid schema (a build defect, caught by the tests).</exception>
    public static CfnResourceSchema? Get(string typeName) =>
        Cache.GetOrAdd(typeName, t => new Lazy<CfnResourceSchema?>(() => Load(t))).Value;

    private static CfnResourceSchema? Load(string typeName)
    {
        var resource = Prefix + typeName.Replace("::", "-", StringComparison.Ordinal) + ".json";
        using var stream = typeof(CfnSchemas).Assembly.GetManifestResourceStream(resource);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        var readOnly = new HashSet<string>(StringComparer.Ordinal);
        using (var document = JsonDocument.Parse(text))
        {
            if (document.RootElement.TryGetProperty("readOnlyProperties", out var paths) && paths.ValueKind == JsonValueKind.Array)
            {
                foreach (var path in paths.EnumerateArray())
                {
                    if (path.GetString() is { } p && p.StartsWith("/properties/", StringComparison.Ordinal))
                    {
                        readOnly.Add(string.Join('/', p["/properties/".Length..].Split('/').Select(s => s == "*" ? "*" : ApiTreeMapper.Normalize(s))));
                    }
                }
            }
        }

        try
        {
            return new CfnResourceSchema(typeName, JsonSchema.FromJsonAsync(text).GetAwaiter().GetResult(), readOnly);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidDataException($"The vendored CloudFormation schema of {typeName} could not be read: {e.Message}", e);
        }
    }
}
