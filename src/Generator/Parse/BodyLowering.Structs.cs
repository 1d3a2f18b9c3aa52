using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Leibniz.Generator.Ir;
using Leibniz.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Leibniz.Generator.Parse;

/// <summary>
/// Structs of numbers are flattened here, so the rest of the pipeline sees only scalars: a struct parameter is one
/// program parameter per field, a struct local one environment entry per field (under a key of its own, so branches
/// merge and loops carry each field like any other local), and a struct expression lowers to one value per field.
/// A span of structs is read through a flat span of its fields (<see cref="Emit.StructNames"/>), element i's field j
/// at <c>k·i + j</c>. The signatures put the fields back together.
/// </summary>
internal sealed partial class BodyLowering
{
    private static int _slotNames;

    private readonly Dictionary<ITypeSymbol, StructType?> _structTypes = new(SymbolEqualityComparer.Default);

    /// <summary>The value a method whose result is a struct returns (its one return, at the end of the body).</summary>
    private IOperation? _structReturn;

    /// <summary>True when the method's result is a struct.</summary>
    private bool _returnsStruct;

    /// <summary>The fields of <see cref="_structReturn"/> once lowered: the program's outputs.</summary>
    private int[]? _structResult;

    /// <summary>A struct local or parameter: its fields live in the environment under <see cref="Keys"/>.</summary>
    private sealed class StructSlots
    {
        public StructSlots(StructType type, ISymbol[] keys)
        {
            Type = type;
            Keys = keys;
        }

        public StructType Type { get; }

        public ISymbol[] Keys { get; }
    }

    /// <summary>The struct of numbers a value of <paramref name="type"/> is, or null.</summary>
    private StructType? StructOf(ITypeSymbol? type)
    {
        if (type is null)
        {
            return null;
        }

        if (!_structTypes.TryGetValue(type, out var known))
        {
            known = StructTypes.Resolve(type, _compilation, _method.ContainingType, out _);
            _structTypes[type] = known;
        }

        return known;
    }

    /// <summary>Binds the struct parameter at position <paramref name="index"/>, or a span or array of structs; returns the next program parameter.</summary>
    private int BindStructParameter(IParameterSymbol parameter, ParameterModel model, int index, int next, Dictionary<ISymbol, object> env)
    {
        var element = parameter.Type switch
        {
            IArrayTypeSymbol array => array.ElementType,
            INamedTypeSymbol { IsGenericType: true } span when model.Kind is ParameterKind.Array or ParameterKind.ConstantArray => span.TypeArguments[0],
            var own => own,
        };
        var type = StructOf(element)!;
        switch (model.Kind)
        {
            case ParameterKind.Scalar or ParameterKind.Constant:
                var slots = NewSlots(parameter.Name, type);
                env[parameter] = slots;
                for (var j = 0; j < type.Count; j++)
                {
                    env[slots.Keys[j]] = model.Kind == ParameterKind.Scalar ? next++ : new FrozenField(index, type.Shape.Members[j]);
                }

                return next;
            default:
                env[parameter] = new ArrayBinding(ArrayRef.Parameter(index), parameter.Name, model.Kind == ParameterKind.Array, Local: false) { Struct = type };
                return next;
        }
    }

    /// <summary>Keys of their own for the fields of a struct local or parameter (names never seen by the user).</summary>
    private StructSlots NewSlots(string name, StructType type)
    {
        var id = Interlocked.Increment(ref _slotNames).ToString(CultureInfo.InvariantCulture);
        var keys = type.Shape.Members.Select(m => (ISymbol)_compilation.CreateErrorTypeSymbol(null, "<" + name + "." + m + "#" + id + ">", 0)).ToArray();
        return new StructSlots(type, keys);
    }

    /// <summary>The struct a method returns, checked: it must be returned once, at the end of the body.</summary>
    private void FindStructReturn(IBlockOperation body)
    {
        if (StructOf(_method.ReturnType) is null)
        {
            return;
        }

        _returnsStruct = true;

        var returns = new List<IReturnOperation>();
        CollectReturns(body, returns);
        var last = body.Operations.LastOrDefault() as IReturnOperation;
        foreach (var ret in returns.Where(r => !ReferenceEquals(r, last)))
        {
            Report(ret, "return of a struct before the end of the method", "assign the result to a local in each branch and return it once, at the end (or choose it with ?:)");
        }

        _structReturn = last?.ReturnedValue;
    }

