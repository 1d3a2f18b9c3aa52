using System.Collections.Generic;
using System.Linq;
using Leibniz.Generator.Ir;
using Leibniz.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Leibniz.Generator.Parse;

/// <summary>
/// Local functions (static or not) declared in a [Differentiable] method are inlined where they are called: their
/// parameters are bound to the arguments, a local they read from the enclosing method has its value at the call
/// (exactly what C# does), and every <c>return</c> gives the call's value. A local function may branch, return early,
/// loop, switch and call other local functions; it may not assign the enclosing method's locals, nor call itself.
/// </summary>
internal sealed partial class BodyLowering
{
    /// <summary>True while lowering the top level of an inlined local function: a <c>return</c> gives the call's value.</summary>
    private bool _inFunction;

    private int LowerLocalFunctionCall(IInvocationOperation call, Dictionary<ISymbol, object> env, List<Stmt> output)
    {
        var function = call.TargetMethod;
        if (Declaration(call, function) is not { Body: { } body } declaration)
        {
            Report(call, $"call to local function '{function.Name}' whose body is not in this method", $"declare '{function.Name}' inside the [Differentiable] method");
            return Constant(output, 0);
        }

        if (function.IsGenericMethod)
        {
            Report(call, $"call to the generic local function '{function.Name}'", $"write '{function.Name}' for {Keyword} (or for the method's type parameter)");
            return Constant(output, 0);
        }

        if (CallsItself(declaration, function, new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default)))
        {
            Report(call, $"call to the recursive local function '{function.Name}'", "rewrite it with a loop");
            return Constant(output, 0);
        }

        if (AssignedOuterLocal(declaration) is { } outer)
        {
            Report(call, $"call to local function '{function.Name}', which assigns '{outer.Name}' of the enclosing method", $"return the new value from '{function.Name}' and assign it at the call");
            return Constant(output, 0);
        }

