using System.Collections.Generic;
using System.Linq;
using Leibniz.Generator.Ir;
using Leibniz.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Leibniz.Generator.Parse;

/// <summary>
/// The operators and functions of System.Numerics.Vector2/3/4 and Complex, expanded into arithmetic and
/// derivative-table functions on their fields (so no rule is written twice): Vector3.Length is Sqrt(Dot(v, v)) as
/// System.Numerics computes it, Complex.Abs is Hypot(Real, Imaginary), Complex division is Smith's algorithm with a
/// real branch, as System.Numerics computes it.
/// </summary>
internal sealed partial class BodyLowering
{
    private const string VectorFunctions = "Dot, Length, LengthSquared, Distance, DistanceSquared, Normalize, Cross, Lerp, Min, Max, Abs, SquareRoot, Clamp, Add, Subtract, Multiply, Divide, Negate";
    private const string ComplexFunctions = "Real, Imaginary, Magnitude, Phase, Abs, Conjugate, Negate, Add, Subtract, Multiply, Divide, Reciprocal, Exp, Log, Sqrt, Pow (with a real exponent), FromPolarCoordinates, Sin, Cos, Sinh, Cosh";

    /// <summary>A lowered operand of a System.Numerics operator or function: a struct's fields, or one number.</summary>
    private readonly struct Operands
    {
        public Operands(int[] fields)
        {
            Fields = fields;
            Scalar = 0;
        }

        public Operands(int scalar)
        {
            Fields = null;
            Scalar = scalar;
        }

        public int[]? Fields { get; }

        public int Scalar { get; }

        public bool IsStruct => Fields is not null;

        public IEnumerable<int> All => Fields ?? new[] { Scalar };

        /// <summary>Field <paramref name="j"/>, or the number itself (broadcast to every field).</summary>
        public int At(int j) => Fields is { } fields ? fields[j] : Scalar;
    }

    private Operands Operand(IOperation op, Dictionary<ISymbol, object> env, List<Stmt> output) =>
        StructOf(op.Type) is not null ? new Operands(LowerStruct(op, env, output)) : new Operands(LowerNumber(op, env, output));

    /// <summary>+ − × ÷ of System.Numerics: field by field for vectors (a number applies to every field), complex arithmetic for Complex.</summary>
    private int[] Arithmetic(StructType type, BinaryOperatorKind kind, Operands left, Operands right, IOperation? at, List<Stmt> output)
    {
        if (ArithmeticOp(kind) is not { } op)
        {
            // Only operators and compound assignments reach here with another kind; the named functions are + − × ÷.
            Report(at!, $"operator {kind} of '{type.Symbol.Name}'", "use + − × ÷ and the functions of System.Numerics");
            return Zeros(type, output);
        }

        if (type.Family == StructFamily.Complex)
        {
            var (a, b) = Parts(left, output);
            var (c, d) = Parts(right, output);
            switch (op)
            {
                case Op.Mul when left.IsStruct && right.IsStruct:
                    return new[] { Sub(Mul(a, c, output), Mul(b, d, output), output), Plus(Mul(b, c, output), Mul(a, d, output), output) };
                case Op.Div when right.IsStruct:
                    return Divide(a, b, c, d, output);
                case Op.Add or Op.Sub when !left.IsStruct || !right.IsStruct:
                    // A real number adds to the real part only.
                    return new[] { Add(output, Node.Of(op, a, c)), left.IsStruct ? b : op == Op.Sub ? Add(output, Node.Of(Op.Neg, d)) : d };
            }
        }

        return Enumerable.Range(0, type.Count).Select(j => Add(output, Node.Of(op, left.At(j), right.At(j)))).ToArray();
    }

    /// <summary>The real and imaginary part of a Complex operand (a real number has imaginary part 0).</summary>
    private (int Real, int Imaginary) Parts(Operands operand, List<Stmt> output) =>
        operand.Fields is { } fields ? (fields[0], fields[1]) : (operand.Scalar, Constant(output, 0));

    /// <summary>(a + bi) / (c + di) by Smith's algorithm, with the branch System.Numerics takes on |d| &lt; |c|.</summary>
    private int[] Divide(int a, int b, int c, int d, List<Stmt> output)
    {
        var cond = Cond.Compare(CondOp.Less, Add(output, Node.Function("Abs", d)), Add(output, Node.Function("Abs", c)));
        var then = new List<Stmt>();
        var ratio = Div(d, c, then);
        var scale = Plus(c, Mul(d, ratio, then), then);
        var thenFields = new[] { Div(Plus(a, Mul(b, ratio, then), then), scale, then), Div(Sub(b, Mul(a, ratio, then), then), scale, then) };
        var otherwise = new List<Stmt>();
        var inverse = Div(c, d, otherwise);
        var other = Plus(d, Mul(c, inverse, otherwise), otherwise);
        var elseFields = new[] { Div(Plus(b, Mul(a, inverse, otherwise), otherwise), other, otherwise), Div(Sub(Mul(b, inverse, otherwise), a, otherwise), other, otherwise) };
        var phis = new[] { new Phi(_nextId++, thenFields[0], elseFields[0]), new Phi(_nextId++, thenFields[1], elseFields[1]) };
        output.Add(new If(cond, then.ToEquatableArray(), otherwise.ToEquatableArray(), phis.ToEquatableArray()));
        return phis.Select(p => p.Id).ToArray();
    }