    private static void CollectReturns(IOperation operation, List<IReturnOperation> returns)
    {
        if (operation is IReturnOperation ret)
        {
            returns.Add(ret);
        }

        foreach (var child in operation.ChildOperations)
        {
            CollectReturns(child, returns);
        }
    }

    /// <summary>The program's outputs: the returned struct's fields, or the one returned value.</summary>
    private EquatableArray<int> Outputs(int result) => _structResult is { } fields ? fields.ToEquatableArray() : EquatableArray.Create(result);

    /// <summary>A floating value read from a struct (a field, a property, a function of System.Numerics), or null when <paramref name="op"/> is not one.</summary>
    private int? LowerStructScalar(IOperation op, Dictionary<ISymbol, object> env, List<Stmt> output)
    {
        if (_structReturn is not null && ReferenceEquals(op, _structReturn))
        {
            _structResult = LowerStruct(op, env, output);
            return _structResult.FirstOrDefault();
        }

        if (_returnsStruct && op.Parent is IReturnOperation)
        {
            // A struct returned before the end: reported once, at its return, by FindStructReturn.
            return Constant(output, 0);
        }

        switch (op)
        {
            case IBinaryOperation { OperatorMethod: { } userOperator } binary when IsUserStructMember(userOperator) && IsFloating(binary.Type):
                return InlineScalar(userOperator, null, new[] { Operand(binary.LeftOperand, env, output), Operand(binary.RightOperand, env, output) }, op, env, output)
                    ?? Constant(output, 0);
            case IInvocationOperation invocation when IsUserStructMember(invocation.TargetMethod) && IsFloating(invocation.Type) && !OnThis(invocation.Instance):
                return InlineScalar(invocation.TargetMethod, invocation.Instance is { } self ? Operand(self, env, output) : null, UserArguments(invocation, env, output), op, env, output)
                    ?? Constant(output, 0);
            case IFieldReferenceOperation { Instance: { } instance } field when StructOf(instance.Type) is { } type && !OnThis(instance):
                return type.IndexOf(field.Field) is { } index ? Field(instance, type, index, env, output) : Unreadable(op, field.Field, type, output);
            case IPropertyReferenceOperation { Instance: { } instance, Property.IsIndexer: false } property when StructOf(instance.Type) is { } type && !OnThis(instance):
                if (type.IndexOf(property.Property) is { } member)
                {
                    return Field(instance, type, member, env, output);
                }

                if (IsUserStructMember(property.Property.GetMethod))
                {
                    return InlineScalar(property.Property.GetMethod!, Operand(instance, env, output), new List<Operands>(), op, env, output) ?? Constant(output, 0);
                }

                return ComplexProperty(property.Property.Name, type, instance, env, output) ?? Unreadable(op, property.Property, type, output);
            case IInvocationOperation invocation when invocation.TargetMethod.ContainingType is { } owner && StructOf(owner) is { Family: not StructFamily.User } family
                && IsFloating(invocation.Type):
                return LowerNumericsScalar(invocation, family, env, output);
            default:
                return null;
        }
    }

    private int Unreadable(IOperation op, ISymbol member, StructType type, List<Stmt> output)
    {
        Report(op, $"member '{member.Name}' of '{type.Symbol.Name}', which is computed by code the generator does not read",
            "read the fields (" + string.Join(", ", type.Shape.Members) + ") and write its formula out");
        return Constant(output, 0);
    }

    /// <summary>Field <paramref name="index"/> of a struct value (one element read for an element of a span of structs).</summary>
    private int Field(IOperation instance, StructType type, int index, Dictionary<ISymbol, object> env, List<Stmt> output) =>
        StructElement(instance, env) is { } element
            ? LoadField(element.Array, element.Index, type, index, env, output)
            : LowerStruct(instance, env, output)[index];

