using System;

namespace Leibniz.Rules;

/// <summary>
/// The derivative table: ∂f/∂argᵢ of every elementary function, written once against <see cref="IRuleAlgebra{T, TCondition}"/>.
/// To add a function: add its case here, its name to the generator's intrinsics, and its edge points to the registry
/// test (which fails for a rule without them).
/// <para>
/// Forms are the most accurate ones: tanh′ = sech² (1 − tanh² cancels to 0 beyond |x| ≈ 19), σ′ = σ(x)·σ(−x)
/// (σ·(1 − σ) cancels beyond x ≈ 37), 1 − x² as (1 − x)(1 + x). Conventions: at a kink the derivative of the side
/// the comparison picks (relu′(0) = 0, |x|′ = sign x with sign 0 = 0); at ties of min and max the first argument's
/// (the one returned); ∂ xʸ/∂x = 0 where y = 0 and ∂ xʸ/∂y = 0 where xʸ = 0 (a zero base, so the direction along
/// x alone is never NaN); hypot's partials are 0 at (0, 0); step functions have derivative 0.
/// </para>
/// </summary>
internal static class DerivativeRules
{
    /// <summary>
    /// ∂f/∂argᵢ of the table function <paramref name="function"/> at <paramref name="args"/>, where
    /// <paramref name="result"/> is f's value there and <paramref name="exponent"/> the integer argument of ScaleB.
    /// </summary>
    /// <exception cref="ArgumentException">The table has no such function.</exception>
    public static T Partial<T, TCondition, TAlgebra>(TAlgebra a, string function, T[] args, T result, int i, int exponent = 0)
        where TAlgebra : IRuleAlgebra<T, TCondition>
    {
        var x = args[0];
        var r = result;
        var one = a.Constant(1);
        var zero = a.Constant(0);
        T Square(T v) => a.Mul(v, v);
        T Inverse(T v) => a.Div(one, v);
        T OneMinusSquare(T v) => a.Mul(a.Sub(one, v), a.Add(one, v));
        T SquareMinusOne(T v) => a.Mul(a.Sub(v, one), a.Add(v, one));
        // min and max: the first argument's derivative where the comparison picks it (ties included).
        T FirstWhen(Comparison comparison) =>
            a.Select(a.Compare(comparison, args[0], args[1]), i == 0 ? one : zero, i == 0 ? zero : one);
        switch (function)
        {
            case "Sin": return a.Call("Cos", x);
            case "Cos": return a.Neg(a.Call("Sin", x));
            case "Tan": return a.Add(one, Square(r));
            case "Asin": return Inverse(a.Call("Sqrt", OneMinusSquare(x)));
            case "Acos": return a.Neg(Inverse(a.Call("Sqrt", OneMinusSquare(x))));
            case "Atan": return Inverse(a.Add(one, Square(x)));
            case "Atan2":
                {
                    // atan2(y, x): args are (y, x).
                    var (y, xx) = (args[0], args[1]);
                    var denominator = a.Add(Square(xx), Square(y));
                    return i == 0 ? a.Div(xx, denominator) : a.Neg(a.Div(y, denominator));
                }

            case "Sinh": return a.Call("Cosh", x);
            case "Cosh": return a.Call("Sinh", x);
            case "Tanh": return Square(Inverse(a.Call("Cosh", x)));
            case "Asinh": return Inverse(a.Call("Sqrt", a.Add(Square(x), one)));
            case "Acosh": return Inverse(a.Call("Sqrt", SquareMinusOne(x)));
            case "Atanh" or "Acoth": return Inverse(OneMinusSquare(x));
            case "Exp": return r;
            case "Log": return Inverse(x);
            case "LogBase":
                {
                    var logBase = a.Call("Log", args[1]);
                    return i == 0 ? Inverse(a.Mul(x, logBase)) : a.Neg(a.Div(r, a.Mul(args[1], logBase)));
                }

            case "Log2": return Inverse(a.Mul(a.LogOf(2), x));
            case "Log10": return Inverse(a.Mul(a.LogOf(10), x));
            case "Sqrt": return a.Div(a.Constant(0.5), r);
            case "Cbrt": return Inverse(a.Mul(a.Constant(3), Square(r)));
            case "Pow":
                {
                    var y = args[1];
                    return i == 0
                        ? a.Select(a.Compare(Comparison.Equal, y, zero), zero, a.Mul(y, a.Call("Pow", x, a.Sub(y, one))))
                        : a.Select(a.Compare(Comparison.Equal, r, zero), zero, a.Mul(r, a.Call("Log", x)));
                }

            case "Abs": return a.Sign(x);
            case "Min": return FirstWhen(Comparison.LessOrEqual);
            case "Max": return FirstWhen(Comparison.GreaterOrEqual);
            case "Clamp":
                {
                    var below = a.Compare(Comparison.Less, x, args[1]);
                    var above = a.Compare(Comparison.Greater, x, args[2]);
                    return i switch
                    {
                        0 => a.Select(a.Or(below, above), zero, one),
                        1 => a.Select(below, one, zero),
                        _ => a.Select(above, one, zero),
                    };
                }

            case "Hypot": return a.Select(a.Compare(Comparison.Equal, r, zero), zero, a.Div(args[i], r));
            case "FusedMultiplyAdd": return i == 2 ? one : args[1 - i];
            case "ScaleB": return a.Constant(Math.Pow(2, exponent));
            case "Round" or "Floor" or "Ceiling" or "Truncate" or "Sign" or "ElementarySign" or "Heaviside": return zero;
            case "Cot": return a.Neg(a.Add(one, Square(r)));
            case "Sec": return a.Mul(r, a.Call("Tan", x));
            case "Csc": return a.Neg(a.Mul(r, a.Call("Cot", x)));
            case "Acot": return a.Neg(Inverse(a.Add(one, Square(x))));
            case "Coth": return a.Neg(Square(Inverse(a.Call("Sinh", x))));
            case "Sech": return a.Neg(a.Mul(r, a.Call("Tanh", x)));
            case "Csch": return a.Neg(a.Mul(r, a.Call("Coth", x)));
            case "Asec": return Inverse(a.Mul(a.Call("Abs", x), a.Call("Sqrt", SquareMinusOne(x))));
            case "Acsc": return a.Neg(Inverse(a.Mul(a.Call("Abs", x), a.Call("Sqrt", SquareMinusOne(x)))));
            case "Asech": return a.Neg(Inverse(a.Mul(x, a.Call("Sqrt", OneMinusSquare(x)))));
            case "Acsch": return a.Neg(Inverse(a.Mul(a.Call("Abs", x), a.Call("Sqrt", a.Add(one, Square(x))))));
            case "Sigmoid": return a.Mul(r, a.Call("Sigmoid", a.Neg(x)));
            case "Softplus": return a.Call("Sigmoid", x);
            case "Relu": return a.Select(a.Compare(Comparison.Greater, x, zero), one, zero);
            case "LeakyRelu":
                {
                    var positive = a.Compare(Comparison.Greater, x, zero);
                    return i == 0 ? a.Select(positive, one, args[1]) : a.Select(positive, zero, x);
                }

            default:
                throw new ArgumentException("The derivative table has no function '" + function + "'.", nameof(function));
        }
    }
}
