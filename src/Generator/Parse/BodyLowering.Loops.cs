using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Leibniz.Generator.Ir;
using Leibniz.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Leibniz.Generator.Parse;

/// <summary>
/// Loops, array and span elements and integer index expressions. A counted <c>for</c> loop becomes a
/// <see cref="Loop"/> whose body is its own SSA function of the values the loop carries and reads; integers are
/// never differentiated: they are <see cref="IntExpr"/> trees, bound to their symbols while lowering.
/// </summary>
internal sealed partial class BodyLowering
{
    private void LowerFor(IForLoopOperation loop, Dictionary<ISymbol, object> env, List<Stmt> output)
    {
        if (CountedLoop(loop, env, output) is not { } header)
        {
            return;
        }

        LowerCountedLoop(loop, loop.Body, header.Variable, header.Counter, null, env, output, variableValue: header.Value, guards: header.Guards);
    }

    /// <summary><c>foreach (var v in x)</c> over an array or span parameter: a counted loop over its indices.</summary>
    private void LowerForEach(IForEachLoopOperation loop, Dictionary<ISymbol, object> env, List<Stmt> output)
    {
        var collection = loop.Collection is IConversionOperation conversion ? conversion.Operand : loop.Collection;
        if (ArrayOf(collection, env) is { Jagged: true } rows && loop.Locals.Length == 1 && IsFloatingArray(loop.Locals[0].Type))
        {
            var rowIndex = new LoopCounter(NewIntLocal(), null, IntExpr.Of(0), new ArrayLength(rows.Array));
            LowerCountedLoop(loop, loop.Body, null, rowIndex, (loop.Locals[0], RowOf(rows, new IntLocal(rowIndex.Variable))), env, output);
            return;
        }

        if (ArrayOf(collection, env) is not { Rented: false, Rank: 1, Jagged: false } array || loop.Locals.Length != 1 || !(IsFloating(loop.Locals[0].Type) || array.Struct is not null))
        {
            Report(loop, "foreach over something other than an array or span parameter or local array", $"foreach only over a {Keyword}[] or ReadOnlySpan<{Keyword}> parameter or a local array that is not rented, or use a counted for loop");
            return;
        }

        var index = new LoopCounter(NewIntLocal(), null, IntExpr.Of(0), new ArrayLength(array.Array));
        LowerCountedLoop(loop, loop.Body, null, index, (loop.Locals[0], array), env, output);
    }

    /// <summary>A new integer local of the method (shared with loop bodies, which lower into their own programs).</summary>
    private int NewIntLocal() => _intLocals[0]++;