    /// <summary>A struct value: one value per field.</summary>
    private int[] LowerStruct(IOperation op, Dictionary<ISymbol, object> env, List<Stmt> output)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        var type = StructOf(op.Type)!;
        if (type.Element != _floating)
        {
            Report(op, $"value of type '{type.Symbol.Name}', whose fields are {(type.Element == SpecialType.System_Single ? "float" : "double")}",
                $"this method computes in {Keyword}: use a struct of {Keyword} fields, or write the method for the fields' type");
            return Zeros(type, output);
        }

        switch (op)
        {
            case IParenthesizedOperation parenthesized:
                return LowerStruct(parenthesized.Operand, env, output);
            case IConversionOperation conversion when SymbolEqualityComparer.Default.Equals(conversion.Operand.Type, conversion.Type):
                return LowerStruct(conversion.Operand, env, output);
            case IConversionOperation conversion when type.Family == StructFamily.Complex && conversion.Operand.Type?.SpecialType is >= SpecialType.System_SByte and <= SpecialType.System_Double:
                return new[] { LowerNumber(conversion.Operand, env, output), Constant(output, 0) };
            case ILocalReferenceOperation or IParameterReferenceOperation when env.TryGetValue(Target(op)!, out var bound) && bound is StructSlots slots:
                return Read(slots, env, output);
            case IDefaultValueOperation:
                return Zeros(type, output);
            case IObjectCreationOperation creation:
                return LowerCreation(creation, type, env, output);
            case IWithOperation with:
                {
                    var fields = LowerStruct(with.Operand, env, output).ToArray();
                    ApplyInitializer(with.Initializer, type, fields, env, output);
                    return fields;
                }

            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                {
                    var cond = LowerCondition(conditional.Condition, env, output);
                    var thenOutput = new List<Stmt>();
                    var thenFields = LowerStruct(conditional.WhenTrue, Copy(env), thenOutput);
                    var elseOutput = new List<Stmt>();
                    var elseFields = LowerStruct(whenFalse, Copy(env), elseOutput);
                    var phis = thenFields.Select((t, j) => new Phi(_nextId++, t, elseFields[j])).ToList();
                    output.Add(new If(cond, thenOutput.ToEquatableArray(), elseOutput.ToEquatableArray(), phis.ToEquatableArray()));
                    return phis.Select(p => p.Id).ToArray();
                }

            case IFieldReferenceOperation { Instance: null } or IPropertyReferenceOperation { Instance: null, Property.IsIndexer: false }:
                {
                    // A static field or property (Vector3.UnitX, Complex.ImaginaryOne, a static readonly struct of the user's): constant fields.
                    var member = ((IMemberReferenceOperation)op).Member;
                    var owner = FullyQualified(member.ContainingType) + "." + member.Name;
                    return type.Shape.Members.Select(m => Add(output, new Node(Op.Field, EquatableArray<int>.Empty, Name: owner + "." + m))).ToArray();
                }

            case IBinaryOperation { OperatorMethod: { } method } binary when StructOf(method.ContainingType) is { Family: not StructFamily.User }:
                return Arithmetic(type, binary.OperatorKind, Operand(binary.LeftOperand, env, output), Operand(binary.RightOperand, env, output), op, output);
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus or UnaryOperatorKind.Plus, OperatorMethod: { } method } unary
                when StructOf(method.ContainingType) is { Family: not StructFamily.User }:
                {
                    var fields = LowerStruct(unary.Operand, env, output);
                    return unary.OperatorKind == UnaryOperatorKind.Plus ? fields : fields.Select(f => Add(output, Node.Of(Op.Neg, f))).ToArray();
                }

