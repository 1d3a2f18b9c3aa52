using System.Collections.Generic;
using System.Linq;
using Leibniz.Generator.Ir;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Leibniz.Generator.Parse;

/// <summary>
/// Induction variables: an int local that a counted loop (no break, continue or return) changes once per iteration,
/// by a statement of the body itself (not in a branch or a nested loop) that adds or subtracts a loop-invariant
/// amount (<c>idx++</c>, <c>at -= 1</c>, <c>offset += d</c>). Its value in iteration t is v₀ + t·step, so the loop
/// need not carry it and its reverse need not record it: inside the body it is that closed form (v₀ + (t + 1)·step
/// after the update), after the loop v₀ + trips·step. This is the recomputation Tapenade and Enzyme prefer to a tape
/// where it is cheap.
/// </summary>
internal sealed partial class BodyLowering
{
    /// <summary>Inside a loop body: for each induction variable, its closed form after its update statement.</summary>
    private Dictionary<ISymbol, IntExpr> _inductions = new(SymbolEqualityComparer.Default);

    private readonly record struct Induction(ISymbol Symbol, IntExpr Before, IntExpr After, IntExpr Final);

    private List<Induction> Inductions(IOperation body, ILocalSymbol? variable, HashSet<ISymbol> assigned, Dictionary<ISymbol, object> env,
        LoopCounter counter, List<Stmt> output)
    {
        var found = new List<Induction>();
        if (body is not IBlockOperation block || Find(body, o => o is IBranchOperation or IReturnOperation) is not null)
        {
            return found;
        }

        foreach (var symbol in assigned.Where(s => _mutableInts.Contains(s) && env.TryGetValue(s, out var bound) && bound is int).ToList())
        {
            var updates = new List<IOperation>();
            CollectAssignmentsTo(body, symbol, updates);
            if (updates.Count != 1 || !block.Operations.Any(o => o is IExpressionStatementOperation statement && statement.Operation == updates[0]))
            {
                continue;
            }

            var (sign, amount) = updates[0] switch
            {
                IIncrementOrDecrementOperation increment => (increment.Kind == OperationKind.Increment ? "+" : "-", null),
                ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add } add => ("+", add.Value),
                ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Subtract } subtract => ("-", subtract.Value),
                _ => ((string?)null, (IOperation?)null),
            };
            if (sign is null || amount is not null && !Invariant(amount, variable, assigned, env))
            {
                continue;
            }

            var initial = IntName(symbol, (int)env[symbol], output);
            var step = amount is null ? IntExpr.Of(1) : LowerInt(amount, env, output);
            var iteration = counter.Step > 0 ? new IntLocal(counter.Variable) - counter.Start : counter.Start - new IntLocal(counter.Variable);
            var trips = new IntBinary(IntOp.Max, IntExpr.Of(0), counter.Step > 0 ? counter.End - counter.Start : counter.Start - counter.End);
            IntExpr Moved(IntExpr times) => sign == "+" ? initial + step * times : initial - step * times;
            found.Add(new Induction(symbol, Moved(iteration), Moved(iteration + IntExpr.Of(1)), Moved(trips)));
        }

        return found;
    }

    /// <summary>True when the amount reads only values fixed before the loop (not the loop variable, nothing the loop assigns or declares).</summary>
    private static bool Invariant(IOperation amount, ILocalSymbol? variable, HashSet<ISymbol> assigned, Dictionary<ISymbol, object> env) =>
        Find(amount, o => o is ILocalReferenceOperation local && (SymbolEqualityComparer.Default.Equals(local.Local, variable) || assigned.Contains(local.Local)
            || !env.ContainsKey(local.Local))) is null
        && Find(amount, o => o is IInvocationOperation && o.ConstantValue is not { HasValue: true }) is null;

    private static void CollectAssignmentsTo(IOperation operation, ISymbol symbol, List<IOperation> updates)
    {
        var target = operation switch
        {
            IAssignmentOperation assignment => Target(assignment.Target),
            IIncrementOrDecrementOperation increment => Target(increment.Target),
            _ => null,
        };
        if (SymbolEqualityComparer.Default.Equals(target, symbol))
        {
            updates.Add(operation);
        }

        foreach (var child in operation.ChildOperations)
        {
            CollectAssignmentsTo(child, symbol, updates);
        }
    }
}