    private void LowerCountedLoop(IOperation loop, IOperation loopBody, ILocalSymbol? variable, LoopCounter? counter,
        (ILocalSymbol Element, ArrayBinding Array)? element, Dictionary<ISymbol, object> env, List<Stmt> output, IOperation? whileCondition = null,
        IOperation? bottomCondition = null, IntExpr? variableValue = null, IReadOnlyList<IOperation>? guards = null)
    {
        guards ??= System.Array.Empty<IOperation>();

        if (Find(loopBody, o => o is IBranchOperation { BranchKind: not (BranchKind.Continue or BranchKind.Break) }) is { } jump)
        {
            Report(jump, "break or goto", "use a while loop on a carried value, or if/else inside the loop body, instead");
            return;
        }

        var assigned = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        CollectAssigned(loopBody, assigned);
        if (_pendingReturn is { } slots)
        {
            assigned.Add(slots.Returned);
            assigned.Add(slots.Result);
        }

        AddAssignedStructFields(loopBody, env, assigned);
        var inductions = counter is not null && whileCondition is null && bottomCondition is null && guards.Count == 0 && _pendingReturn is null
            ? Inductions(loopBody, variable, assigned, env, counter, output)
            : new List<Induction>();
        foreach (var induction in inductions)
        {
            assigned.Remove(induction.Symbol);
        }

        var carried = env.Where(e => e.Value is int && assigned.Contains(e.Key)).Select(e => e.Key).ToList();
        if (env.FirstOrDefault(e => e.Value is IntExpr or Frozen && assigned.Contains(e.Key)).Key is { } integer)
        {
            Report(loop, $"assignment to '{integer.Name}' inside a loop", "only double or float locals may change inside a loop; derive integers from the loop variable");
            return;
        }

        if (env.FirstOrDefault(e => e.Value == Unassigned && assigned.Contains(e.Key)).Key is { } unassigned)
        {
            Report(loop, $"local '{unassigned.Name}' assigned in a loop without an initial value", "initialise it before the loop");
            return;
        }

        var referenced = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        CollectReferenced(loopBody, referenced);
        CollectCaptured(loopBody, referenced);
        foreach (var condition in new[] { whileCondition, bottomCondition }.OfType<IOperation>().Concat(guards))
        {
            CollectReferenced(condition, referenced);
        }

        AddStructFields(env, referenced);
        var read = env.Where(e => e.Value is int && !assigned.Contains(e.Key) && referenced.Contains(e.Key)).Select(e => e.Key).ToList();
        var inputs = carried.Concat(read).ToList();
        var bodyEnv = new Dictionary<ISymbol, object>(SymbolEqualityComparer.Default);
        foreach (var entry in env.Where(e => e.Value is IntExpr or Frozen or ArrayBinding || IsStructBinding(e.Value)))
        {
            bodyEnv[entry.Key] = entry.Value;
        }

        for (var i = 0; i < inputs.Count; i++)
        {
            bodyEnv[inputs[i]] = i;
        }

        if (variable is not null && counter is not null)
        {
            bodyEnv[variable] = variableValue ?? new IntLocal(counter.Variable);
        }

        var closedForms = new Dictionary<ISymbol, IntExpr>(_inductions, SymbolEqualityComparer.Default);
        foreach (var induction in inductions)
        {
            bodyEnv[induction.Symbol] = induction.Before;
            closedForms[induction.Symbol] = induction.After;
        }

        var test = whileCondition is not null ? LowerTest(whileCondition, new Dictionary<ISymbol, object>(bodyEnv, SymbolEqualityComparer.Default), inputs.Count)
            : bottomCondition is not null ? LowerTest(null, bodyEnv, inputs.Count)
            : null;

        // A do-while loop is while (true) whose body ends with "if (!condition) break;".
        var exit = Find(loopBody, o => o is IBranchOperation { BranchKind: BranchKind.Break } jump && !BreaksSwitch(jump)) is not null || _pendingReturn is not null || bottomCondition is not null
            || guards.Count > 0
            ? (loop as ILoopOperation)?.ExitLabel : null;
        var child = new BodyLowering(_method, _floating, _compilation, _cancellationToken, _diagnostics, _calls, _loopCounter, inLoop: true)
        {
            _localArrays = _localArrays,
            _intLocals = _intLocals,
            _hoisted = _hoisted,
            _mutableInts = _mutableInts,
            _inductions = closedForms,
            _depth = _depth + 1,
            _nextId = inputs.Count,
            _exit = exit,
            _returnSlots = _pendingReturn,
        };
        _pendingReturn = null;
        var bodyOutput = new List<Stmt>();
        if (exit is not null)
        {
            bodyEnv[exit] = child.Constant(bodyOutput, 1);
        }

        if (element is { Array.Array.Row: not null } row)
        {
            bodyEnv[row.Element] = row.Array;
        }
        else if (element is { } bound && !child.BindStructElement(bound.Element, bound.Array, new IntLocal(counter!.Variable), bodyEnv, bodyOutput))
        {
            bodyEnv[bound.Element] = child.Add(bodyOutput, new Node(Op.Load, EquatableArray<int>.Empty, Index: bound.Array.Differentiated ? 1 : 0,
                Integer: new IntLocal(counter!.Variable), Array: bound.Array.Array));
        }

        if (guards.Count > 0 && exit is not null)
        {
            child.LowerGuardedBody(guards, loopBody, exit, bodyEnv, bodyOutput);
        }
        else
        {
            child.LowerSequence(new List<IOperation> { loopBody }, 0, bodyEnv, bodyOutput);
        }

        if (bottomCondition is not null && exit is not null)
        {
            child.StopUnless(bottomCondition, exit, bodyEnv, bodyOutput);
        }

        var outputs = carried.Select(c => (int)bodyEnv[c]).ToList();
        if (exit is not null)
        {
            outputs.Add((int)bodyEnv[exit]);
        }

        var body = new Program(inputs.Count, bodyOutput.ToEquatableArray(), outputs.ToEquatableArray());
        var initial = inputs.Select(s => (int)env[s]).ToList();
        var results = new List<int>();
        foreach (var symbol in carried)
        {
            var id = _nextId++;
            results.Add(id);
            env[symbol] = id;
        }

        if (!_inLoop)
        {
            output.AddRange(_hoisted);
            _hoisted.Clear();
        }

        var tape = _loopCounter[0]++;
        output.Add(new Loop(tape, counter, initial.ToEquatableArray(), results.ToEquatableArray(), body, test, exit is not null));
        foreach (var induction in inductions)
        {
            env[induction.Symbol] = IntLet(induction.Final, output);
        }
    }