    /// <summary>A number computed from structs: Vector3.Dot, Length, Distance…; Complex.Abs.</summary>
    private int LowerNumericsScalar(IInvocationOperation invocation, StructType owner, Dictionary<ISymbol, object> env, List<Stmt> output)
    {
        var args = Arguments(invocation, env, output);
        var name = invocation.TargetMethod.Name;
        if (owner.Family == StructFamily.Complex)
        {
            if (name == "Abs" && args.Count == 1 && args[0].IsStruct)
            {
                return Add(output, Node.Function("Hypot", args[0].At(0), args[0].At(1)));
            }
        }
        else if (args.All(a => a.IsStruct))
        {
            switch (name)
            {
                case "Dot" when args.Count == 2:
                    return Dot(args[0], args[1], owner, output);
                case "LengthSquared" when args.Count == 1:
                    return Dot(args[0], args[0], owner, output);
                case "Length" when args.Count == 1:
                    return Add(output, Node.Function("Sqrt", Dot(args[0], args[0], owner, output)));
                case "DistanceSquared" or "Distance" when args.Count == 2:
                    var difference = new Operands(Enumerable.Range(0, owner.Count).Select(j => Sub(args[0].At(j), args[1].At(j), output)).ToArray());
                    var squared = Dot(difference, difference, owner, output);
                    return name == "Distance" ? Add(output, Node.Function("Sqrt", squared)) : squared;
            }
        }

        ReportNumerics(invocation, owner);
        return Constant(output, 0);
    }

    /// <summary>A struct computed by a function of System.Numerics.</summary>
    private int[] LowerNumericsStruct(IInvocationOperation invocation, StructType type, Dictionary<ISymbol, object> env, List<Stmt> output)
    {
        var args = Arguments(invocation, env, output);
        var name = invocation.TargetMethod.Name;
        var result = type.Family == StructFamily.Complex ? ComplexFunction(name, args, type, output) : VectorFunction(name, args, type, output);
        if (result is null)
        {
            ReportNumerics(invocation, type);
            return Zeros(type, output);
        }

        return result;
    }

    private int[]? VectorFunction(string name, IReadOnlyList<Operands> args, StructType type, List<Stmt> output)
    {
        int[] Each(System.Func<int, int> field) => Enumerable.Range(0, type.Count).Select(field).ToArray();
        int[] Table(string function) => Each(j => Add(output, Node.Function(function, args.Select(a => a.At(j)).ToArray())));
        switch (name)
        {
            case "Add" or "Subtract" or "Multiply" or "Divide" when args.Count == 2:
                var kind = name switch { "Add" => BinaryOperatorKind.Add, "Subtract" => BinaryOperatorKind.Subtract, "Multiply" => BinaryOperatorKind.Multiply, _ => BinaryOperatorKind.Divide };
                return Arithmetic(type, kind, args[0], args[1], null, output);
            case "Negate" when args.Count == 1:
                return Each(j => Add(output, Node.Of(Op.Neg, args[0].At(j))));
            case "Normalize" when args.Count == 1:
                var length = Add(output, Node.Function("Sqrt", Dot(args[0], args[0], type, output)));
                return Each(j => Div(args[0].At(j), length, output));
            case "Cross" when args.Count == 2 && type.Count == 3:
                var (a, b) = (args[0], args[1]);
                return new[]
                {
                    Sub(Mul(a.At(1), b.At(2), output), Mul(a.At(2), b.At(1), output), output),
                    Sub(Mul(a.At(2), b.At(0), output), Mul(a.At(0), b.At(2), output), output),
                    Sub(Mul(a.At(0), b.At(1), output), Mul(a.At(1), b.At(0), output), output),
                };
            case "Lerp" when args.Count == 3:
                // value1 · (1 − amount) + value2 · amount, as System.Numerics writes it.
                return Each(j => Plus(Mul(args[0].At(j), Sub(Constant(output, 1), args[2].At(j), output), output), Mul(args[1].At(j), args[2].At(j), output), output));
            case "Min" or "Max" when args.Count == 2:
                return Table(name);
            case "Abs" when args.Count == 1:
                return Table("Abs");
            case "SquareRoot" when args.Count == 1:
                return Table("Sqrt");
            case "Clamp" when args.Count == 3:
                // Min(Max(value, min), max), as System.Numerics writes it.
                return Each(j => Add(output, Node.Function("Min", Add(output, Node.Function("Max", args[0].At(j), args[1].At(j))), args[2].At(j))));
            default:
                return null;
        }
    }

