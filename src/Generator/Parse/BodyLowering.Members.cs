using System.Collections.Generic;
using Leibniz.Generator.Ir;
using Leibniz.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Leibniz.Generator.Parse;

/// <summary>
/// Values the method reads but never differentiates: fields and properties of the type (static ones, and the
/// instance's own in an instance method), constant tables (<c>static readonly double[] W = { … }</c>,
/// <c>static ReadOnlySpan&lt;double&gt; W =&gt; [ … ]</c>) read element by element, and generic-math conversions of
/// integers (<c>T.CreateChecked(i)</c>).
/// </summary>
internal sealed partial class BodyLowering
{
    /// <summary>
    /// The expressions of the method's floating type that are not arithmetic: members read as constants, switch
    /// expressions, calls to local functions, integer conversions and float casts of double arithmetic. Null when
    /// <paramref name="op"/> is none of them.
    /// </summary>
    private int? LowerMoreForms(IOperation op, Dictionary<ISymbol, object> env, List<Stmt> output)
    {
        if (op.ConstantValue.HasValue || !IsFloating(op.Type))
        {
            return null;
        }

        switch (op)
        {
            case ISwitchExpressionOperation switchExpression:
                return LowerSwitchExpression(switchExpression, env, output);
            case IInvocationOperation { TargetMethod.MethodKind: MethodKind.LocalFunction } call:
                return LowerLocalFunctionCall(call, env, output);
            case IInvocationOperation { Arguments.Length: 1 } create when IsIntegerConversion(create):
                return IntValue(create.Arguments[0].Value, env, output);
            case IConversionOperation { IsImplicit: false } narrowing when IsNarrowingCast(narrowing):
                return LowerNarrowed(narrowing.Operand, env, output);
            case IParameterReferenceOperation { Parameter: var primary } when primary.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.LocalFunction }
                && !env.ContainsKey(primary):
                // The generated members are in another declaration of the partial type, where the parameter is not in scope.
                Report(op, $"primary constructor parameter '{primary.Name}'", $"store it in a field (private readonly {Keyword} _{primary.Name} = {primary.Name};) and read the field");
                return Constant(output, 0);
            default:
                return MemberText(op) is { } text ? Add(output, new Node(Op.Field, EquatableArray<int>.Empty, Name: _widened ? "((float)" + text + ")" : text)) : null;
        }
    }

    /// <summary>
    /// The C# text of a field or property read the generated code can repeat: a static member of any type, or a member
    /// of <c>this</c> (and members of those) in an instance method. Null for anything else (a parameter's member).
    /// </summary>
    private string? MemberText(IOperation op)
    {
        switch (op)
        {
            case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } when !_method.IsStatic:
                return "this";
            case IFieldReferenceOperation { Field: { IsConst: false } field } reference:
                return Owner(field, reference.Instance) is { } owner ? owner + "." + CSharpIdentifier.Escape(field.Name) : null;
            case IPropertyReferenceOperation { Property: { IsIndexer: false, Parameters.Length: 0 } property } reference:
                return Owner(property, reference.Instance) is { } propertyOwner ? propertyOwner + "." + CSharpIdentifier.Escape(property.Name) : null;
            default:
                return null;
        }

        string? Owner(ISymbol member, IOperation? instance) => member.IsStatic ? FullyQualified(member.ContainingType) : instance is null ? null : MemberText(instance);
    }

    /// <summary>
    /// A field or property holding an array or span of the method's floating type — a table of constants: read
    /// element by element, with its <c>Length</c>, and never differentiated (the method does not write into it).
    /// </summary>
    private ArrayBinding? ConstantTable(IOperation operation) =>
        operation is IFieldReferenceOperation or IPropertyReferenceOperation && ElementOf(operation.Type) is { } element && IsFloating(element)
        && (!_widened || element.SpecialType != SpecialType.System_Double) && MemberText(operation) is { } text
            ? new ArrayBinding(ArrayRef.Table(text), text, Differentiated: false, Local: false)
            : null;

    private static ITypeSymbol? ElementOf(ITypeSymbol? type) => type switch
    {
        IArrayTypeSymbol { Rank: 1 } array => array.ElementType,
        INamedTypeSymbol { Name: "ReadOnlySpan" or "Span", TypeArguments.Length: 1, ContainingNamespace.Name: "System" } span => span.TypeArguments[0],
        _ => null,
    };

    /// <summary>
    /// Integers that are not arithmetic: int fields and properties read as constants (<c>for (int i = 0; i &lt; Order; i++)</c>),
    /// and calls to local functions that compute an index (<c>int At(int i, int j) =&gt; i * n + j;</c>). Null otherwise.
    /// </summary>
    private IntExpr? LowerMoreIntegers(IOperation op, Dictionary<ISymbol, object> env)
    {
        if (op.Type?.SpecialType != SpecialType.System_Int32)
        {
            return null;
        }

        return op is IInvocationOperation { TargetMethod.MethodKind: MethodKind.LocalFunction } call
            ? LowerIndexFunctionCall(call, env)
            : MemberText(op) is { } text ? new IntMember(text) : null;
    }

    /// <summary>A call of an instance method on <c>this</c> from an instance method (its derivatives are instance methods too).</summary>
    private bool IsCallOnThis(IInvocationOperation invocation) =>
        !_method.IsStatic && invocation.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };

    /// <summary><c>T.CreateChecked(i)</c>, <c>CreateTruncating</c> or <c>CreateSaturating</c> of an integer (a loop variable, an int local or parameter).</summary>
    private static bool IsIntegerConversion(IInvocationOperation create) =>
        create.TargetMethod is { IsStatic: true, Name: "CreateChecked" or "CreateTruncating" or "CreateSaturating" } target
        && (target.ContainingType.ContainingNamespace?.ToDisplayString() == "System.Numerics"
            || target.ContainingType.SpecialType is SpecialType.System_Double or SpecialType.System_Single)
        && create.Arguments[0].Value.Type?.SpecialType == SpecialType.System_Int32;
}
