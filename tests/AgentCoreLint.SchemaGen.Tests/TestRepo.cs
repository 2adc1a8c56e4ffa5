using System.Collections.Concurrent;
using AgentCoreLint.SchemaGen.Generation;
using AgentCoreLint.SchemaGen.Model;
using NJsonSchema;

namespace AgentCoreLint.SchemaGen.Tests;

/// <summary>The repository under test, its vendored model and the schemas generated from it, each built once.</summary>
internal static class TestRepo
{
    private static readonly Lazy<string> LazyRoot = new(() =>
        RepoPaths.FindRepoRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException($"No {RepoPaths.SolutionFile} above {AppContext.BaseDirectory}."));

    private static readonly Lazy<ServiceModel> LazyModel = new(() => ServiceModel.Load(RepoPaths.Combine(Root, RepoPaths.ServiceModel)));

    private static readonly Lazy<IReadOnlyDictionary<string, OperationSchema>> LazySchemas = new(() =>
        new JsonSchemaGenerator(Model).GenerateAll().ToDictionary(s => s.Operation, StringComparer.Ordinal));

    private static readonly ConcurrentDictionary<string, Lazy<JsonSchema>> LoadedSchemas = new(StringComparer.Ordinal);

    public static string Root => LazyRoot.Value;

    public static ServiceModel Model => LazyModel.Value;

    /// <summary>Generated schemas by operation name.</summary>
    public static IReadOnlyDictionary<string, OperationSchema> Schemas => LazySchemas.Value;

    /// <summary>The generated schema of an operation, loaded by NJsonSchema (once per operation).</summary>
    public static JsonSchema Load(string operation) =>
        LoadedSchemas.GetOrAdd(operation, op => new Lazy<JsonSchema>(() => JsonSchema.FromJsonAsync(Schemas[op].Json).GetAwaiter().GetResult())).Value;
}
