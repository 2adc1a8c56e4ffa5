using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AgentCoreLint.Rules.Documents;
using AgentCoreLint.Rules.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AgentCoreLint.Analyzers;

/// <summary>
/// Folds the C# that builds an SDK request into the API-shaped tree the CLI lints: structure classes become
/// <see cref="ObjectNode"/>s with model member names, <c>List&lt;T&gt;</c> an <see cref="ArrayNode"/>,
/// <c>Dictionary&lt;string, V&gt;</c> an <see cref="ObjectNode"/> of its entries, and compile-time constants
/// <see cref="ScalarNode"/>s. Whatever the compiler cannot know (parameters, method calls, non-constant fields,
/// a local that other code may change) becomes an <see cref="UnknownNode"/>, which rules skip.
/// </summary>
/// <remarks>Folding follows the service-model shape of each value, so an SDK property the model does not know is
/// left out rather than reported, and a <c>ConstantClass</c> field such as <c>NetworkMode.VPC</c> is read as the
/// model's enum value of that name. Spans are the C# source regions (1-based lines and UTF-16 columns) of the
/// values as written, so findings map back to locations in the same syntax tree.</remarks>
internal sealed class RequestFolder
{
    private const int MaxDepth = 64;
    private const string NotConstant = "not known at compile time";

    private readonly SdkTypes _sdk;
    private readonly LocalFacts _locals;
    private readonly HashSet<ILocalSymbol> _folding = new(SymbolEqualityComparer.Default);

    public RequestFolder(SdkTypes sdk, LocalFacts locals)
    {
        _sdk = sdk;
        _locals = locals;
    }

    /// <summary>Folds a request creation, with the later member assignments of the local it initialises.</summary>
    public ObjectNode FoldRequest(IObjectCreationOperation creation, Shape input, LocalFact? local) =>
        FoldStructure(creation, input, JsonPointer.Root, 0, local);

    /// <summary>The source region of a syntax node.</summary>
    public static SourceSpan SpanOf(SyntaxNode syntax) => SpanOf(syntax.SyntaxTree.GetLineSpan(syntax.Span));

    /// <summary>The source region of a line span (0-based in Roslyn, 1-based in documents).</summary>
    public static SourceSpan SpanOf(FileLinePositionSpan span) => SourceSpan.Of(
        span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1,
        span.EndLinePosition.Line + 1, span.EndLinePosition.Character + 1);

    private DocNode Fold(IOperation operation, Shape shape, string pointer, int depth)
    {
        var span = SpanOf(operation.Syntax);
        if (depth > MaxDepth)
        {
            return new UnknownNode(span, pointer, "nested too deeply to fold");
        }

        if (operation.Syntax is CollectionExpressionSyntax collection)
        {
            return FoldCollectionExpression(operation, collection, shape, pointer, depth);
        }

        if (operation.ConstantValue.HasValue)
        {
            return Scalar(operation.ConstantValue.Value, span, pointer);
        }

        switch (operation)
        {
            case IConversionOperation conversion:
                if (conversion.OperatorMethod is null ||
                    (_sdk.IsConstantClass(conversion.Type) && conversion.Operand.Type?.SpecialType == SpecialType.System_String))
                {
                    return Fold(conversion.Operand, shape, pointer, depth); // nullable, boxing, widening, or string → SDK enum
                }

                break;
            case IObjectCreationOperation creation when _sdk.IsConstantClass(creation.Type):
                if (creation.Arguments.Length == 1 && creation.Initializer is null)
                {
                    return Whole(Fold(creation.Arguments[0].Value, shape, pointer, depth), span); // new NetworkMode("VPC")
                }

                break;
            case IInvocationOperation { TargetMethod: { IsStatic: true, Name: "FindValue" } method } invocation
                when _sdk.IsConstantClass(method.ContainingType) && invocation.Arguments.Length == 1:
                return Whole(Fold(invocation.Arguments[0].Value, shape, pointer, depth), span); // NetworkMode.FindValue("VPC")
            case IFieldReferenceOperation { Field: { IsStatic: true } field } when _sdk.IsConstantClass(field.Type):
                return EnumValue(field.Name, shape) is { } value
                    ? new ScalarNode(span, pointer, NodeKind.String, value)
                    : new UnknownNode(span, pointer, $"{field.ContainingType.Name}.{field.Name} is not a value of {shape.Name} in the service model");
            case IObjectCreationOperation creation when shape.Type == ShapeType.Structure && SdkTypes.IsModelType(creation.Type):
                return FoldStructure(creation, shape, pointer, depth, null);
            case IObjectCreationOperation creation when shape.Type == ShapeType.List && IsGenericCollection(creation.Type, "List"):
                return FoldList(creation, shape, pointer, depth);
            case IObjectCreationOperation creation when shape.Type == ShapeType.Map && IsGenericCollection(creation.Type, "Dictionary"):
                return FoldMap(creation, shape, pointer, depth);
            case ILocalReferenceOperation reference:
                return FoldLocal(reference, shape, pointer, depth) ?? new UnknownNode(span, pointer, NotConstant);
        }

        return new UnknownNode(span, pointer, NotConstant);
    }

