using System;

namespace Leibniz.Rules;

/// <summary>The derivative table by function name, as the generator's IR builder and formula printer look rules up.</summary>
internal static class DerivativeRules
{
    /// <summary>
    /// ∂f/∂argᵢ of the table function <paramref name="function"/> at <paramref name="args"/>, where
    /// <paramref name="result"/> is f's value there and <paramref name="exponent"/> the integer argument of ScaleB.
    /// </summary>
    /// <exception cref="ArgumentException">The table has no such function.</exception>
    public static T Partial<T, TCondition, TAlgebra>(TAlgebra algebra, string function, T[] args, T result, int i, int exponent = 0)
        where TAlgebra : ITableAlgebra<T, TCondition> =>
        DerivativeRules<T, TCondition, TAlgebra>.Partial(algebra, function, args, result, i, exponent);
}

/// <summary>The table's rules looked up by function name.</summary>
internal static partial class DerivativeRules<T, TCondition, TAlgebra>
{
    /// <summary>∂f/∂argᵢ of the table function named <paramref name="function"/> (see the non-generic overload).</summary>
    /// <exception cref="ArgumentException">The table has no such function.</exception>
    public static T Partial(TAlgebra a, string function, T[] args, T r, int i, int exponent)
    {
        // The IR builder numbers nodes as it makes them and orders the operands of + and × by number: making the
        // constants 1 and 0 before any rule does, as the table always has, keeps generated code as it was.
        a.Constant(1);
        a.Constant(0);
        var x = args[0];
        T Second() => args[1];
        switch (function)
        {
            case "Sin": return Sin(a, x, r);
            case "Cos": return Cos(a, x, r);
            case "Tan": return Tan(a, x, r);
            case "Asin": return Asin(a, x, r);
            case "Acos": return Acos(a, x, r);
            case "Atan": return Atan(a, x, r);
            case "Atan2": return Atan2(a, x, Second(), r, i);
            case "Sinh": return Sinh(a, x, r);
            case "Cosh": return Cosh(a, x, r);
            case "Tanh": return Tanh(a, x, r);
            case "Asinh": return Asinh(a, x, r);
            case "Acosh": return Acosh(a, x, r);
            case "Atanh" or "Acoth": return Atanh(a, x, r);
            case "Exp": return Exp(a, x, r);
            case "Log": return Log(a, x, r);
            case "LogBase": return LogBase(a, x, Second(), r, i);
            case "Log2": return Log2(a, x, r);
            case "Log10": return Log10(a, x, r);
            case "Sqrt": return Sqrt(a, x, r);
            case "Cbrt": return Cbrt(a, x, r);
            case "Pow": return Pow(a, x, Second(), r, i);
            case "Abs": return Abs(a, x, r);
            case "Min": return Min(a, x, Second(), r, i);
            case "Max": return Max(a, x, Second(), r, i);
            case "Clamp": return Clamp(a, x, Second(), args[2], i);
            case "Hypot": return Hypot(a, x, Second(), r, i);
            case "FusedMultiplyAdd": return FusedMultiplyAdd(a, x, Second(), i);
            case "ScaleB": return ScaleB(a, exponent);
            case "Round" or "Floor" or "Ceiling" or "Truncate" or "Sign" or "ElementarySign" or "Heaviside": return Step(a);
            case "Cot": return Cot(a, x, r);
            case "Sec": return Sec(a, x, r);
            case "Csc": return Csc(a, x, r);
            case "Acot": return Acot(a, x, r);
            case "Coth": return Coth(a, x, r);
            case "Sech": return Sech(a, x, r);
            case "Csch": return Csch(a, x, r);
            case "Asec": return Asec(a, x, r);
            case "Acsc": return Acsc(a, x, r);
            case "Asech": return Asech(a, x, r);
            case "Acsch": return Acsch(a, x, r);
            case "Sigmoid": return Sigmoid(a, x, r);
            case "Softplus": return Softplus(a, x, r);
            case "Relu": return Relu(a, x, r);
            case "LeakyRelu": return LeakyRelu(a, x, Second(), i);
            default:
                throw new ArgumentException("The derivative table has no function '" + function + "'.", nameof(function));
        }
    }
}
