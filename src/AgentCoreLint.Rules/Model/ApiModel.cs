namespace AgentCoreLint.Rules.Model;

/// <summary>
/// The AgentCore Control service model (botocore 1.43.11, API version 2023-06-05) as a shape table, generated
/// into <c>ApiModel.g.cs</c> by <c>AgentCoreLint.SchemaGen</c> from <c>schemas/aws/</c>. Built on first use.
/// </summary>
public static partial class ApiModel
{
    private static readonly Lazy<IReadOnlyDictionary<string, Shape>> LazyShapes = new(CreateShapes);
    private static readonly Lazy<IReadOnlyDictionary<string, string>> LazyOperations = new(CreateOperations);

    /// <summary>Every shape by name.</summary>
    public static IReadOnlyDictionary<string, Shape> Shapes => LazyShapes.Value;

    /// <summary>Operation name → input shape name (e.g. <c>CreateAgentRuntime</c> → <c>CreateAgentRuntimeRequest</c>),
    /// for all operations that take input.</summary>
    public static IReadOnlyDictionary<string, string> OperationInputs => LazyOperations.Value;

    /// <summary>Looks a shape up by name.</summary>
    /// <exception cref="KeyNotFoundException">No shape has that name.</exception>
    public static Shape GetShape(string name) =>
        Shapes.TryGetValue(name, out var shape) ? shape : throw new KeyNotFoundException($"No shape '{name}' in the service model.");

    /// <summary>The input shape of an operation, or null when the operation is unknown or takes no input.</summary>
    public static Shape? InputOf(string operation) =>
        OperationInputs.TryGetValue(operation, out var name) ? GetShape(name) : null;

    private static partial IReadOnlyDictionary<string, Shape> CreateShapes();

    private static partial IReadOnlyDictionary<string, string> CreateOperations();
}