    /// <summary>The end of a do-while body: the loop goes on only if it did not break and the condition holds.</summary>
    private void StopUnless(IOperation condition, ILabelSymbol exit, Dictionary<ISymbol, object> env, List<Stmt> output)
    {
        var flag = (int)env[exit];
        var cond = LowerCondition(condition, env, output);
        var otherwise = new List<Stmt>();
        var zero = Constant(otherwise, 0);
        var id = _nextId++;
        output.Add(new If(cond, EquatableArray<Stmt>.Empty, otherwise.ToEquatableArray(), EquatableArray.Create(new Phi(id, flag, zero))));
        env[exit] = id;
    }

    /// <summary>A while loop's condition (always true for null) as a function of the loop's parameters: 1 to continue, 0 to stop.</summary>
    private Program LowerTest(IOperation? condition, Dictionary<ISymbol, object> env, int parameters)
    {
        var child = new BodyLowering(_method, _floating, _compilation, _cancellationToken, _diagnostics, _calls, _loopCounter, inLoop: true)
        {
            _nextId = parameters,
            _localArrays = _localArrays,
            _intLocals = _intLocals,
            _mutableInts = _mutableInts,
        };
        var output = new List<Stmt>();
        if (condition is null)
        {
            var always = child.Constant(output, 1);
            return new Program(parameters, output.ToEquatableArray(), EquatableArray.Create(always));
        }

        var cond = child.LowerCondition(condition, env, output);
        var then = new List<Stmt>();
        var one = child.Constant(then, 1);
        var otherwise = new List<Stmt>();
        var zero = child.Constant(otherwise, 0);
        var id = child._nextId++;
        output.Add(new If(cond, then.ToEquatableArray(), otherwise.ToEquatableArray(), EquatableArray.Create(new Phi(id, one, zero))));
        return new Program(parameters, output.ToEquatableArray(), EquatableArray.Create(id));
    }

    /// <summary>
    /// A loop with a <c>return</c> inside (at the method's top level): the loop carries a "returned" flag and the
    /// result, a return sets both and breaks, and the rest of the method runs only when the flag is still 0.
    /// </summary>
    private int LowerLoopWithReturn(ILoopOperation loop, List<IOperation> rest, Dictionary<ISymbol, object> env, List<Stmt> output)
    {
        var id = _loopCounter[0].ToString(CultureInfo.InvariantCulture);
        var returned = _compilation.CreateErrorTypeSymbol(null, "<returned" + id + ">", 0);
        var result = _compilation.CreateErrorTypeSymbol(null, "<result" + id + ">", 0);
        env[returned] = Constant(output, 0);
        env[result] = Constant(output, 0);
        _pendingReturn = (returned, result);
        LowerSequence(new List<IOperation> { loop }, 0, env, output);
        _pendingReturn = null;
        if (env[returned] is not int flag || env[result] is not int value)
        {
            return Constant(output, 0);
        }

        var cond = Cond.Compare(CondOp.NotEqual, flag, Constant(output, 0));
        var elseOutput = new List<Stmt>();
        var elseValue = LowerSequence(rest, 0, Copy(env), elseOutput) ?? Constant(elseOutput, 0);
        var merged = _nextId++;
        output.Add(new If(cond, EquatableArray<Stmt>.Empty, elseOutput.ToEquatableArray(), EquatableArray.Create(new Phi(merged, value, elseValue))));
        return merged;
    }

