using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Leibniz.Generator.Ir;
using Leibniz.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Leibniz.Generator.Parse;

/// <summary>
/// Lowers a method body (IOperation tree) into the structured SSA IR. Early returns are turned into if/else
/// with a merged result; locals assigned in branches are merged with phis. Unsupported constructs become
/// diagnostics at their own location (and a placeholder value, so every problem is reported at once).
/// </summary>
internal sealed partial class BodyLowering
{
    private static readonly object Unassigned = new();

    private readonly IMethodSymbol _method;
    private readonly SpecialType _floating;
    private readonly ITypeParameterSymbol? _generic;

    /// <summary>Inside a loop body with a break: the key of the body's "keep going" flag in the environment.</summary>
    private ILabelSymbol? _exit;

    /// <summary>Inside a loop body that may return: the keys of the carried "returned" flag and result.</summary>
    private (ISymbol Returned, ISymbol Result)? _returnSlots;

    /// <summary>Set while lowering a loop with a return, for <see cref="LowerCountedLoop"/> to pick up.</summary>
    private (ISymbol Returned, ISymbol Result)? _pendingReturn;
    private readonly Compilation _compilation;
    private readonly CancellationToken _cancellationToken;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly List<CallSite> _calls;
    private readonly int[] _loopCounter;
    private readonly bool _inLoop;

    /// <summary>How many loops enclose the statements being lowered.</summary>
    private int _depth;
    private int _nextId;

    public BodyLowering(IMethodSymbol method, SpecialType floating, Compilation compilation, CancellationToken cancellationToken)
        : this(method, floating, compilation, cancellationToken, new List<DiagnosticInfo>(), new List<CallSite>(), new int[1], inLoop: false)
    {
    }

    private BodyLowering(IMethodSymbol method, SpecialType floating, Compilation compilation, CancellationToken cancellationToken,
        List<DiagnosticInfo> diagnostics, List<CallSite> calls, int[] loopCounter, bool inLoop)
    {
        _method = method;
        _floating = floating;
        _generic = method.IsGenericMethod ? method.TypeParameters[0] : null;
        _compilation = compilation;
        _cancellationToken = cancellationToken;
        _diagnostics = diagnostics;
        _calls = calls;
        _loopCounter = loopCounter;
        _inLoop = inLoop;
    }

    public IReadOnlyList<DiagnosticInfo> Diagnostics => _diagnostics;

    /// <summary>The calls to other [Differentiable] methods, for the call graph (recursion, callees without code).</summary>
    public IReadOnlyList<CallSite> Calls => _calls;

    /// <summary>Lowers the method body; <paramref name="parameters"/> says how each parameter enters it.</summary>
    public Program Lower(IBlockOperation body, IReadOnlyList<ParameterModel> parameters)
    {
        var env = new Dictionary<ISymbol, object>(SymbolEqualityComparer.Default);
        var count = 0;
        for (var i = 0; i < _method.Parameters.Length; i++)
        {
            var parameter = parameters[i];
            if (parameter.Shape is not null)
            {
                count = BindStructParameter(_method.Parameters[i], parameter, i, count, env);
                continue;
            }

            env[_method.Parameters[i]] = parameter.Kind switch
            {
                ParameterKind.Scalar => count++,
                ParameterKind.Constant => new Frozen(i),
                ParameterKind.Integer => new IntParameter(i),
                _ => new ArrayBinding(ArrayRef.Parameter(i), parameter.Name, parameter.Kind == ParameterKind.Array, Local: false, Rank: parameter.Rank, Jagged: parameter.Jagged),
            };
        }

        FindStructReturn(body);
        _diagnostics.AddRange(LocalArrayOrder.Check(body, local => IsFloatingArray(local.Type)));
        CollectMutableInts(body);

        _nextId = count;
        var output = new List<Stmt>();
        var result = LowerSequence(body.Operations.ToList(), 0, env, output) ?? Constant(output, 0);
        return new Program(count, output.ToEquatableArray(), Outputs(result));
    }