        // Captured locals are read with their values at the call; the function's own parameters and locals are new symbols.
        var inner = Copy(env);
        foreach (var argument in call.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0))
        {
            if (Argument(argument, env, output) is not { } bound)
            {
                return Constant(output, 0);
            }

            inner[function.Parameters[argument.Parameter!.Ordinal]] = bound;
        }

        var outerFunction = _inFunction;
        _inFunction = true;
        try
        {
            return LowerSequence(body.Operations.ToList(), 0, inner, output) ?? Constant(output, 0);
        }
        finally
        {
            _inFunction = outerFunction;
        }
    }

    /// <summary>
    /// A local function that computes an integer from integers with one expression (<c>int At(int i, int j) =&gt; i * n + j;</c>):
    /// its expression, with the parameters replaced by the arguments.
    /// </summary>
    private IntExpr LowerIndexFunctionCall(IInvocationOperation call, Dictionary<ISymbol, object> env)
    {
        var function = call.TargetMethod;
        if (Declaration(call, function) is not { Body: { Operations: [IReturnOperation { ReturnedValue: { } returned }] } } declaration
            || function.Parameters.Any(p => p.Type.SpecialType != SpecialType.System_Int32 || p.RefKind != RefKind.None)
            || CallsItself(declaration, function, new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default)))
        {
            Report(call, $"call to local function '{function.Name}' in an integer expression", $"give '{function.Name}' int parameters and a single expression body (int At(int i, int j) => i * n + j), or write the index inline");
            return IntExpr.Of(0);
        }

        var inner = Copy(env);
        foreach (var argument in call.Arguments)
        {
            inner[function.Parameters[argument.Parameter!.Ordinal]] = LowerInt(argument.Value, env);
        }

        return LowerInt(returned, inner);
    }

    /// <summary>
    /// A local function that tests its arguments with one expression (<c>static bool Inside(double v) =&gt; v &gt; 0 &amp;&amp; v &lt; 1;</c>),
    /// used as a condition: its condition, with the parameters bound to the arguments.
    /// </summary>
    private Cond LowerTestFunctionCall(IInvocationOperation call, Dictionary<ISymbol, object> env, List<Stmt> output)
    {
        var function = call.TargetMethod;
        if (Declaration(call, function) is not { Body: { Operations: [IReturnOperation { ReturnedValue: { } returned }] } } declaration
            || CallsItself(declaration, function, new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default)))
        {
            Report(call, $"call to local function '{function.Name}' in a condition", $"give '{function.Name}' a single expression body (static bool Inside(double v) => v > 0 && v < 1), or write the condition inline");
            return Cond.True;
        }

        var inner = Copy(env);
        foreach (var argument in call.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0))
        {
            if (Argument(argument, env, output) is not { } bound)
            {
                return Cond.True;
            }

            inner[function.Parameters[argument.Parameter!.Ordinal]] = bound;
        }

        return LowerCondition(returned, inner, output);
    }

    /// <summary>What a local function's parameter is bound to: a value, an integer, a condition or an array.</summary>
    private object? Argument(IArgumentOperation argument, Dictionary<ISymbol, object> env, List<Stmt> output)
    {
        var parameter = argument.Parameter!;
        var value = argument.Value;
        if (parameter.RefKind != RefKind.None)
        {
            Report(argument, $"ref, out or in parameter '{parameter.Name}' of a local function", "pass arguments by value and return the result");
            return null;
        }

        if (IsFloating(parameter.Type))
        {
            return LowerExpression(value, env, output);
        }

        switch (parameter.Type.SpecialType)
        {
            case SpecialType.System_Int32:
                return LowerInt(value, env);
            case SpecialType.System_Boolean:
                return LowerCondition(value, env, output);
        }

        while (value is IConversionOperation { IsImplicit: true } conversion)
        {
            value = conversion.Operand;
        }

        if (ArrayOf(value, env) is { } array)
        {
            return array;
        }

        Report(argument, $"argument of type '{parameter.Type.ToDisplayString()}' to a local function", $"pass {Keyword}, int, bool, or a whole array or span");
        return null;
    }

    /// <summary>The declaration of a local function, found in the method that contains the call.</summary>
    private static ILocalFunctionOperation? Declaration(IOperation from, IMethodSymbol function)
    {
        var root = from;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        return Descendants(root).OfType<ILocalFunctionOperation>().FirstOrDefault(f => SymbolEqualityComparer.Default.Equals(f.Symbol, function.OriginalDefinition));
    }

    /// <summary>True when the local function calls <paramref name="target"/>, directly or through other local functions.</summary>
    private static bool CallsItself(ILocalFunctionOperation function, IMethodSymbol target, HashSet<IMethodSymbol> seen)
    {
        foreach (var call in Descendants(function.Body!).OfType<IInvocationOperation>().Where(c => c.TargetMethod.MethodKind == MethodKind.LocalFunction))
        {
            if (SymbolEqualityComparer.Default.Equals(call.TargetMethod.OriginalDefinition, target.OriginalDefinition))
            {
                return true;
            }

            if (seen.Add(call.TargetMethod.OriginalDefinition) && Declaration(call, call.TargetMethod) is { Body: not null } callee && CallsItself(callee, target, seen))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A local or parameter of the enclosing method that the local function assigns, or null.</summary>
    private static ISymbol? AssignedOuterLocal(ILocalFunctionOperation function)
    {
        var assigned = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        CollectAssigned(function.Body!, assigned);
        return assigned.FirstOrDefault(s => !SymbolEqualityComparer.Default.Equals(s.ContainingSymbol, function.Symbol)
            && !(s.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.LocalFunction } owner && IsNestedIn(owner, function.Symbol)));
    }

    private static bool IsNestedIn(IMethodSymbol function, IMethodSymbol outer)
    {
        for (ISymbol? symbol = function; symbol is not null; symbol = symbol.ContainingSymbol)
        {
            if (SymbolEqualityComparer.Default.Equals(symbol, outer))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The locals and parameters of the enclosing method read by the local functions a loop body calls: the loop must
    /// pass them into its body as it does those the body reads itself.
    /// </summary>
    private static void CollectCaptured(IOperation loopBody, HashSet<ISymbol> referenced)
    {
        var seen = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        var pending = new Stack<IInvocationOperation>(Descendants(loopBody).OfType<IInvocationOperation>().Where(c => c.TargetMethod.MethodKind == MethodKind.LocalFunction));
        while (pending.Count > 0)
        {
            var call = pending.Pop();
            if (!seen.Add(call.TargetMethod.OriginalDefinition) || Declaration(call, call.TargetMethod) is not { Body: { } body })
            {
                continue;
            }

            CollectReferenced(body, referenced);
            foreach (var nested in Descendants(body).OfType<IInvocationOperation>().Where(c => c.TargetMethod.MethodKind == MethodKind.LocalFunction))
            {
                pending.Push(nested);
            }
        }
    }

    private static IEnumerable<IOperation> Descendants(IOperation operation) =>
        new[] { operation }.Concat(operation.ChildOperations.SelectMany(Descendants));
}
