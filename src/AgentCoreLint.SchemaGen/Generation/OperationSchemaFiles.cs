using AgentCoreLint.SchemaGen.Model;

namespace AgentCoreLint.SchemaGen.Generation;

/// <summary>Writes <c>schemas/api/&lt;Operation&gt;.json</c> for every operation input of the vendored service model.</summary>
public sealed class OperationSchemaFiles : IGenerator
{
    /// <inheritdoc />
    public IReadOnlyList<string> OwnedDirectories => [RepoPaths.ApiSchemas];

    /// <inheritdoc />
    public IEnumerable<GeneratedFile> Generate(string repoRoot)
    {
        var model = ServiceModel.Load(RepoPaths.Combine(repoRoot, RepoPaths.ServiceModel));
        return new JsonSchemaGenerator(model)
            .GenerateAll()
            .Select(s => new GeneratedFile($"{RepoPaths.ApiSchemas}/{s.Operation}.json", s.Json));
    }
}