            case IInvocationOperation invocation when invocation.TargetMethod.ContainingType is { } owner && StructOf(owner) is { Family: not StructFamily.User }:
                return LowerNumericsStruct(invocation, type, env, output);
            case IBinaryOperation { OperatorMethod: { } userOperator } binary when IsUserStructMember(userOperator):
                return InlineStruct(userOperator, null, new[] { Operand(binary.LeftOperand, env, output), Operand(binary.RightOperand, env, output) }, op, env, output) ?? Zeros(type, output);
            case IUnaryOperation { OperatorMethod: { } userOperator } unary when IsUserStructMember(userOperator):
                return InlineStruct(userOperator, null, new[] { Operand(unary.Operand, env, output) }, op, env, output) ?? Zeros(type, output);
            case IInvocationOperation invocation when IsUserStructMember(invocation.TargetMethod):
                return InlineStruct(invocation.TargetMethod, invocation.Instance is { } self ? Operand(self, env, output) : null, UserArguments(invocation, env, output), op, env, output)
                    ?? Zeros(type, output);
            case IPropertyReferenceOperation { Instance: { } instance, Property.GetMethod: { } getter } when IsUserStructMember(getter):
                return InlineStruct(getter, Operand(instance, env, output), new List<Operands>(), op, env, output) ?? Zeros(type, output);
            case IInstanceReferenceOperation when _this is { } receiver:
                return Read(receiver, env, output);
            case IBinaryOperation or IUnaryOperation:
                Report(op, $"operator of '{type.Symbol.Name}' defined by its own code, which the generator does not read",
                    "write it with the fields (new " + type.Symbol.Name + "(a." + type.Shape.Members[0] + " + b." + type.Shape.Members[0] + ", …))");
                return Zeros(type, output);
            default:
                if (StructElement(op, env) is { } element)
                {
                    return Enumerable.Range(0, type.Count).Select(j => LoadField(element.Array, element.Index, type, j, env, output)).ToArray();
                }