    private int[]? ComplexFunction(string name, IReadOnlyList<Operands> args, StructType type, List<Stmt> output)
    {
        if (args.Count == 0)
        {
            return null;
        }

        var (a, b) = Parts(args[0], output);
        int Call(string function, params int[] arguments) => Add(output, Node.Function(function, arguments));
        int[] Polar(int magnitude, int angle) => new[] { Mul(magnitude, Call("Cos", angle), output), Mul(magnitude, Call("Sin", angle), output) };
        switch (name)
        {
            case "Add" or "Subtract" or "Multiply" or "Divide" when args.Count == 2:
                var kind = name switch { "Add" => BinaryOperatorKind.Add, "Subtract" => BinaryOperatorKind.Subtract, "Multiply" => BinaryOperatorKind.Multiply, _ => BinaryOperatorKind.Divide };
                return Arithmetic(type, kind, args[0], args[1], null, output);
            case "Negate" when args.Count == 1:
                return new[] { Add(output, Node.Of(Op.Neg, a)), Add(output, Node.Of(Op.Neg, b)) };
            case "Conjugate" when args.Count == 1:
                return new[] { a, Add(output, Node.Of(Op.Neg, b)) };
            case "Reciprocal" when args.Count == 1:
                return Divide(Constant(output, 1), Constant(output, 0), a, b, output);
            case "Exp" when args.Count == 1:
                return Polar(Call("Exp", a), b);
            case "Log" when args.Count == 1:
                return new[] { Call("Log", Call("Hypot", a, b)), Call("Atan2", b, a) };
            case "Sqrt" when args.Count == 1:
                // Through the polar form: √r·(cos θ/2, sin θ/2) (System.Numerics rounds differently in the last bits).
                return Polar(Call("Sqrt", Call("Hypot", a, b)), Mul(Constant(output, 0.5), Call("Atan2", b, a), output));
            case "Pow" when args.Count == 2 && !args[1].IsStruct:
                // r^p·(cos pθ, sin pθ): a real exponent, through the polar form.
                return Polar(Call("Pow", Call("Hypot", a, b), args[1].Scalar), Mul(args[1].Scalar, Call("Atan2", b, a), output));
            case "FromPolarCoordinates" when args.Count == 2 && !args[0].IsStruct && !args[1].IsStruct:
                return Polar(args[0].Scalar, args[1].Scalar);
            case "Sin" when args.Count == 1:
                return new[] { Mul(Call("Sin", a), Call("Cosh", b), output), Mul(Call("Cos", a), Call("Sinh", b), output) };
            case "Cos" when args.Count == 1:
                return new[] { Mul(Call("Cos", a), Call("Cosh", b), output), Add(output, Node.Of(Op.Neg, Mul(Call("Sin", a), Call("Sinh", b), output))) };
            case "Sinh" when args.Count == 1:
                return new[] { Mul(Call("Sinh", a), Call("Cos", b), output), Mul(Call("Cosh", a), Call("Sin", b), output) };
            case "Cosh" when args.Count == 1:
                return new[] { Mul(Call("Cosh", a), Call("Cos", b), output), Mul(Call("Sinh", a), Call("Sin", b), output) };
            default:
                return null;
        }
    }

    /// <summary>A property of Complex computed from its fields (Magnitude, Phase), or null.</summary>
    private int? ComplexProperty(string name, StructType type, IOperation instance, Dictionary<ISymbol, object> env, List<Stmt> output)
    {
        if (type.Family != StructFamily.Complex || name is not ("Magnitude" or "Phase"))
        {
            return null;
        }

        var fields = LowerStruct(instance, env, output);
        return name == "Magnitude" ? Add(output, Node.Function("Hypot", fields[0], fields[1])) : Add(output, Node.Function("Atan2", fields[1], fields[0]));
    }

    /// <summary>The instance (for v.Length()) and the arguments of a call, lowered.</summary>
    private List<Operands> Arguments(IInvocationOperation invocation, Dictionary<ISymbol, object> env, List<Stmt> output)
    {
        var operands = new List<Operands>();
        if (invocation.Instance is { } instance)
        {
            operands.Add(Operand(instance, env, output));
        }

        operands.AddRange(invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0).Select(a => Operand(a.Value, env, output)));
        return operands;
    }

    private int Dot(Operands a, Operands b, StructType type, List<Stmt> output)
    {
        var sum = Mul(a.At(0), b.At(0), output);
        for (var j = 1; j < type.Count; j++)
        {
            sum = Plus(sum, Mul(a.At(j), b.At(j), output), output);
        }

        return sum;
    }

    private void ReportNumerics(IInvocationOperation invocation, StructType type) =>
        Report(invocation, $"function '{type.Symbol.Name}.{invocation.TargetMethod.Name}' with these arguments",
            "use " + (type.Family == StructFamily.Complex ? ComplexFunctions : VectorFunctions) + ", or write it out with the fields");

    private int Plus(int a, int b, List<Stmt> output) => Add(output, Node.Of(Op.Add, a, b));

    private int Sub(int a, int b, List<Stmt> output) => Add(output, Node.Of(Op.Sub, a, b));

    private int Mul(int a, int b, List<Stmt> output) => Add(output, Node.Of(Op.Mul, a, b));

    private int Div(int a, int b, List<Stmt> output) => Add(output, Node.Of(Op.Div, a, b));
}
