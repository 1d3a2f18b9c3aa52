using System.Collections.Generic;
using Leibniz.Generator.Ir;
using Leibniz.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Leibniz.Generator.Parse;

/// <summary>
/// Integer locals that change after their declaration (counters <c>k++</c>, running indices <c>idx++</c>, iteration
/// caps): such a local is a value of the program like a floating one — carried through loops, merged after branches,
/// recorded on the loop's tape when the reverse sweep needs it — held exactly as a floating-point number (an
/// <see cref="Op.IntValue"/>, never differentiated). Where it is used as an integer (an index, a bound, <c>s / k</c>),
/// the generated code converts its current value into an int local and the C# text names that local.
/// </summary>
internal sealed partial class BodyLowering
{
    /// <summary>The int locals assigned somewhere after their declaration (shared with loop bodies).</summary>
    private HashSet<ISymbol> _mutableInts = new(SymbolEqualityComparer.Default);

    private void CollectMutableInts(IOperation body)
    {
        var loopVariables = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var assigned = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        Walk(body);
        foreach (var symbol in assigned)
        {
            if (symbol is ILocalSymbol { Type.SpecialType: SpecialType.System_Int32 } && !loopVariables.Contains(symbol))
            {
                _mutableInts.Add(symbol);
            }
        }

        void Walk(IOperation operation)
        {
            if (operation is IForLoopOperation loop)
            {
                foreach (var local in loop.Locals)
                {
                    loopVariables.Add(local);
                }
            }

            var target = operation switch
            {
                IAssignmentOperation assignment => Target(assignment.Target),
                IIncrementOrDecrementOperation increment => Target(increment.Target),
                _ => null,
            };
            if (target is not null)
            {
                assigned.Add(target);
            }

            foreach (var child in operation.ChildOperations)
            {
                Walk(child);
            }
        }
    }

    /// <summary>A new value of a changing int local: its integer expression, held as a number.</summary>
    private int IntLet(IntExpr value, List<Stmt> output) => Add(output, new Node(Op.IntValue, EquatableArray<int>.Empty, Integer: value));

    /// <summary>An integer local of the generated code that holds the current value <paramref name="id"/> of a changing int local.</summary>
    private IntExpr IntName(ILocalReferenceOperation local, int id, List<Stmt>? output)
    {
        if (output is null)
        {
            Report(local, $"integer '{local.Local.Name}', which changes in the method, used here", "copy it into an int local declared before this statement and use that");
            return IntExpr.Of(0);
        }

        return IntName(local.Local, id, output);
    }

    private IntExpr IntName(ISymbol symbol, int id, List<Stmt> output)
    {
        var holder = new IntLocal(NewIntLocal());
        Add(output, new Node(Op.IntValue, EquatableArray.Create(id), Name: symbol.Name, Integer: holder));
        return holder;
    }

    /// <summary><c>k = e</c>, <c>k += e</c>, <c>k -= e</c>, <c>k *= e</c>, <c>k++</c>, <c>k--</c> on a changing int local; false for anything else.</summary>
    private bool LowerIntAssignment(IOperation operation, Dictionary<ISymbol, object> env, List<Stmt> output)
    {
        var target = operation switch
        {
            IAssignmentOperation assignment => assignment.Target,
            IIncrementOrDecrementOperation increment => increment.Target,
            _ => null,
        };
        if (target is not ILocalReferenceOperation local || !_mutableInts.Contains(local.Local))
        {
            return false;
        }

        if (env[local.Local] is IntExpr && _inductions.TryGetValue(local.Local, out var next))
        {
            env[local.Local] = next;
            return true;
        }

        if (operation is ISimpleAssignmentOperation simple)
        {
            env[local.Local] = IntLet(LowerInt(simple.Value, env, output), output);
            return true;
        }

        if (env[local.Local] is not int current)
        {
            Report(operation, $"update of '{local.Local.Name}' before it has a value", "initialise it where it is declared");
            return true;
        }

        var (op, amount) = operation switch
        {
            IIncrementOrDecrementOperation increment => (increment.Kind == OperationKind.Increment ? IntOp.Add : IntOp.Subtract, IntExpr.Of(1)),
            ICompoundAssignmentOperation compound when IntOperator(compound.OperatorKind) is { } kind => (kind, LowerInt(compound.Value, env, output)),
            _ => ((IntOp?)null, (IntExpr?)null),
        };
        if (op is not { } known)
        {
            Report(operation, "integer update", "use =, +=, -=, *=, /=, %=, ++ or --");
            return true;
        }

        env[local.Local] = IntLet(new IntBinary(known, IntName(local, current, output), amount!), output);
        return true;
    }
}
