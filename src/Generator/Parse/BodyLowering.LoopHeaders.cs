using System.Collections.Generic;
using System.Globalization;
using Leibniz.Generator.Ir;
using Leibniz.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Leibniz.Generator.Parse;

/// <summary>
/// The condition of a counted <c>for</c> loop in any of its equivalent spellings: <c>i &lt; n</c>, <c>i + 1 &lt; n</c>,
/// <c>n &gt; i</c>, <c>i - 1 &gt;= 0</c>, <c>i != n</c> (step ±1), and conjunctions that also test data
/// (<c>iter &lt; 100 &amp;&amp; err &gt; tol</c>): the counter's comparison is the bound, the other conjuncts are
/// tested at the top of every iteration and stop the loop like a <c>break</c>.
/// </summary>
internal sealed partial class BodyLowering
{
    /// <summary>The loop's bound as "counter <paramref name="Kind"/> <paramref name="End"/>" and the conjuncts that test data.</summary>
    private readonly record struct LoopBound(BinaryOperatorKind Kind, IOperation End, int Offset, IReadOnlyList<IOperation> Guards);

    /// <summary>
    /// Splits a loop condition into the counter's bound and the data conjuncts, or reports why it cannot (at the
    /// condition, not at the whole loop).
    /// </summary>
    private LoopBound? BoundOf(IForLoopOperation loop, ILocalSymbol variable, int stride, string advice)
    {
        var condition = loop.Condition;
        var at = condition ?? loop;
        var conjuncts = new List<IOperation>();
        if (condition is not null)
        {
            Conjuncts(condition, conjuncts);
        }

        LoopBound? bound = null;
        var guards = new List<IOperation>();
        foreach (var conjunct in conjuncts)
        {
            if (bound is null && conjunct is IBinaryOperation comparison && Normalized(comparison, variable) is { } found)
            {
                bound = found;
                continue;
            }

            if (Find(conjunct, o => o is IAssignmentOperation or IIncrementOrDecrementOperation) is { } effect)
            {
                Report(effect, "assignment inside a loop condition", "change the variable in the loop body");
                return null;
            }

            guards.Add(conjunct);
        }

        if (bound is not { } header)
        {
            Report(at, "loop condition that does not compare the loop variable with a bound", advice);
            return null;
        }

        var kind = header.Kind;
        if (kind == BinaryOperatorKind.NotEquals)
        {
            if (stride is not (1 or -1))
            {
                Report(at, $"loop condition '!=' with a step of {stride.ToString(CultureInfo.InvariantCulture)} (it can step over its bound)",
                    stride > 0 ? "write the bound with <" : "write the bound with >");
                return null;
            }

            kind = stride > 0 ? BinaryOperatorKind.LessThan : BinaryOperatorKind.GreaterThan;
        }

        var upwards = kind is BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual;
        var downwards = kind is BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual;
        if (!(stride > 0 && upwards || stride < 0 && downwards))
        {
            Report(at, stride > 0 ? "loop counting up towards a lower bound" : "loop counting down towards an upper bound", advice);
            return null;
        }

        return header with { Kind = kind, Guards = guards };
    }

    /// <summary>
    /// A loop body behind the data conjuncts of its condition: <c>if (guards) { body } else { break; }</c>, so the
    /// iteration that finds them false changes nothing and stops the loop.
    /// </summary>
    private void LowerGuardedBody(IReadOnlyList<IOperation> guards, IOperation body, ILabelSymbol exit, Dictionary<ISymbol, object> env, List<Stmt> output)
    {
        var cond = LowerCondition(guards[0], env, output);
        for (var i = 1; i < guards.Count; i++)
        {
            cond = new Cond(CondOp.And, Left: cond, Right: LowerCondition(guards[i], env, output));
        }

        var thenEnv = Copy(env);
        var thenOutput = new List<Stmt>();
        LowerSequence(new List<IOperation> { body }, 0, thenEnv, thenOutput);
        var elseEnv = Copy(env);
        var elseOutput = new List<Stmt>();
        elseEnv[exit] = Constant(elseOutput, 0);
        output.Add(new If(cond, thenOutput.ToEquatableArray(), elseOutput.ToEquatableArray(), MergeBranches(body, env, thenEnv, elseEnv)));
    }

    private static void Conjuncts(IOperation condition, List<IOperation> conjuncts)
    {
        while (condition is IParenthesizedOperation parenthesized)
        {
            condition = parenthesized.Operand;
        }

        if (condition is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and)
        {
            Conjuncts(and.LeftOperand, conjuncts);
            Conjuncts(and.RightOperand, conjuncts);
            return;
        }

        conjuncts.Add(condition);
    }

    /// <summary><c>i + c OP e</c> or <c>e OP i + c</c> as <c>i OP' e</c> with offset −c (the bound is e − c).</summary>
    private static LoopBound? Normalized(IBinaryOperation comparison, ILocalSymbol variable)
    {
        if (comparison.OperatorKind is not (BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThan
            or BinaryOperatorKind.GreaterThanOrEqual or BinaryOperatorKind.NotEquals))
        {
            return null;
        }

        if (CounterOffset(comparison.LeftOperand, variable) is { } left && !Mentions(comparison.RightOperand, variable))
        {
            return new LoopBound(comparison.OperatorKind, comparison.RightOperand, -left, System.Array.Empty<IOperation>());
        }

        if (CounterOffset(comparison.RightOperand, variable) is { } right && !Mentions(comparison.LeftOperand, variable))
        {
            var flipped = comparison.OperatorKind switch
            {
                BinaryOperatorKind.LessThan => BinaryOperatorKind.GreaterThan,
                BinaryOperatorKind.LessThanOrEqual => BinaryOperatorKind.GreaterThanOrEqual,
                BinaryOperatorKind.GreaterThan => BinaryOperatorKind.LessThan,
                BinaryOperatorKind.GreaterThanOrEqual => BinaryOperatorKind.LessThanOrEqual,
                _ => comparison.OperatorKind,
            };
            return new LoopBound(flipped, comparison.LeftOperand, -right, System.Array.Empty<IOperation>());
        }

        return null;
    }

    /// <summary>c when the operation is the counter plus or minus a constant c (0 for the counter alone).</summary>
    private static int? CounterOffset(IOperation operation, ILocalSymbol variable)
    {
        while (operation is IParenthesizedOperation parenthesized)
        {
            operation = parenthesized.Operand;
        }

        if (operation is ILocalReferenceOperation local && SymbolEqualityComparer.Default.Equals(local.Local, variable))
        {
            return 0;
        }

        if (operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract } sum)
        {
            var sign = sum.OperatorKind == BinaryOperatorKind.Add ? 1 : -1;
            if (sum.RightOperand.ConstantValue is { HasValue: true, Value: int right } && CounterOffset(sum.LeftOperand, variable) is { } inner)
            {
                return inner + sign * right;
            }

            if (sign == 1 && sum.LeftOperand.ConstantValue is { HasValue: true, Value: int left } && CounterOffset(sum.RightOperand, variable) is { } rest)
            {
                return rest + left;
            }
        }

        return null;
    }

    private static bool Mentions(IOperation operation, ILocalSymbol variable) =>
        Find(operation, o => o is ILocalReferenceOperation local && SymbolEqualityComparer.Default.Equals(local.Local, variable)) is not null;
}
