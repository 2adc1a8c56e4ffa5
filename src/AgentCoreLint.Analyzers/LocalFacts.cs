using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AgentCoreLint.Analyzers;

/// <summary>A property assignment <c>local.Member = value;</c> written as a statement in the method.</summary>
internal sealed class MemberAssignment
{
    public MemberAssignment(IPropertyReferenceOperation target, IOperation value, IExpressionStatementOperation statement)
    {
        Target = target;
        Value = value;
        Statement = statement;
    }

    /// <summary>The property written.</summary>
    public IPropertyReferenceOperation Target { get; }

    /// <summary>The value assigned.</summary>
    public IOperation Value { get; }

    /// <summary>The statement, whose parent block tells whether it always runs.</summary>
    public IExpressionStatementOperation Statement { get; }
}

/// <summary>What one method body does with one local variable: where it is declared and initialised, which of its
/// properties it assigns afterwards, and whether anything else may see or change it.</summary>
internal sealed class LocalFact
{
    /// <summary>The value of the declaration's initializer, or null when declared without one.</summary>
    public IOperation? Initializer { get; set; }

    /// <summary>The block the declaration stands in: member assignments in that block always run.</summary>
    public IOperation? Block { get; set; }

    /// <summary>The local is assigned again (or passed by reference): its value is not the initializer's alone.</summary>
    public bool Written { get; set; }

    /// <summary>The object is handed to code the analyzer cannot see (another method, a field, a return, an alias,
    /// a method call on it): that code may set members, so absence proves nothing.</summary>
    public bool Escaped { get; set; }

    /// <summary>Property assignments on the local, in source order.</summary>
    public List<MemberAssignment> Members { get; } = new();
}

/// <summary>The <see cref="LocalFact"/>s of one operation block (a method, accessor, lambda body or top-level code).</summary>
internal sealed class LocalFacts
{
    private readonly Dictionary<ILocalSymbol, LocalFact> _facts;

    private LocalFacts(Dictionary<ILocalSymbol, LocalFact> facts)
    {
        _facts = facts;
    }

    /// <summary>Looks a local up.</summary>
    public bool TryGet(ILocalSymbol local, out LocalFact fact) => _facts.TryGetValue(local, out fact!);

    /// <summary>Collects the facts of every local in the blocks.</summary>
    public static LocalFacts Build(IEnumerable<IOperation> blocks)
    {
        var facts = new Dictionary<ILocalSymbol, LocalFact>(SymbolEqualityComparer.Default);
        LocalFact Of(ILocalSymbol local)
        {
            if (!facts.TryGetValue(local, out var fact))
            {
                fact = new LocalFact();
                facts[local] = fact;
            }

            return fact;
        }

        foreach (var operation in blocks.SelectMany(b => b.DescendantsAndSelf()))
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator:
                    var fact = Of(declarator.Symbol);
                    fact.Initializer = declarator.GetVariableInitializer()?.Value;
                    fact.Block = EnclosingBlock(declarator);
                    break;
                case ILocalReferenceOperation reference:
                    Classify(reference, Of(reference.Local));
                    break;
            }
        }

        foreach (var fact in facts.Values)
        {
            fact.Members.Sort((a, b) => a.Statement.Syntax.SpanStart.CompareTo(b.Statement.Syntax.SpanStart));
        }

        return new LocalFacts(facts);
    }

    /// <summary>The nearest enclosing block (or switch section, or the body of top-level code).</summary>
    public static IOperation? EnclosingBlock(IOperation operation)
    {
        for (var p = operation.Parent; p is not null; p = p.Parent)
        {
            if (p is IBlockOperation or ISwitchCaseOperation)
            {
                return p;
            }
        }

        return null;
    }

    private static void Classify(ILocalReferenceOperation reference, LocalFact fact)
    {
        if (reference.IsDeclaration)
        {
            fact.Written = true;
            return;
        }

        IOperation child = reference;
        var parent = reference.Parent;
        while (parent is IConversionOperation)
        {
            child = parent;
            parent = parent.Parent;
        }

        switch (parent)
        {
            case ISimpleAssignmentOperation assignment when assignment.Target == child:
            case ICompoundAssignmentOperation or IIncrementOrDecrementOperation or IDeconstructionAssignmentOperation:
                fact.Written = true;
                return;
            case IArgumentOperation argument:
                if (argument.Parameter?.RefKind is RefKind.Ref or RefKind.Out)
                {
                    fact.Written = true;
                    fact.Escaped = true;
                }
                else if (argument.Parent is IInvocationOperation invocation &&
                         (SdkTypes.IsClientMethod(invocation.TargetMethod) || IsCollectionInitializerAdd(invocation)))
                {
                    return; // sent as it is, or placed into a collection being folded
                }
                else
                {
                    fact.Escaped = true;
                }

                return;
            case IPropertyReferenceOperation property when property.Instance == child:
                if (property.Parent is ISimpleAssignmentOperation set && set.Target == property &&
                    set.Parent is IExpressionStatementOperation statement)
                {
                    fact.Members.Add(new MemberAssignment(property, set.Value, statement));
                }
                else if (!IsImmutable(property.Type))
                {
                    fact.Escaped = true; // e.g. request.Tags.Add(…), request.NetworkConfiguration.NetworkMode = …
                }

                return;
            case ISimpleAssignmentOperation placed when placed.Value == child &&
                                                       placed.Target is IPropertyReferenceOperation target &&
                                                       SdkTypes.IsModelType(target.Property.ContainingType):
                return; // placed into a structure being folded
            default:
                fact.Escaped = true;
                return;
        }
    }

    private static bool IsCollectionInitializerAdd(IInvocationOperation invocation) =>
        invocation.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver };

    /// <summary>Strings, value types and SDK enums cannot be changed through a reference to them.</summary>
    public static bool IsImmutable(ITypeSymbol? type) =>
        type is not null && (type.IsValueType || type.SpecialType == SpecialType.System_String || IsEnumClass(type));

    private static bool IsEnumClass(ITypeSymbol type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.Name == "ConstantClass" && t.ContainingNamespace?.ToDisplayString() == "Amazon.Runtime")
            {
                return true;
            }
        }

        return false;
    }
}