    private int? LowerSequence(List<IOperation> ops, int index, Dictionary<ISymbol, object> env, List<Stmt> output)
    {
        for (var i = index; i < ops.Count; i++)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var op = ops[i];
            if (!_inLoop && _pendingReturn is null && op is ILoopOperation { Body: { } loopBody } returning && Find(loopBody, o => o is IReturnOperation) is not null
                && !ContainsNestedReturn(loopBody))
            {
                return LowerLoopWithReturn(returning, ops.Skip(i + 1).ToList(), env, output);
            }

            switch (op)
            {
                case IReturnOperation { ReturnedValue: { } inlined } when _inFunction:
                    return LowerExpression(inlined, env, output);
                case IBlockOperation block:
                    return LowerSequence(block.Operations.Concat(ops.Skip(i + 1)).ToList(), 0, env, output);
                case ILocalFunctionOperation:
                    // Inlined where it is called (BodyLowering.LocalFunctions.cs).
                    break;
                case ISwitchOperation switchStatement:
                    if (LowerSwitchStatement(switchStatement, ops.Skip(i + 1).ToList(), env, output, out var rest))
                    {
                        return rest;
                    }

                    break;
                case IEmptyOperation:
                    break;
                case IReturnOperation { ReturnedValue: { } returnedValue } when _inLoop && _returnSlots is { } slots && _exit is { } stop:
                    env[slots.Result] = LowerExpression(returnedValue, env, output);
                    env[slots.Returned] = Constant(output, 1);
                    env[stop] = Constant(output, 0);
                    return null;
                case IReturnOperation ret when _inLoop:
                    Report(ret, "return inside a loop", "accumulate the result in a local and return it after the loop");
                    return null;
                case IReturnOperation ret when ret.ReturnedValue is not null:
                    return LowerExpression(ret.ReturnedValue, env, output);
                case IForLoopOperation loop:
                    LowerFor(loop, env, output);
                    break;
                case IForEachLoopOperation loop:
                    LowerForEach(loop, env, output);
                    break;
                case IWhileLoopOperation { ConditionIsTop: true, ConditionIsUntil: false, Condition: { } condition } loop:
                    LowerCountedLoop(loop, loop.Body, null, null, null, env, output, condition);
                    break;
                case IWhileLoopOperation { ConditionIsTop: false, ConditionIsUntil: false, Condition: { } condition } loop:
                    LowerCountedLoop(loop, loop.Body, null, null, null, env, output, bottomCondition: condition);
                    break;
                case IVariableDeclarationGroupOperation group:
                    LowerDeclarations(group, env, output);
                    break;
                case IExpressionStatementOperation statement:
                    LowerExpressionStatement(statement.Operation, env, output);
                    break;
                case IBranchOperation { BranchKind: BranchKind.Continue } when _inLoop:
                    return null;
                case IBranchOperation { BranchKind: BranchKind.Break } when _inLoop && _exit is { } exit:
                    env[exit] = Constant(output, 0);
                    return null;
                case IConditionalOperation conditional when _inLoop && !_inFunction && (ContainsContinue(conditional) || (_returnSlots is not null && ContainsReturn(conditional))):
                    if (ops.Skip(i + 1).FirstOrDefault(ContainsLoop) is { } nested)
                    {
                        Report(nested, "loop after a continue statement", "put the nested loop before the if statement that continues");
                        return null;
                    }

                    // if (c) { A; continue; } B  ≡  if (c) { A } else { B }: the rest of the body runs on the paths that do not continue.
                    LowerIf(conditional, env, output, ops.Skip(i + 1).ToList());
                    return null;
                case IConditionalOperation conditional:
                    if (ContainsReturn(conditional))
                    {
                        return LowerReturningIf(conditional, ops.Skip(i + 1).ToList(), env, output);
                    }

                    LowerIf(conditional, env, output);
                    break;
                default:
                    Report(op);
                    break;
            }
        }