                Report(op);
                return Zeros(type, output);
        }
    }

    /// <summary><c>new T(…)</c> and <c>new T { … }</c>.</summary>
    private int[] LowerCreation(IObjectCreationOperation creation, StructType type, Dictionary<ISymbol, object> env, List<Stmt> output)
    {
        var arguments = creation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0).ToList();
        int[] fields;
        if (arguments.Count == 0)
        {
            fields = Zeros(type, output);
        }
        else if (type.Family == StructFamily.User)
        {
            fields = Zeros(type, output);
            if (type.ConstructorMap(creation.Constructor!) is { } map)
            {
                for (var i = 0; i < arguments.Count; i++)
                {
                    fields[map[i]] = LowerExpression(arguments[i].Value, env, output);
                }
            }
            else
            {
                Report(creation, $"constructor of '{type.Symbol.Name}' that does more than copy each parameter into its field",
                    "use a positional record struct, a constructor made of assignments X = x;, or an object initializer new " + type.Symbol.Name + " { " + type.Shape.Members[0] + " = … }");
            }
        }
        else
        {
            // Vector3(x, y, z), Vector3(Vector2 xy, z), Vector4(Vector3 xyz, w), Vector3(value) for all fields; Complex(real, imaginary).
            var values = arguments.SelectMany(a => Operand(a.Value, env, output).All).ToList();
            fields = values.Count == 1 ? Enumerable.Repeat(values[0], type.Count).ToArray() : values.ToArray();
            if (fields.Length != type.Count)
            {
                Report(creation, $"constructor of '{type.Symbol.Name}' with these arguments", "pass one value per field");
                fields = Zeros(type, output);
            }
        }

        if (creation.Initializer is { } initializer)
        {
            ApplyInitializer(initializer, type, fields, env, output);
        }

        return fields;
    }

    /// <summary>The assignments of an object initializer or a <c>with</c> expression, applied to <paramref name="fields"/>.</summary>
    private void ApplyInitializer(IObjectOrCollectionInitializerOperation initializer, StructType type, int[] fields, Dictionary<ISymbol, object> env, List<Stmt> output)
    {
        foreach (var assignment in initializer.Initializers)
        {
            if (assignment is ISimpleAssignmentOperation { Target: IMemberReferenceOperation member } simple && type.IndexOf(member.Member) is { } index)
            {
                fields[index] = LowerExpression(simple.Value, env, output);
            }
            else
            {
                Report(assignment, "initializer of something other than a field", "set the fields (" + string.Join(", ", type.Shape.Members) + ")");
            }
        }
    }

    /// <summary>Declares a struct local: one environment entry per field.</summary>
    private bool LowerStructDeclaration(ILocalSymbol local, IOperation? initializer, Dictionary<ISymbol, object> env, List<Stmt> output)
    {
        if (StructOf(local.Type) is not { } type)
        {
            return false;
        }

        var fields = initializer is null ? null : LowerStruct(initializer, env, output);
        var slots = NewSlots(local.Name, type);
        env[local] = slots;
        for (var j = 0; j < type.Count; j++)
        {
            env[slots.Keys[j]] = fields is null ? Unassigned : fields[j];
        }

        return true;
    }

    /// <summary>
    /// Assignments to a struct local or parameter (<c>=</c>, <c>+=</c> and the other operators of System.Numerics) and
    /// to one of its fields (<c>v.X = …</c>, <c>v.X += …</c>, <c>v.X++</c>); false when <paramref name="operation"/> is none of these.
    /// </summary>
    private bool LowerStructStatement(IOperation operation, Dictionary<ISymbol, object> env, List<Stmt> output)
    {
        var target = operation switch
        {
            IAssignmentOperation assignment => assignment.Target,
            IIncrementOrDecrementOperation increment => increment.Target,
            _ => null,
        };
        if (target is not null && Target(target) is { } symbol && env.TryGetValue(symbol, out var bound) && bound is StructSlots whole)
        {
            var value = operation switch
            {
                ISimpleAssignmentOperation simple => LowerStruct(simple.Value, env, output),
                ICompoundAssignmentOperation { OperatorMethod: { } method } compound when StructOf(method.ContainingType) is { Family: not StructFamily.User } =>
                    Arithmetic(whole.Type, compound.OperatorKind, new Operands(Read(whole, env, output)), Operand(compound.Value, env, output), operation, output),
                ICompoundAssignmentOperation { OperatorMethod: { } method } compound when IsUserStructMember(method) =>
                    InlineStruct(method, null, new[] { new Operands(Read(whole, env, output)), Operand(compound.Value, env, output) }, operation, env, output) ?? Zeros(whole.Type, output),
                _ => null,
            };
            if (value is null)
            {
                Report(operation, $"update of a '{whole.Type.Symbol.Name}' by an operator defined by its own code", "assign it a new value built from the fields");
                return true;
            }

            for (var j = 0; j < value.Length; j++)
            {
                env[whole.Keys[j]] = value[j];
            }

            return true;
        }

        if (target is IMemberReferenceOperation { Instance: { } instance } member && Target(instance) is { } owner && env.TryGetValue(owner, out var ownerBinding)
            && ownerBinding is StructSlots slots)
        {
            if (slots.Type.IndexOf(member.Member) is not { } index)
            {
                Report(operation, $"assignment to member '{member.Member.Name}' of '{slots.Type.Symbol.Name}', which is not a field", "assign the fields (" + string.Join(", ", slots.Type.Shape.Members) + ")");
                return true;
            }

            var key = slots.Keys[index];
            var current = Read(key, env, output);
            env[key] = operation switch
            {
                ISimpleAssignmentOperation simple => LowerExpression(simple.Value, env, output),
                ICompoundAssignmentOperation compound when ArithmeticOp(compound.OperatorKind) is { } op => Add(output, Node.Of(op, current, LowerExpression(compound.Value, env, output))),
                IIncrementOrDecrementOperation increment => Add(output, Node.Of(increment.Kind == OperationKind.Increment ? Op.Add : Op.Sub, current, Constant(output, 1))),
                _ => NotLowered(operation, output),
            };
            return true;
        }

        return false;
    }

    private int NotLowered(IOperation operation, List<Stmt> output)
    {
        Report(operation);
        return Constant(output, 0);
    }

    private int[] Read(StructSlots slots, Dictionary<ISymbol, object> env, List<Stmt> output) => slots.Keys.Select(k => Read(k, env, output)).ToArray();

    private int Read(ISymbol key, Dictionary<ISymbol, object> env, List<Stmt> output) => env.TryGetValue(key, out var value) ? value switch
    {
        int id => id,
        FrozenField frozen => Add(output, new Node(Op.Frozen, EquatableArray<int>.Empty, Name: frozen.Member, Index: frozen.Parameter)),
        _ => Constant(output, 0),
    } : Constant(output, 0);

    private int[] Zeros(StructType type, List<Stmt> output) => Enumerable.Range(0, type.Count).Select(_ => Constant(output, 0)).ToArray();

    /// <summary>A number that becomes a struct (the real part of a Complex): a floating value, a constant or an integer.</summary>
    private int LowerNumber(IOperation operand, Dictionary<ISymbol, object> env, List<Stmt> output) =>
        IsFloating(operand.Type) || operand.ConstantValue.HasValue ? LowerExpression(operand, env, output) : IntValue(operand, env, output);

    /// <summary>An element of a span or array of structs (<c>points[i]</c>), or null.</summary>
    private (ArrayBinding Array, IOperation Index)? StructElement(IOperation op, Dictionary<ISymbol, object> env) =>
        Element(op) is { } element && ArrayOf(element.Array, env) is { Struct: not null } array ? (array, element.Index) : null;

    /// <summary>Field <paramref name="field"/> of element <paramref name="index"/> of a span of structs: element k·i + j of its flat span.</summary>
    private int LoadField(ArrayBinding array, IOperation index, StructType type, int field, Dictionary<ISymbol, object> env, List<Stmt> output) =>
        LoadField(array, LowerInt(index, env), type, field, output);

    private int LoadField(ArrayBinding array, IntExpr index, StructType type, int field, List<Stmt> output)
    {
        var flat = type.Count == 1 ? index : IntExpr.Of(type.Count) * index + IntExpr.Of(field);
        return Add(output, new Node(Op.Load, EquatableArray<int>.Empty, Index: array.Differentiated ? 1 : 0, Integer: flat, Array: ArrayRef.FieldsOf(array.Array.Index)));
    }

    /// <summary>Binds the element local of <c>foreach (var p in points)</c> over a span of structs; false for other loops.</summary>
    private bool BindStructElement(ILocalSymbol local, ArrayBinding array, IntExpr index, Dictionary<ISymbol, object> env, List<Stmt> output)
    {
        if (array.Struct is not { } type)
        {
            return false;
        }

        var slots = NewSlots(local.Name, type);
        env[local] = slots;
        for (var j = 0; j < type.Count; j++)
        {
            env[slots.Keys[j]] = LoadField(array, index, type, j, output);
        }

        return true;
    }

    /// <summary>
    /// A loop assigns a struct local when it assigns the local or one of its fields: then all the fields' keys join
    /// <paramref name="assigned"/>, so the loop carries each field (the body passes on those it does not change).
    /// </summary>
    private static void AddAssignedStructFields(IOperation loopBody, Dictionary<ISymbol, object> env, HashSet<ISymbol> assigned)
    {
        CollectFieldOwners(loopBody, assigned);
        AddStructFields(env, assigned);
    }

    /// <summary>The fields' keys of every struct local or parameter in <paramref name="symbols"/> join it.</summary>
    private static void AddStructFields(Dictionary<ISymbol, object> env, HashSet<ISymbol> symbols)
    {
        foreach (var symbol in symbols.ToList())
        {
            if (env.TryGetValue(symbol, out var bound) && bound is StructSlots slots)
            {
                symbols.UnionWith(slots.Keys);
            }
        }
    }

    private static void CollectFieldOwners(IOperation operation, HashSet<ISymbol> owners)
    {
        var target = operation switch
        {
            IAssignmentOperation assignment => assignment.Target,
            IIncrementOrDecrementOperation increment => increment.Target,
            _ => null,
        };
        if (target is IMemberReferenceOperation { Instance: { } instance } && Target(instance) is { } owner)
        {
            owners.Add(owner);
        }

        foreach (var child in operation.ChildOperations)
        {
            CollectFieldOwners(child, owners);
        }
    }

    /// <summary>True for environment entries a loop body sees as they are (struct locals' slot lists; their fields are carried or read).</summary>
    private static bool IsStructBinding(object value) => value is StructSlots or FrozenField;

    /// <summary>Field <paramref name="Member"/> of the [NoDerivative] struct parameter at position <paramref name="Parameter"/>: read as a constant.</summary>
    private sealed record FrozenField(int Parameter, string Member);

    /// <summary>
    /// True for <c>this</c> of the [Differentiable] instance method itself (not of a struct member being inlined): its
    /// members are constants of the method (see BodyLowering.Members), not the fields of a differentiated struct value.
    /// </summary>
    private bool OnThis(IOperation? instance) => _this is null && instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };
}