    /// <summary>
    /// The header of a counted loop (it counts by one, up or down) and the user's loop variable in terms of its counter:
    /// the counter itself for a step of ±1, <c>start + step·k</c> over a counter k = 0, 1, … otherwise.
    /// </summary>
    private (ILocalSymbol Variable, LoopCounter Counter, IntExpr Value, IReadOnlyList<IOperation> Guards)? CountedLoop(IForLoopOperation loop,
        Dictionary<ISymbol, object> env, List<Stmt> output)
    {
        const string Advice = "write it as for (int i = start; i < end; i += step) or for (int i = start; i >= end; i -= step) with a constant step, and start and end computed from integer parameters, constants and Length";
        if (loop.Before.Length != 1 || loop.Before[0] is not IVariableDeclarationGroupOperation { Declarations.Length: 1 } group
            || group.Declarations[0].Declarators.Length != 1)
        {
            Report(loop, "loop header", Advice);
            return null;
        }

        var declarator = group.Declarations[0].Declarators[0];
        var variable = declarator.Symbol;
        if (variable.Type.SpecialType != SpecialType.System_Int32 || declarator.GetVariableInitializer()?.Value is not { } initializer)
        {
            Report(loop, "loop variable that is not an initialised int", Advice);
            return null;
        }

        var isVariable = (IOperation o) => o is ILocalReferenceOperation local && SymbolEqualityComparer.Default.Equals(local.Local, variable);
        var step = loop.AtLoopBottom.Length == 1 ? loop.AtLoopBottom[0] : null;
        if (step is IExpressionStatementOperation statement)
        {
            step = statement.Operation;
        }

        var stride = step switch
        {
            IIncrementOrDecrementOperation increment when isVariable(increment.Target) => increment.Kind == OperationKind.Increment ? 1 : -1,
            ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add, Value.ConstantValue: { HasValue: true, Value: int amount } } compound when isVariable(compound.Target) => amount,
            ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Subtract, Value.ConstantValue: { HasValue: true, Value: int amount } } compound when isVariable(compound.Target) => -amount,
            _ => 0,
        };
        if (stride == 0)
        {
            Report(loop, "loop whose step is not a constant", Advice);
            return null;
        }

        if (BoundOf(loop, variable, stride, Advice) is not { } bound)
        {
            return null;
        }

        if (Find(loop.Body, o => o is ISimpleAssignmentOperation or ICompoundAssignmentOperation or IIncrementOrDecrementOperation
                && Target(o switch { IAssignmentOperation a => a.Target, IIncrementOrDecrementOperation d => d.Target, _ => o }) is { } t
                && SymbolEqualityComparer.Default.Equals(t, variable)) is { } change)
        {
            Report(change, "assignment to the loop variable", Advice);
            return null;
        }

        var start = LowerInt(initializer, env, output);
        var end = LowerInt(bound.End, env, output);
        if (bound.Offset != 0)
        {
            end = bound.Offset > 0 ? end + IntExpr.Of(bound.Offset) : end - IntExpr.Of(-bound.Offset);
        }

        if (bound.Kind is BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThanOrEqual)
        {
            end = stride > 0 ? end + IntExpr.Of(1) : end - IntExpr.Of(1);
        }

        if (stride is 1 or -1)
        {
            var direct = new LoopCounter(NewIntLocal(), variable.Name, start, end, stride);
            return (variable, direct, new IntLocal(direct.Variable), bound.Guards);
        }

        // Any other step runs a counter k = 0, 1, … over the trip count, with the loop variable start + step·k.
        var distance = stride > 0 ? end - start : start - end;
        var trips = (distance + IntExpr.Of(System.Math.Abs(stride) - 1)) / IntExpr.Of(System.Math.Abs(stride));
        var counter = new LoopCounter(NewIntLocal(), null, IntExpr.Of(0), trips);
        return (variable, counter, start + IntExpr.Of(stride) * new IntLocal(counter.Variable), bound.Guards);
    }

    private static void CollectAssigned(IOperation operation, HashSet<ISymbol> assigned)
    {
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
            CollectAssigned(child, assigned);
        }
    }

    private static void CollectReferenced(IOperation operation, HashSet<ISymbol> referenced)
    {
        if (operation is ILocalReferenceOperation or IParameterReferenceOperation)
        {
            referenced.Add(Target(operation)!);
        }

        foreach (var child in operation.ChildOperations)
        {
            CollectReferenced(child, referenced);
        }
    }

    private static IOperation? Find(IOperation operation, System.Func<IOperation, bool> predicate)
    {
        if (predicate(operation))
        {
            return operation;
        }

        foreach (var child in operation.ChildOperations.Where(c => c is not ILocalFunctionOperation))
        {
            if (Find(child, predicate) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private ArrayBinding? ArrayOf(IOperation operation, Dictionary<ISymbol, object> env) => operation switch
    {
        IParameterReferenceOperation or ILocalReferenceOperation when env.TryGetValue(Target(operation)!, out var bound) => bound as ArrayBinding,
        IArrayElementReferenceOperation { Indices.Length: 1 } row when ArrayOf(row.ArrayReference, env) is { Jagged: true } rows => RowOf(rows, LowerInt(row.Indices[0], env)),
        _ => ConstantTable(operation),
    };

    /// <summary>Row <paramref name="index"/> of a jagged [NoDerivative] array: an array of data.</summary>
    private static ArrayBinding RowOf(ArrayBinding rows, IntExpr index) => new(rows.Array with { Row = index }, rows.Name, Differentiated: false, Local: false);

    private int Load(ArrayBinding array, IOperation index, Dictionary<ISymbol, object> env, List<Stmt> output) =>
        Add(output, new Node(Op.Load, EquatableArray<int>.Empty, Index: array.Differentiated ? 1 : 0, Integer: LowerInt(index, env, output), Array: array.Array));

    private int IntValue(IOperation operation, Dictionary<ISymbol, object> env, List<Stmt> output) =>
        Add(output, new Node(Op.IntValue, EquatableArray<int>.Empty, Integer: LowerInt(operation, env, output)));

    /// <summary>An integer expression: constants, integer parameters and locals, loop variables, Length, + − × ÷ %, unary −, Math.Min and Math.Max.</summary>
    /// <remarks>
    /// An integer local that changes (<see cref="_mutableInts"/>) is a value of the program; reading it writes its
    /// current value into an integer local of the generated code (into <paramref name="output"/>), which the expression reads.
    /// </remarks>
    private IntExpr LowerInt(IOperation operation, Dictionary<ISymbol, object> env, List<Stmt>? output = null)
    {
        if (operation.ConstantValue is { HasValue: true, Value: int constant })
        {
            return IntExpr.Of(constant);
        }

        switch (operation)
        {
            case IParenthesizedOperation parenthesized:
                return LowerInt(parenthesized.Operand, env, output);
            case IParameterReferenceOperation or ILocalReferenceOperation when env.TryGetValue(Target(operation)!, out var bound) && bound is IntExpr integer:
                return integer;
            case ILocalReferenceOperation local when env.TryGetValue(local.Local, out var value) && value is int id && _mutableInts.Contains(local.Local):
                return IntName(local, id, output);
            case IInvocationOperation { TargetMethod.Name: "GetLength", Instance: { } instance, Arguments.Length: 1 } dimension when ArrayOf(instance, env) is { Rank: 2 } grid
                && dimension.Arguments[0].Value.ConstantValue is { HasValue: true, Value: int which }:
                return new ArrayDimension(grid.Array, which);
            case IPropertyReferenceOperation { Property.Name: "Length", Instance: { } instance } when ArrayOf(instance, env) is { } array:
                if (array.Rented)
                {
                    Report(operation, "Length of an array rented from the pool (it may be longer than requested)", "use the length you asked for");
                }

                return new ArrayLength(array.Array);
            case IBinaryOperation binary when binary.Type?.SpecialType == SpecialType.System_Int32 && IntOperator(binary.OperatorKind) is { } op:
                return new IntBinary(op, LowerInt(binary.LeftOperand, env, output), LowerInt(binary.RightOperand, env, output));
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus } negation when negation.Type?.SpecialType == SpecialType.System_Int32:
                return new IntNegate(LowerInt(negation.Operand, env, output));
            case IInvocationOperation { TargetMethod: { Name: "Min" or "Max", ContainingType: { Name: "Math", ContainingNamespace.Name: "System" } } method, Arguments.Length: 2 } call
                when method.ReturnType.SpecialType == SpecialType.System_Int32:
                var arguments = call.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0).Select(a => LowerInt(a.Value, env, output)).ToList();
                return new IntBinary(method.Name == "Min" ? IntOp.Min : IntOp.Max, arguments[0], arguments[1]);
            case var _ when LowerMoreIntegers(operation, env) is { } more:
                return more;
            case IIncrementOrDecrementOperation:
                Report(operation, "increment or decrement used as a value", "read with the index, then change it in a statement of its own (x[idx] … ; idx++;)");
                return IntExpr.Of(0);
            default:
                Report(operation, "integer expression", "use integer parameters, constants, loop variables, Length, + - * / %, Math.Min and Math.Max");
                return IntExpr.Of(0);
        }
    }

    private static IntOp? IntOperator(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.Add => IntOp.Add,
        BinaryOperatorKind.Subtract => IntOp.Subtract,
        BinaryOperatorKind.Multiply => IntOp.Multiply,
        BinaryOperatorKind.Divide => IntOp.Divide,
        BinaryOperatorKind.Remainder => IntOp.Remainder,
        _ => null,
    };

    /// <summary>A floating parameter marked [NoDerivative] (its position in the signature): read as a constant.</summary>
    private sealed record Frozen(int Index);
}
