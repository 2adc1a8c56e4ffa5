using System.Collections.Generic;
using AgentCoreLint.Rules.Model;
using Microsoft.CodeAnalysis;

namespace AgentCoreLint.Analyzers;

/// <summary>
/// The AWS SDK for .NET types the analyzer recognises, resolved by metadata name in the compilation being analysed
/// (the analyzer itself does not reference the SDK): every <c>Amazon.BedrockAgentCoreControl.Model.&lt;Operation&gt;Request</c>
/// of an operation in the service model, and <c>Amazon.Runtime.ConstantClass</c> for the SDK's enums.
/// </summary>
internal sealed class SdkTypes
{
    /// <summary>The namespace of the generated request and structure classes.</summary>
    public const string ModelNamespace = "Amazon.BedrockAgentCoreControl.Model";

    /// <summary>The namespace of the client, its interface and the enums.</summary>
    public const string ServiceNamespace = "Amazon.BedrockAgentCoreControl";

    private SdkTypes(Dictionary<INamedTypeSymbol, string> requests, INamedTypeSymbol? constantClass)
    {
        Requests = requests;
        ConstantClass = constantClass;
    }

    /// <summary>Request class → operation name (the model names some input shapes <c>…Input</c>, e.g.
    /// <c>CreateMemoryInput</c>, while the SDK class is always <c>…Request</c>: the operation is the key).</summary>
    public IReadOnlyDictionary<INamedTypeSymbol, string> Requests { get; }

    /// <summary><c>Amazon.Runtime.ConstantClass</c>, or null when AWSSDK.Core is not referenced.</summary>
    public INamedTypeSymbol? ConstantClass { get; }

    /// <summary>Resolves the request classes; null when the compilation has none of them (no SDK referenced).</summary>
    public static SdkTypes? Resolve(Compilation compilation)
    {
        var requests = new Dictionary<INamedTypeSymbol, string>(SymbolEqualityComparer.Default);
        foreach (var operation in ApiModel.OperationInputs.Keys)
        {
            if (compilation.GetTypeByMetadataName($"{ModelNamespace}.{operation}Request") is { } type)
            {
                requests[type] = operation;
            }
        }

        return requests.Count == 0 ? null : new SdkTypes(requests, compilation.GetTypeByMetadataName("Amazon.Runtime.ConstantClass"));
    }

    /// <summary>True for a subclass of <c>ConstantClass</c> (an SDK enum such as <c>NetworkMode</c>).</summary>
    public bool IsConstantClass(ITypeSymbol? type)
    {
        if (ConstantClass is null)
        {
            return false;
        }

        for (var t = type as INamedTypeSymbol; t is not null; t = t.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(t, ConstantClass))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for a type of the SDK's model namespace (a request or structure class).</summary>
    public static bool IsModelType(ITypeSymbol? type) =>
        type is INamedTypeSymbol { ContainingNamespace: { } ns } && ns.ToDisplayString() == ModelNamespace;

    /// <summary>True for a method of the service's client or its interface (sending a request, not changing it).</summary>
    public static bool IsClientMethod(IMethodSymbol? method) =>
        method?.ContainingType is { ContainingNamespace: { } ns } && ns.ToDisplayString() == ServiceNamespace &&
        method.ContainingType.Name.Contains("BedrockAgentCoreControl");
}