        return null;
    }

    private int LowerReturningIf(IConditionalOperation conditional, List<IOperation> rest, Dictionary<ISymbol, object> env, List<Stmt> output)
    {
        var cond = LowerCondition(conditional.Condition, env, output);
        var thenOps = new List<IOperation> { conditional.WhenTrue };
        thenOps.AddRange(rest);
        var elseOps = new List<IOperation>();
        if (conditional.WhenFalse is not null)
        {
            elseOps.Add(conditional.WhenFalse);
        }

        elseOps.AddRange(rest);
        var thenOutput = new List<Stmt>();
        var thenValue = LowerSequence(thenOps, 0, Copy(env), thenOutput) ?? Constant(thenOutput, 0);
        var elseOutput = new List<Stmt>();
        var elseValue = LowerSequence(elseOps, 0, Copy(env), elseOutput) ?? Constant(elseOutput, 0);
        var id = _nextId++;
        output.Add(new If(cond, thenOutput.ToEquatableArray(), elseOutput.ToEquatableArray(), EquatableArray.Create(new Phi(id, thenValue, elseValue))));
        return id;
    }

    private void LowerIf(IConditionalOperation conditional, Dictionary<ISymbol, object> env, List<Stmt> output, List<IOperation>? rest = null)
    {
        var cond = LowerCondition(conditional.Condition, env, output);
        var thenEnv = Copy(env);
        var thenOutput = new List<Stmt>();
        LowerSequence(new List<IOperation> { conditional.WhenTrue }.Concat(rest ?? Enumerable.Empty<IOperation>()).ToList(), 0, thenEnv, thenOutput);
        var elseEnv = Copy(env);
        var elseOutput = new List<Stmt>();
        var elseOps = new List<IOperation>();
        if (conditional.WhenFalse is not null)
        {
            elseOps.Add(conditional.WhenFalse);
        }

        elseOps.AddRange(rest ?? Enumerable.Empty<IOperation>());
        LowerSequence(elseOps, 0, elseEnv, elseOutput);
        output.Add(new If(cond, thenOutput.ToEquatableArray(), elseOutput.ToEquatableArray(), MergeBranches(conditional, env, thenEnv, elseEnv)));
    }

    /// <summary>The phis that merge the locals two branches changed; <paramref name="env"/> then holds the merged values.</summary>
    private EquatableArray<Phi> MergeBranches(IOperation at, Dictionary<ISymbol, object> env, Dictionary<ISymbol, object> thenEnv, Dictionary<ISymbol, object> elseEnv)
    {
        var phis = new List<Phi>();
        foreach (var symbol in env.Keys.ToList())
        {
            var before = env[symbol];
            var afterThen = thenEnv[symbol];
            var afterElse = elseEnv[symbol];
            if (Equals(afterThen, before) && Equals(afterElse, before))
            {
                continue;
            }

            if (afterThen is int t && afterElse is int e)
            {
                var id = _nextId++;
                phis.Add(new Phi(id, t, e));
                env[symbol] = id;
            }
            else if (afterThen is Cond || afterElse is Cond)
            {
                Report(at, "bool variable assigned in a branch", "compute the condition once, outside the if statement");
            }
            else
            {
                env[symbol] = Unassigned;
            }
        }

        return phis.ToEquatableArray();
    }

    private void LowerDeclarations(IVariableDeclarationGroupOperation group, Dictionary<ISymbol, object> env, List<Stmt> output)
    {
        foreach (var declaration in group.Declarations)
        {
            foreach (var declarator in declaration.Declarators)
            {
                var local = declarator.Symbol;
                var initializer = declarator.GetVariableInitializer()?.Value;
                if (_mutableInts.Contains(local))
                {
                    env[local] = initializer is null ? Unassigned : IntLet(LowerInt(initializer, env, output), output);
                }
                else if (local.Type.SpecialType == SpecialType.System_Int32 && initializer is not null)
                {
                    env[local] = LowerInt(initializer, env);
                }
                else if (local.Type.SpecialType == SpecialType.System_Boolean)
                {
                    env[local] = initializer is null ? Unassigned : LowerCondition(initializer, env, output);
                }
                else if (IsFloating(local.Type))
                {
                    env[local] = initializer is null ? Unassigned : LowerExpression(initializer, env, output);
                }
                else if (!LowerStructDeclaration(local, initializer, env, output) && !LowerArrayDeclaration(declarator, initializer, env, output))
                {
                    Report(declarator, $"local of type '{local.Type.ToDisplayString()}'", $"use {Keyword}, int, bool and local arrays (Span<{Keyword}> = stackalloc {Keyword}[n]) only");
                }
            }
        }
    }

    private void LowerExpressionStatement(IOperation operation, Dictionary<ISymbol, object> env, List<Stmt> output)
    {
        if (LowerStructStatement(operation, env, output) || LowerElementStore(operation, env, output) || IsReturnToPool(operation, env) || LowerIntAssignment(operation, env, output))
        {
            return;
        }

        switch (operation)
        {
            case ISimpleAssignmentOperation assignment when Target(assignment.Target) is { } target:
                env[target] = target is ILocalSymbol { Type.SpecialType: SpecialType.System_Boolean }
                    ? LowerCondition(assignment.Value, env, output)
                    : LowerExpression(assignment.Value, env, output);
                break;
            case ICompoundAssignmentOperation compound when Target(compound.Target) is { } target && ArithmeticOp(compound.OperatorKind) is { } op
                && env[target] is int current && IsFloating(compound.Target.Type):
                env[target] = Add(output, Node.Of(op, current, LowerExpression(compound.Value, env, output)));
                break;
            case IIncrementOrDecrementOperation increment when Target(increment.Target) is { } target && env[target] is int value
                && IsFloating(increment.Target.Type):
                env[target] = Add(output, Node.Of(increment.Kind == OperationKind.Increment ? Op.Add : Op.Sub, value, Constant(output, 1)));
                break;
            default:
                Report(operation);
                break;
        }
    }

    private static ISymbol? Target(IOperation target) => target switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        _ => null,
    };

    private static Op? ArithmeticOp(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.Add => Op.Add,
        BinaryOperatorKind.Subtract => Op.Sub,
        BinaryOperatorKind.Multiply => Op.Mul,
        BinaryOperatorKind.Divide => Op.Div,
        _ => null,
    };

    private int LowerExpression(IOperation op, Dictionary<ISymbol, object> env, List<Stmt> output)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (LowerStructScalar(op, env, output) is { } read)
        {
            return read;
        }

        if (NamedConstant(op) is { } named)
        {
            return Add(output, named);
        }

        if (GenericConstant(op) is { } generic)
        {
            return Add(output, generic);
        }

        if (LowerMoreForms(op, env, output) is { } more)
        {
            return more;
        }

        if (op.ConstantValue.HasValue && op.ConstantValue.Value is { } constant && IsNumber(constant) && !ContainsNamedConstant(op))
        {
            return Constant(output, System.Convert.ToDouble(constant, System.Globalization.CultureInfo.InvariantCulture));
        }

        switch (op)
        {
            case IParenthesizedOperation parenthesized:
                return LowerExpression(parenthesized.Operand, env, output);
            case IParameterReferenceOperation or ILocalReferenceOperation when env.TryGetValue(Target(op)!, out var bound) && bound is int id:
                return id;
            case IParameterReferenceOperation or ILocalReferenceOperation when env.TryGetValue(Target(op)!, out var bound) && bound is Frozen frozen:
                return Add(output, new Node(Op.Frozen, EquatableArray<int>.Empty, Index: frozen.Index));
            case IArrayElementReferenceOperation { Indices.Length: 2 } element when ArrayOf(element.ArrayReference, env) is { Rank: 2 } grid:
                return Add(output, new Node(Op.Load, EquatableArray<int>.Empty, Index: grid.Differentiated ? 1 : 0,
                    Integer: new IntPair(LowerInt(element.Indices[0], env, output), LowerInt(element.Indices[1], env, output)), Array: grid.Array));
            case IArrayElementReferenceOperation { Indices.Length: 1 } element when ArrayOf(element.ArrayReference, env) is { Rank: 1, Jagged: false } array:
                return Load(array, element.Indices[0], env, output);
            case IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer when indexer.Instance is { } instance
                && ArrayOf(instance, env) is { } span:
                return Load(span, indexer.Arguments[0].Value, env, output);
            case IConversionOperation conversion when IsFloating(conversion.Type) && conversion.Operand.Type?.SpecialType == SpecialType.System_Int32
                && conversion.Operand is not IInvocationOperation:
                return IntValue(conversion.Operand, env, output);
            case IFieldReferenceOperation { Field.IsStatic: true } field when IsFloating(field.Type):
                return Add(output, new Node(Op.Field, EquatableArray<int>.Empty, Name: FullyQualified(field.Field.ContainingType) + "." + field.Field.Name));
            case IBinaryOperation binary when ArithmeticOp(binary.OperatorKind) is { } arithmetic && IsFloating(binary.Type):
                {
                    var left = LowerExpression(binary.LeftOperand, env, output);
                    var right = LowerExpression(binary.RightOperand, env, output);
                    return Add(output, Node.Of(arithmetic, left, right));
                }

            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus } unary when IsFloating(unary.Type):
                return Add(output, Node.Of(Op.Neg, LowerExpression(unary.Operand, env, output)));
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Plus } unary when IsFloating(unary.Type):
                return LowerExpression(unary.Operand, env, output);
            case IConversionOperation conversion when IsFloating(conversion.Type) && IsFloating(conversion.Operand.Type):
                return LowerExpression(conversion.Operand, env, output);
            case IConversionOperation { Operand: IInvocationOperation invocation } conversion when IsFloating(conversion.Type)
                && ResolveIntrinsic(invocation.TargetMethod) == "Sign":
                return LowerInvocation(invocation, env, output);
            case IInvocationOperation invocation when IsFloating(invocation.Type):
                return LowerInvocation(invocation, env, output);
            case IConditionalOperation { WhenFalse: not null } conditional when IsFloating(conditional.Type):
                return LowerConditionalExpression(conditional, env, output);
            case IInvocationOperation invocation:
                ReportCall(invocation);
                return Constant(output, 0);
            default:
                Report(op);
                return Constant(output, 0);
        }
    }

    private int LowerConditionalExpression(IConditionalOperation conditional, Dictionary<ISymbol, object> env, List<Stmt> output)
    {
        var cond = LowerCondition(conditional.Condition, env, output);
        var thenOutput = new List<Stmt>();
        var thenValue = LowerExpression(conditional.WhenTrue, Copy(env), thenOutput);
        var elseOutput = new List<Stmt>();
        var elseValue = LowerExpression(conditional.WhenFalse!, Copy(env), elseOutput);
        var id = _nextId++;
        output.Add(new If(cond, thenOutput.ToEquatableArray(), elseOutput.ToEquatableArray(), EquatableArray.Create(new Phi(id, thenValue, elseValue))));
        return id;
    }

    private int LowerInvocation(IInvocationOperation invocation, Dictionary<ISymbol, object> env, List<Stmt> output)
    {
        var target = invocation.TargetMethod;
        var arguments = invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0).ToList();
        if (arguments.FirstOrDefault(a => a.Parameter?.RefKind is not null and not RefKind.None) is { } byRef)
        {
            Report(byRef);
            return Constant(output, 0);
        }

        // Index 2 marks a second-order derivative, which Order = 2 methods need (its Hessian gives the partials' tangents).
        var secondOrder = MethodParser.OrderOf(_method) == 2 ? CustomDerivatives.FindSecondOrder(target) : null;
        if ((secondOrder ?? CustomDerivatives.Find(target)) is { } custom)
        {
            var customArgs = arguments.Select(a => LowerExpression(a.Value, env, output)).ToList();
            return Add(output, new Node(Op.UserCall, customArgs.ToEquatableArray(), Name: FullyQualified(target.ContainingType) + "." + target.Name,
                Index: secondOrder is null ? 0 : 2, Derivative: FullyQualified(custom.ContainingType) + "." + custom.Name));
        }

        if (MethodParser.IsDifferentiable(target))
        {
            return LowerUserCall(invocation, target, arguments, env, output);
        }

        var name = ResolveIntrinsic(target);
        if (name is null)
        {
            ReportCall(invocation);
            return Constant(output, 0);
        }

        var index = 0;
        var args = new List<int>();
        foreach (var argument in arguments)
        {
            if (argument.Value.Type?.SpecialType == SpecialType.System_Int32)
            {
                if (argument.Value.ConstantValue is { HasValue: true, Value: int exponent })
                {
                    index = exponent;
                }
                else
                {
                    Report(argument.Value, "integer argument that is not a constant", "pass a constant integer");
                }

                continue;
            }

            args.Add(LowerExpression(argument.Value, env, output));
        }

        if (name == "LeakyRelu" && args.Count == 1)
        {
            args.Add(Constant(output, 0.01));
        }

        return Add(output, new Node(Op.Call, args.ToEquatableArray(), Name: name, Index: index));
    }

    private int LowerUserCall(IInvocationOperation invocation, IMethodSymbol target, List<IArgumentOperation> arguments, Dictionary<ISymbol, object> env, List<Stmt> output)
    {
        // A generic-math callee is called with the caller's own type parameter: Dot<T>(a, b) inside F<T>.
        var generic = target.IsGenericMethod;
        var kinds = target.Parameters.Select(p => MethodParser.Classify(p, _floating, _generic)).ToList();
        if (!(target.IsStatic || IsCallOnThis(invocation)) || !IsFloating(target.ReturnType) || kinds.Any(k => k is null) || target.Parameters.Length == 0
            || (generic && (_generic is null || target.TypeArguments.Length != 1 || !SymbolEqualityComparer.Default.Equals(target.TypeArguments[0], _generic)
                || MethodParser.GenericMathParameter(target.OriginalDefinition) is null)))
        {
            Report(invocation, $"call to [Differentiable] method '{target.Name}' of a different shape",
                $"call only static [Differentiable] methods whose result is {Keyword} and whose parameters are {Keyword}, int, {Keyword}[] or ReadOnlySpan<{Keyword}> (a generic-math method from one with the same type parameter)");
            return Constant(output, 0);
        }

        // Whether the callee reaches back here (recursion) is decided over all methods' calls, after a Collect:
        // following the callee's body would bind other files on every keystroke.
        _calls.Add(new CallSite(MethodParser.KeyOf(target), target.Name, LocationInfo.From(invocation.Syntax)));
        var name = (target.IsStatic ? FullyQualified(target.ContainingType) : "this") + "." + target.Name;
        if (kinds.All(k => k == ParameterKind.Scalar) && !generic)
        {
            var scalars = arguments.Select(a => LowerExpression(a.Value, env, output)).ToList();
            return Add(output, new Node(Op.UserCall, scalars.ToEquatableArray(), Name: name));
        }

        var shape = new List<CallArg>();
        var args = new List<int>();
        var valid = true;
        foreach (var argument in arguments)
        {
            var parameter = argument.Parameter!;
            switch (kinds[parameter.Ordinal])
            {
                case ParameterKind.Scalar or ParameterKind.Constant:
                    args.Add(LowerExpression(argument.Value, env, output));
                    shape.Add(new CallArg(ArgKind.Scalar, kinds[parameter.Ordinal] == ParameterKind.Scalar));
                    break;
                case ParameterKind.Integer:
                    shape.Add(new CallArg(ArgKind.Integer, Differentiated: false, Integer: LowerInt(argument.Value, env, output)));
                    break;
                default:
                    if (ArrayArgument(argument, target) is { } array)
                    {
                        shape.Add(array with { Differentiated = kinds[parameter.Ordinal] == ParameterKind.Array });
                    }
                    else
                    {
                        valid = false;
                    }

                    break;
            }
        }

        return valid ? Add(output, new Node(Op.UserCall, args.ToEquatableArray(), Name: name, Shape: shape.ToEquatableArray(), Generic: generic)) : Constant(output, 0);

        CallArg? ArrayArgument(IArgumentOperation argument, IMethodSymbol callee)
        {
            var value = argument.Value;
            while (value is IConversionOperation { IsImplicit: true } conversion)
            {
                value = conversion.Operand;
            }

            if (ArrayOf(value, env) is { } shaped && (shaped.Rank != 1 || shaped.Jagged || value is IArrayElementReferenceOperation))
            {
                Report(argument.Value, "2-D or jagged array (or a row of one) passed to a method", $"pass a {Keyword}[] or ReadOnlySpan<{Keyword}>: copy the part the callee needs into a local array");
                return null;
            }

            if (ArrayOf(value, env) is not { } array)
            {
                Report(argument.Value, "array argument that is not a whole array or span parameter or local array of the method (a slice, a field, a new array, …)",
                    $"pass the whole parameter or local array, or copy the elements into a local array (Span<{Keyword}> part = stackalloc {Keyword}[n]) and pass that");
                return null;
            }

            if (array.Rented)
            {
                Report(argument.Value, $"rented local array '{array.Name}' passed to '{callee.Name}'", $"ArrayPool may return a longer array than asked for; declare it as Span<{Keyword}> {array.Name} = stackalloc {Keyword}[n] or new {Keyword}[n]");
                return null;
            }

            if (array.Local && argument.Parameter!.Type is IArrayTypeSymbol)
            {
                Report(argument.Value, $"local array '{array.Name}' passed to the {Keyword}[] parameter '{argument.Parameter.Name}' of '{callee.Name}'",
                    $"declare that parameter ReadOnlySpan<{Keyword}> (the generated code holds local arrays in spans)");
                return null;
            }

            return new CallArg(ArgKind.Array, Differentiated: false, Array: array.Array, Active: array.Differentiated, Length: array.Local ? array.Length : new ArrayLength(array.Array));
        }
    }

    private Cond LowerCondition(IOperation op, Dictionary<ISymbol, object> env, List<Stmt> output)
    {
        if (op.ConstantValue is { HasValue: true, Value: bool constant })
        {
            return constant ? Cond.True : new Cond(CondOp.False);
        }

        switch (op)
        {
            case IInvocationOperation { TargetMethod.MethodKind: MethodKind.LocalFunction } test:
                return LowerTestFunctionCall(test, env, output);
            case IParenthesizedOperation parenthesized:
                return LowerCondition(parenthesized.Operand, env, output);
            case ILocalReferenceOperation local when env.TryGetValue(local.Local, out var bound) && bound is Cond cond:
                return cond;
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return new Cond(CondOp.Not, Left: LowerCondition(not.Operand, env, output));
            case IBinaryOperation binary when binary.OperatorKind is BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.And
                && binary.LeftOperand.Type?.SpecialType == SpecialType.System_Boolean:
                return new Cond(CondOp.And, Left: LowerCondition(binary.LeftOperand, env, output), Right: LowerCondition(binary.RightOperand, env, output));
            case IBinaryOperation binary when binary.OperatorKind is BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.Or
                && binary.LeftOperand.Type?.SpecialType == SpecialType.System_Boolean:
                return new Cond(CondOp.Or, Left: LowerCondition(binary.LeftOperand, env, output), Right: LowerCondition(binary.RightOperand, env, output));
            case IBinaryOperation binary when Comparison(binary.OperatorKind) is { } comparison && binary.LeftOperand.Type?.SpecialType == SpecialType.System_Int32
                && binary.RightOperand.Type?.SpecialType == SpecialType.System_Int32:
                return Cond.Compare(comparison, IntValue(binary.LeftOperand, env, output), IntValue(binary.RightOperand, env, output));
            case IBinaryOperation binary when Comparison(binary.OperatorKind) is { } comparison && IsFloating(binary.LeftOperand.Type)
                && IsFloating(binary.RightOperand.Type):
                return Cond.Compare(comparison, LowerExpression(binary.LeftOperand, env, output), LowerExpression(binary.RightOperand, env, output));
            default:
                Report(op);
                return Cond.True;
        }
    }

    private static CondOp? Comparison(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.LessThan => CondOp.Less,
        BinaryOperatorKind.LessThanOrEqual => CondOp.LessOrEqual,
        BinaryOperatorKind.GreaterThan => CondOp.Greater,
        BinaryOperatorKind.GreaterThanOrEqual => CondOp.GreaterOrEqual,
        BinaryOperatorKind.Equals => CondOp.Equal,
        BinaryOperatorKind.NotEquals => CondOp.NotEqual,
        _ => null,
    };

    private static Node? NamedConstant(IOperation op)
    {
        if (op is IConversionOperation { Operand: var inner } && op.Type?.SpecialType is SpecialType.System_Double or SpecialType.System_Single)
        {
            op = inner;
        }

        if (op is not IFieldReferenceOperation { Field: { IsConst: true } field })
        {
            return null;
        }

        var owner = Intrinsics.FullName(field.ContainingType);
        if (owner is not ("System.Math" or "System.MathF" or "System.Double" or "System.Single"))
        {
            return null;
        }

        var value = System.Convert.ToDouble(field.ConstantValue, System.Globalization.CultureInfo.InvariantCulture);
        return field.Name switch
        {
            "PI" or "Pi" => Node.Constant(value, "π"),
            "E" => Node.Constant(value, "e"),
            "Tau" => Node.Constant(value, "τ"),
            _ => null,
        };
    }

    private static bool ContainsNamedConstant(IOperation op) => NamedConstant(op) is not null || op.ChildOperations.Any(ContainsNamedConstant);

    private static bool IsNumber(object value) => value is double or float or int or long or short or byte or sbyte or uint or ulong or ushort or decimal;

    private static bool ContainsContinue(IOperation op) =>
        op is IBranchOperation { BranchKind: BranchKind.Continue or BranchKind.Break } jump && !BreaksSwitch(jump)
        || (op is not (ILoopOperation or ILocalFunctionOperation) && op.ChildOperations.Any(ContainsContinue));

    /// <summary>A return inside a loop nested in this loop body (not supported: only the outermost loop may return).</summary>
    private static bool ContainsNestedReturn(IOperation body) =>
        body.ChildOperations.Any(c => c is ILoopOperation nested ? ContainsReturn(nested) : ContainsNestedReturn(c));

    private static bool ContainsLoop(IOperation op) => op is ILoopOperation || op.ChildOperations.Any(ContainsLoop);

    private static bool ContainsReturn(IOperation op) => op is IReturnOperation || (op is not ILocalFunctionOperation && op.ChildOperations.Any(ContainsReturn));

    private static Dictionary<ISymbol, object> Copy(Dictionary<ISymbol, object> env) => new(env, SymbolEqualityComparer.Default);

    /// <summary>True for the method's floating type: double, float, or its generic-math type parameter.</summary>
    private bool IsFloating(ITypeSymbol? type) =>
        type is not null && (_generic is null ? type.SpecialType == _floating || (_widened && type.SpecialType == SpecialType.System_Double)
            : SymbolEqualityComparer.Default.Equals(type, _generic));

    private string? ResolveIntrinsic(IMethodSymbol method) => _generic is null
        ? Intrinsics.Resolve(method, _floating) ?? (_widened ? Intrinsics.Resolve(method, SpecialType.System_Double) : null)
        : Intrinsics.ResolveGeneric(method, _generic);

    /// <summary>Generic-math constants: T.One, T.Zero, T.NegativeOne, T.Pi, T.E, T.Tau and T.CreateChecked(constant).</summary>
    private Node? GenericConstant(IOperation op)
    {
        if (_generic is null)
        {
            return null;
        }

        if (op is IPropertyReferenceOperation { Property.IsStatic: true, Instance: null } property && IsFloating(property.Type)
            && property.Property.ContainingType.ContainingNamespace?.ToDisplayString() == "System.Numerics")
        {
            return property.Property.Name switch
            {
                "One" => Node.Constant(1),
                "Zero" => Node.Constant(0),
                "NegativeOne" => Node.Constant(-1),
                "Pi" => Node.Constant(System.Math.PI, "π"),
                "E" => Node.Constant(System.Math.E, "e"),
                "Tau" => Node.Constant(2 * System.Math.PI, "τ"),
                _ => null,
            };
        }

        if (op is IInvocationOperation { TargetMethod.Name: "CreateChecked" or "CreateTruncating" or "CreateSaturating", Arguments.Length: 1 } create
            && IsFloating(create.Type) && create.Arguments[0].Value.ConstantValue is { HasValue: true, Value: { } value } && IsNumber(value))
        {
            return Node.Constant(System.Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture));
        }

        return null;
    }

    private string Keyword => _floating == SpecialType.System_Single ? "float" : "double";

    private int Constant(List<Stmt> output, double value) => Add(output, Node.Constant(value));

    private int Add(List<Stmt> output, Node node)
    {
        var id = _nextId++;
        output.Add(new Let(id, node));
        return id;
    }

    private void Report(IOperation op)
    {
        var (what, advice) = Unsupported.Describe(op);
        Report(op, what, advice);
    }

    private void Report(IOperation op, string what, string advice) =>
        _diagnostics.Add(DiagnosticInfo.Create(Generator.Diagnostics.UnsupportedConstruct, LocationInfo.From(op.Syntax), Snippet(op.Syntax), what, advice));

    private void ReportCall(IInvocationOperation invocation)
    {
        var target = invocation.TargetMethod;
        var advice = Intrinsics.IsMathOwner(target)
            ? "this overload is not in the derivative table (see the documentation for the supported functions)"
            : target.Locations.Any(l => l.IsInSource)
                ? $"mark '{target.Name}' [Differentiable] (static, double or float parameters and result, in a partial type)"
                : "compute it outside the differentiated method and pass the result as a parameter";
        _diagnostics.Add(DiagnosticInfo.Create(Generator.Diagnostics.UnsupportedCall, LocationInfo.From(invocation.Syntax),
            target.ContainingType.Name + "." + target.Name, advice));
    }

    private static string Snippet(SyntaxNode syntax)
    {
        var text = string.Join(" ", syntax.ToString().Split(new[] { '\r', '\n', ' ', '\t' }, System.StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= 60 ? text : text.Substring(0, 57) + "...";
    }

    internal static string FullyQualified(INamedTypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
}