    private DocNode? FoldLocal(ILocalReferenceOperation reference, Shape shape, string pointer, int depth)
    {
        if (!_locals.TryGet(reference.Local, out var fact) || fact.Written || fact.Initializer is null ||
            (fact.Escaped && !LocalFacts.IsImmutable(reference.Local.Type)) || !_folding.Add(reference.Local))
        {
            return null;
        }

        try
        {
            if (fact.Initializer is IObjectCreationOperation creation && shape.Type == ShapeType.Structure &&
                SdkTypes.IsModelType(creation.Type))
            {
                return FoldStructure(creation, shape, pointer, depth, fact);
            }

            return fact.Members.Count == 0 ? Fold(fact.Initializer, shape, pointer, depth + 1) : null;
        }
        finally
        {
            _folding.Remove(reference.Local);
        }
    }

    private ObjectNode FoldStructure(IObjectCreationOperation creation, Shape shape, string pointer, int depth, LocalFact? local)
    {
        var members = new List<PropertyNode>();
        if (creation.Initializer is { } initializer)
        {
            foreach (var item in initializer.Initializers)
            {
                switch (item)
                {
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment:
                        SetMember(members, target, assignment.Value, shape, pointer, depth, always: true);
                        break;
                    case IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation target } nested:
                        // `Member = { … }` initialises the object the property already holds: null in the SDK.
                        if (MemberOf(shape, target.Property.Name) is { } member)
                        {
                            Set(members, new PropertyNode(member.Name, SpanOf(KeySyntax(target)),
                                new UnknownNode(SpanOf(nested.Syntax), JsonPointer.Append(pointer, member.Name), NotConstant)));
                        }

                        break;
                }
            }
        }

        if (local is not null)
        {
            foreach (var assignment in local.Members)
            {
                SetMember(members, assignment.Target, assignment.Value, shape, pointer, depth,
                    always: assignment.Statement.Parent == local.Block);
            }
        }

