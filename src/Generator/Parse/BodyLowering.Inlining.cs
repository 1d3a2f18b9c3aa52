using System.Collections.Generic;
using System.Linq;
using Leibniz.Generator.Ir;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Leibniz.Generator.Parse;

/// <summary>
/// The members a user's struct computes with — its operators (<c>a - b</c>), methods (<c>a.Dot(b)</c>,
/// <c>Vec3.Cross(a, b)</c>), computed properties (<c>v.Length</c>) — and static helper methods taking structs are
/// inlined: their body (an expression, or local declarations and one final return) is lowered with their parameters
/// bound to the arguments' fields. The parse cache reuses a method's result only while the bodies it inlined are
/// unchanged (<see cref="ParseCache.DependsOn"/>).
/// </summary>
internal sealed partial class BodyLowering
{
    /// <summary>The members being inlined (a member that reaches itself again is recursion).</summary>
    private readonly HashSet<IMethodSymbol> _inlining = new(SymbolEqualityComparer.Default);

    /// <summary>The struct value <c>this</c> stands for while an instance member is inlined.</summary>
    private StructSlots? _this;

    /// <summary>True when <paramref name="method"/> can be inlined: written in source, with a body of the supported form.</summary>
    private static bool IsInlinable(IMethodSymbol? method) => method is not null && Body(method) is not null;

    /// <summary>Inlines a struct-valued member; null when it cannot be (reported).</summary>
    private int[]? InlineStruct(IMethodSymbol method, Operands? instance, IReadOnlyList<Operands> arguments, IOperation at, Dictionary<ISymbol, object> env, List<Stmt> output)
    {
        var inlined = Inline(method, instance, arguments, at, env, output, (value, scope) => new Operands(LowerStruct(value, scope, output)));
        return inlined?.Fields;
    }

    /// <summary>Inlines a member whose result is a number; null when it cannot be (reported).</summary>
    private int? InlineScalar(IMethodSymbol method, Operands? instance, IReadOnlyList<Operands> arguments, IOperation at, Dictionary<ISymbol, object> env, List<Stmt> output)
    {
        var inlined = Inline(method, instance, arguments, at, env, output, (value, scope) => new Operands(LowerExpression(value, scope, output)));
        return inlined?.Scalar;
    }

    private Operands? Inline(IMethodSymbol method, Operands? instance, IReadOnlyList<Operands> arguments, IOperation at, Dictionary<ISymbol, object> env, List<Stmt> output,
        System.Func<IOperation, Dictionary<ISymbol, object>, Operands> result)
    {
        var definition = method.OriginalDefinition;
        if (Body(definition) is not { } body || _compilation.GetSemanticModel(body.SyntaxTree).GetOperation(body, _cancellationToken) is not { } operation
            || ContainsInvalidOperation(operation))
        {
            Report(at, $"call to '{method.ContainingType.Name}.{method.Name}', whose body the generator cannot read",
                "give it an expression body (=> …) or local declarations and one return, in source; or mark a static method [Differentiable]");
            return null;
        }

        ParseCache.DependsOn(body);
        if (!_inlining.Add(definition))
        {
            Report(at, $"recursive call to '{method.Name}'", "rewrite it without recursion");
            return null;
        }

        var scope = new Dictionary<ISymbol, object>(SymbolEqualityComparer.Default);
        foreach (var entry in env.Where(e => e.Value is IntExpr or Frozen or ArrayBinding || IsStructBinding(e.Value)))
        {
            scope[entry.Key] = entry.Value;
        }

        for (var i = 0; i < method.Parameters.Length && i < arguments.Count; i++)
        {
            Bind(method.Parameters[i].OriginalDefinition, arguments[i], scope);
        }

        var outer = _this;
        _this = instance is { Fields: { } fields } ? SlotsOf(StructOf(method.ContainingType)!, fields, scope) : null;
        try
        {
            var statements = operation is IBlockOperation block ? block.Operations.ToList() : new List<IOperation> { operation };
            if (statements.LastOrDefault() is not IReturnOperation { ReturnedValue: { } returned } || statements.Take(statements.Count - 1).Any(s => ContainsReturn(s) || ContainsLoop(s)))
            {
                var value = operation is IBlockOperation ? null : operation;
                if (value is null)
                {
                    Report(at, $"call to '{method.Name}', whose body is more than local declarations and one final return", "write it as an expression body, or mark it [Differentiable]");
                    return null;
                }

                return result(value, scope);
            }

            LowerSequence(statements.Take(statements.Count - 1).ToList(), 0, scope, output);
            return result(returned, scope);
        }
        finally
        {
            _this = outer;
            _inlining.Remove(definition);
        }
    }

    private void Bind(IParameterSymbol parameter, Operands argument, Dictionary<ISymbol, object> scope)
    {
        if (argument.Fields is { } fields && StructOf(parameter.Type) is { } type)
        {
            scope[parameter] = SlotsOf(type, fields, scope);
        }
        else
        {
            scope[parameter] = argument.Scalar;
        }
    }

    private StructSlots SlotsOf(StructType type, int[] fields, Dictionary<ISymbol, object> scope)
    {
        var slots = NewSlots("inlined", type);
        for (var j = 0; j < fields.Length; j++)
        {
            scope[slots.Keys[j]] = fields[j];
        }

        return slots;
    }

    /// <summary>The body to inline: an expression body, or a block (from source), of a method, operator or property getter.</summary>
    private static SyntaxNode? Body(IMethodSymbol method)
    {
        if (method.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        return method.DeclaringSyntaxReferences[0].GetSyntax() switch
        {
            BaseMethodDeclarationSyntax declaration => (SyntaxNode?)declaration.ExpressionBody?.Expression ?? declaration.Body,
            ArrowExpressionClauseSyntax arrow => arrow.Expression,
            AccessorDeclarationSyntax accessor => (SyntaxNode?)accessor.ExpressionBody?.Expression ?? accessor.Body,
            _ => null,
        };
    }

    private static bool ContainsInvalidOperation(IOperation operation) => operation is IInvalidOperation || operation.ChildOperations.Any(ContainsInvalidOperation);

    /// <summary>
    /// A user's operator or member: is it one to inline (a member of a user struct, or a static method taking or
    /// returning a struct, [Differentiable] ones included: their generated derivatives take whole structs, which the
    /// flattened caller does not have)?
    /// </summary>
    private bool IsUserStructMember(IMethodSymbol? method) =>
        method is not null && method.MethodKind != MethodKind.Constructor && IsInlinable(method)
        && (StructOf(method.ContainingType) is { Family: StructFamily.User } || method.IsStatic && (StructOf(method.ReturnType) is not null || method.Parameters.Any(p => StructOf(p.Type) is not null)));

    /// <summary>The operands of a call to a user member, lowered: its arguments in parameter order.</summary>
    private List<Operands> UserArguments(IInvocationOperation invocation, Dictionary<ISymbol, object> env, List<Stmt> output) =>
        invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0).Select(a => Operand(a.Value, env, output)).ToList();
}