        return new ObjectNode(SpanOf(creation.Syntax), pointer, members);
    }

    private void SetMember(List<PropertyNode> members, IPropertyReferenceOperation target, IOperation value, Shape shape,
        string pointer, int depth, bool always)
    {
        if (MemberOf(shape, target.Property.Name) is not { } member || !ApiModel.Shapes.TryGetValue(member.Shape, out var memberShape))
        {
            return; // an SDK property newer than the vendored model: nothing to check it against
        }

        var memberPointer = JsonPointer.Append(pointer, member.Name);
        var keySpan = SpanOf(KeySyntax(target));
        if (!always)
        {
            Set(members, new PropertyNode(member.Name, keySpan, new UnknownNode(SpanOf(value.Syntax), memberPointer, "assigned only on some paths")));
            return;
        }

        if (value.ConstantValue is { HasValue: true, Value: null })
        {
            members.RemoveAll(p => p.Name == member.Name); // the SDK does not send a null member
            return;
        }

        Set(members, new PropertyNode(member.Name, keySpan, Fold(value, memberShape, memberPointer, depth + 1)));
    }

    private static void Set(List<PropertyNode> members, PropertyNode property)
    {
        var index = members.FindIndex(p => p.Name == property.Name);
        if (index >= 0)
        {
            members[index] = property; // the last assignment wins, as at run time
        }
        else
        {
            members.Add(property);
        }
    }

    private DocNode FoldList(IObjectCreationOperation creation, Shape shape, string pointer, int depth)
    {
        var span = SpanOf(creation.Syntax);
        if (creation.Arguments.Length > 0 || !ApiModel.Shapes.TryGetValue(shape.ListMember ?? string.Empty, out var itemShape))
        {
            return new UnknownNode(span, pointer, NotConstant); // copied from another collection, or sized: contents unknown
        }

        var items = new List<DocNode>();
        foreach (var item in creation.Initializer?.Initializers ?? ImmutableArrayEmpty)
        {
            if (item is not IInvocationOperation { Arguments.Length: 1 } add)
            {
                return new UnknownNode(span, pointer, NotConstant);
            }

            items.Add(Fold(add.Arguments[0].Value, itemShape, JsonPointer.Append(pointer, items.Count), depth + 1));
        }

        return new ArrayNode(span, pointer, items);
    }

    /// <remarks>Roslyn 4.8 has no operation kind for collection expressions yet: the expression is a conversion of an
    /// operation without a kind whose children are the elements, each converted to the element type.</remarks>
    private DocNode FoldCollectionExpression(IOperation operation, CollectionExpressionSyntax collection, Shape shape, string pointer, int depth)
    {
        var span = SpanOf(collection);
        var node = operation;
        while (node is IConversionOperation conversion)
        {
            node = conversion.Operand;
        }

        var elements = node.ChildOperations.ToList();
        if (shape.Type != ShapeType.List || !ApiModel.Shapes.TryGetValue(shape.ListMember ?? string.Empty, out var itemShape) ||
            elements.Count != collection.Elements.Count || collection.Elements.Any(e => e is not ExpressionElementSyntax))
        {
            return new UnknownNode(span, pointer, NotConstant); // a spread, or a map: the items are another collection's
        }

        var items = new List<DocNode>();
        foreach (var element in elements)
        {
            items.Add(Fold(element, itemShape, JsonPointer.Append(pointer, items.Count), depth + 1));
        }

        return new ArrayNode(span, pointer, items);
    }

    private DocNode FoldMap(IObjectCreationOperation creation, Shape shape, string pointer, int depth)
    {
        var span = SpanOf(creation.Syntax);
        if (creation.Arguments.Length > 0 || !ApiModel.Shapes.TryGetValue(shape.MapValue ?? string.Empty, out var valueShape))
        {
            return new UnknownNode(span, pointer, NotConstant);
        }

        var entries = new List<PropertyNode>();
        foreach (var item in creation.Initializer?.Initializers ?? ImmutableArrayEmpty)
        {
            IOperation key, value;
            switch (item)
            {
                case IInvocationOperation { Arguments.Length: 2 } add: // { "K", v }
                    key = add.Arguments[0].Value;
                    value = add.Arguments[1].Value;
                    break;
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer } set: // ["K"] = v
                    key = indexer.Arguments[0].Value;
                    value = set.Value;
                    break;
                default:
                    return new UnknownNode(span, pointer, NotConstant);
            }

            if (key.ConstantValue is not { HasValue: true, Value: string name })
            {
                return new UnknownNode(span, pointer, "a key not known at compile time"); // the entries' names decide the checks
            }

            Set(entries, new PropertyNode(name, SpanOf(key.Syntax), Fold(value, valueShape, JsonPointer.Append(pointer, name), depth + 1)));
        }

        return new ObjectNode(span, pointer, entries);
    }

    private static readonly System.Collections.Immutable.ImmutableArray<IOperation> ImmutableArrayEmpty =
        System.Collections.Immutable.ImmutableArray<IOperation>.Empty;

    /// <summary>A value read from an argument, placed at the whole expression that wraps it (the finding marks
    /// <c>new NetworkMode("VPC")</c>, not only its argument).</summary>
    private static DocNode Whole(DocNode value, SourceSpan span) =>
        value is ScalarNode scalar ? new ScalarNode(span, scalar.Pointer, scalar.Kind, scalar.Text) : value;

    private static DocNode Scalar(object? value, SourceSpan span, string pointer) => value switch
    {
        null => new ScalarNode(span, pointer, NodeKind.Null, "null"),
        string s => new ScalarNode(span, pointer, NodeKind.String, s),
        char c => new ScalarNode(span, pointer, NodeKind.String, c.ToString()),
        bool b => new ScalarNode(span, pointer, NodeKind.Boolean, b ? "true" : "false"),
        sbyte or byte or short or ushort or int or uint or long or ulong =>
            new ScalarNode(span, pointer, NodeKind.Integer, Convert.ToString(value, CultureInfo.InvariantCulture)!),
        float f => new ScalarNode(span, pointer, NodeKind.Float, f.ToString("R", CultureInfo.InvariantCulture)),
        double d => new ScalarNode(span, pointer, NodeKind.Float, d.ToString("R", CultureInfo.InvariantCulture)),
        decimal m => new ScalarNode(span, pointer, NodeKind.Float, m.ToString(CultureInfo.InvariantCulture)),
        _ => new UnknownNode(span, pointer, NotConstant),
    };

    /// <summary>The model member of an SDK property: the property name with its first letter lower-cased, as the SDK
    /// generator derives it from the wire name (<c>CustomJWTAuthorizer</c> → <c>customJWTAuthorizer</c>).</summary>
    internal static Member? MemberOf(Shape shape, string propertyName)
    {
        if (propertyName.Length == 0)
        {
            return null;
        }

        var name = char.ToLowerInvariant(propertyName[0]) + propertyName.Substring(1);
        return shape.FindMember(name) ??
               shape.Members.FirstOrDefault(m => string.Equals(m.Name, propertyName, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The model enum value an SDK <c>ConstantClass</c> field stands for: the field is named after the value,
    /// upper-case values as they are (<c>VPC</c>) and others with the first letter upper-cased
    /// (<c>Agentcore_browser</c> for <c>agentcore_browser</c>).</summary>
    internal static string? EnumValue(string fieldName, Shape shape)
    {
        if (shape.EnumValues is not { } values)
        {
            return null;
        }

        return values.FirstOrDefault(v => v == fieldName) ??
               values.FirstOrDefault(v => v.Length > 0 && char.ToUpperInvariant(v[0]) + v.Substring(1) == fieldName) ??
               values.FirstOrDefault(v => string.Equals(v, fieldName, StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsGenericCollection(ITypeSymbol? type, string name) =>
        type is INamedTypeSymbol { IsGenericType: true } named && named.Name == name &&
        named.ContainingNamespace?.ToDisplayString() == "System.Collections.Generic";

    private static SyntaxNode KeySyntax(IPropertyReferenceOperation target) =>
        target.Syntax is MemberAccessExpressionSyntax access ? access.Name : target.Syntax;
}
