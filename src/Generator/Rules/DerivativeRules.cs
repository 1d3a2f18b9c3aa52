using System;
using System.Runtime.CompilerServices;

namespace Leibniz.Rules;

/// <summary>
/// The derivative table: ∂f/∂argᵢ of every elementary function, written once against
/// <see cref="ITableAlgebra{T, TCondition}"/> and compiled into both the generator (IR nodes, printed formulas) and
/// the runtime (the local partials of <c>Dual</c> and <c>Var</c>). To add a function: add its rule here and its name
/// to the by-name lookup (DerivativeRules.ByName.cs), its name to the generator's intrinsics, its
/// <c>Dual</c> and <c>Var</c> members (value and this rule), and its edge points to the registry test (which fails
/// for a rule without them). Second derivatives are not written here: they are this table applied to its own
/// derivatives (forward mode over the generated gradient, where each partial is again made of table functions).
/// <para>
/// Forms are the most accurate ones: tanh′ = sech² (1 − tanh² cancels to 0 beyond |x| ≈ 19), σ′ = σ(x)·σ(−x)
/// (σ·(1 − σ) cancels beyond x ≈ 37), 1 − x² as (1 − x)(1 + x). Conventions: at a kink the derivative of the side
/// the comparison picks (relu′(0) = 0, |x|′ = sign x with sign 0 = 0); at ties of min and max the first argument's
/// (the one returned); ∂ xʸ/∂x = 0 where y = 0 and ∂ xʸ/∂y = 0 where xʸ = 0 (a zero base, so the direction along
/// x alone is never NaN); hypot's partials are 0 at (0, 0); step functions have derivative 0.
/// </para>
/// Each unary rule takes the argument x and the function's value r there (many derivatives reuse it: exp′ = exp,
/// tan′ = 1 + tan²); each rule of several arguments takes them, the value, and which partial (i) is wanted.
/// Every member is marked for aggressive inlining: on plain numbers (the runtime) a rule must compile to the bare
/// expression it stands for, and the JIT declines these small nested generic calls on its own.
/// </summary>
/// <typeparam name="T">A value: a node id, a symbol, a number.</typeparam>
/// <typeparam name="TCondition">A condition on values.</typeparam>
/// <typeparam name="TAlgebra">What the rules compute with.</typeparam>
internal static partial class DerivativeRules<T, TCondition, TAlgebra>
    where TAlgebra : ITableAlgebra<T, TCondition>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sin(TAlgebra a, T x, T r) => a.Cos(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Cos(TAlgebra a, T x, T r) => a.Neg(a.Sin(x));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Tan(TAlgebra a, T x, T r) => a.Add(One(a), Square(a, r));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Asin(TAlgebra a, T x, T r) => Inverse(a, a.Sqrt(OneMinusSquare(a, x)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Acos(TAlgebra a, T x, T r) => a.Neg(Inverse(a, a.Sqrt(OneMinusSquare(a, x))));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Atan(TAlgebra a, T x, T r) => Inverse(a, a.Add(One(a), Square(a, x)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sinh(TAlgebra a, T x, T r) => a.Cosh(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Cosh(TAlgebra a, T x, T r) => a.Sinh(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Tanh(TAlgebra a, T x, T r) => Square(a, a.Sech(x));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Asinh(TAlgebra a, T x, T r) => Inverse(a, a.Sqrt(a.Add(Square(a, x), One(a))));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Acosh(TAlgebra a, T x, T r) => Inverse(a, a.Sqrt(SquareMinusOne(a, x)));

    /// <summary>Also acoth′ (the same formula, on |x| &gt; 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Atanh(TAlgebra a, T x, T r) => Inverse(a, OneMinusSquare(a, x));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Exp(TAlgebra a, T x, T r) => r;

    /// <summary>2ˣ·ln 2 (runtime only: the generator does not parse Exp2 yet).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Exp2(TAlgebra a, T x, T r) => a.Mul(r, a.LogOf(2));

    /// <summary>10ˣ·ln 10 (runtime only: the generator does not parse Exp10 yet).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Exp10(TAlgebra a, T x, T r) => a.Mul(r, a.LogOf(10));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Log(TAlgebra a, T x, T r) => Inverse(a, x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Log2(TAlgebra a, T x, T r) => Inverse(a, a.Mul(a.LogOf(2), x));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Log10(TAlgebra a, T x, T r) => Inverse(a, a.Mul(a.LogOf(10), x));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sqrt(TAlgebra a, T x, T r) => a.Div(a.Constant(0.5), r);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Cbrt(TAlgebra a, T x, T r) => Inverse(a, a.Mul(a.Constant(3), Square(a, r)));

    /// <summary>
    /// The n-th root's derivative r/(n·x), +∞ at x = 0 (runtime only: the generator does not parse RootN yet).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T RootN(TAlgebra a, T x, T r, int n) =>
        a.Select(a.Compare(Comparison.Equal, x, Zero(a)), a.Constant(double.PositiveInfinity), a.Div(r, a.Mul(a.Constant(n), x)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Abs(TAlgebra a, T x, T r) => a.Sign(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Cot(TAlgebra a, T x, T r) => a.Neg(a.Add(One(a), Square(a, r)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sec(TAlgebra a, T x, T r) => a.Mul(r, a.Tan(x));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Csc(TAlgebra a, T x, T r) => a.Neg(a.Mul(r, a.Cot(x)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Acot(TAlgebra a, T x, T r) => a.Neg(Inverse(a, a.Add(One(a), Square(a, x))));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Coth(TAlgebra a, T x, T r) => a.Neg(Square(a, a.Csch(x)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sech(TAlgebra a, T x, T r) => a.Neg(a.Mul(r, a.Tanh(x)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Csch(TAlgebra a, T x, T r) => a.Neg(a.Mul(r, a.Coth(x)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Asec(TAlgebra a, T x, T r) => Inverse(a, a.Mul(a.Abs(x), a.Sqrt(SquareMinusOne(a, x))));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Acsc(TAlgebra a, T x, T r) => a.Neg(Inverse(a, a.Mul(a.Abs(x), a.Sqrt(SquareMinusOne(a, x)))));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Asech(TAlgebra a, T x, T r) => a.Neg(Inverse(a, a.Mul(x, a.Sqrt(OneMinusSquare(a, x)))));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Acsch(TAlgebra a, T x, T r) => a.Neg(Inverse(a, a.Mul(a.Abs(x), a.Sqrt(a.Add(One(a), Square(a, x))))));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sigmoid(TAlgebra a, T x, T r) => a.Mul(r, a.Sigmoid(a.Neg(x)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Softplus(TAlgebra a, T x, T r) => a.Sigmoid(x);

    /// <summary>1 for x &gt; 0, 0 for x ≤ 0 (relu′(0) = 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Relu(TAlgebra a, T x, T r) => a.Select(a.Compare(Comparison.Greater, x, Zero(a)), One(a), Zero(a));

    /// <summary>Piecewise-constant functions (round, floor, ceiling, truncate, sign, heaviside): 0, also at the jumps.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Step(TAlgebra a) => Zero(a);

    /// <summary>LeakyRelu(x, slope): ∂x is 1 for x &gt; 0 and the slope otherwise; ∂slope is x where x ≤ 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T LeakyRelu(TAlgebra a, T x, T slope, int i)
    {
        var positive = a.Compare(Comparison.Greater, x, Zero(a));
        return i == 0 ? a.Select(positive, One(a), slope) : a.Select(positive, Zero(a), x);
    }

    /// <summary>Atan2(y, x) (arguments in that order): x/(x² + y²) and −y/(x² + y²).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Atan2(TAlgebra a, T y, T x, T r, int i)
    {
        var denominator = a.Add(Square(a, x), Square(a, y));
        return i == 0 ? a.Div(x, denominator) : a.Neg(a.Div(y, denominator));
    }

    /// <summary>log_b x = ln x/ln b: 1/(x·ln b) and −r/(b·ln b).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T LogBase(TAlgebra a, T x, T newBase, T r, int i)
    {
        var logBase = a.Log(newBase);
        return i == 0 ? Inverse(a, a.Mul(x, logBase)) : a.Neg(a.Div(r, a.Mul(newBase, logBase)));
    }

    /// <summary>xʸ: y·x^(y−1), 0 where y = 0; and xʸ·ln x, 0 where xʸ = 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Pow(TAlgebra a, T x, T y, T r, int i) => i == 0
        ? a.Select(a.Compare(Comparison.Equal, y, Zero(a)), Zero(a), a.Mul(y, a.Pow(x, a.Sub(y, One(a)))))
        : a.Select(a.Compare(Comparison.Equal, r, Zero(a)), Zero(a), a.Mul(r, a.Log(x)));

    /// <summary>The first argument's derivative where the comparison picks it, ties included.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Min(TAlgebra a, T x, T y, T r, int i) => FirstWhen(a, Comparison.LessOrEqual, x, y, i);

    /// <summary>The first argument's derivative where the comparison picks it, ties included.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Max(TAlgebra a, T x, T y, T r, int i) => FirstWhen(a, Comparison.GreaterOrEqual, x, y, i);

    /// <summary>x/r and y/r; 0 at (0, 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Hypot(TAlgebra a, T x, T y, T r, int i) =>
        a.Select(a.Compare(Comparison.Equal, r, Zero(a)), Zero(a), a.Div(i == 0 ? x : y, r));

    /// <summary>Clamp(x, low, high): the argument returned (x inside, a bound outside).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Clamp(TAlgebra a, T x, T low, T high, int i)
    {
        var below = a.Compare(Comparison.Less, x, low);
        var above = a.Compare(Comparison.Greater, x, high);
        return i switch
        {
            0 => a.Select(a.Or(below, above), Zero(a), One(a)),
            1 => a.Select(below, One(a), Zero(a)),
            _ => a.Select(above, One(a), Zero(a)),
        };
    }

    /// <summary>x·y + z: y, x and 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T FusedMultiplyAdd(TAlgebra a, T x, T y, int i) => i == 2 ? One(a) : i == 0 ? y : x;

    /// <summary>x·2ⁿ: 2ⁿ.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T ScaleB(TAlgebra a, int n) => a.Constant(Math.Pow(2, n));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T FirstWhen(TAlgebra a, Comparison comparison, T x, T y, int i) =>
        a.Select(a.Compare(comparison, x, y), i == 0 ? One(a) : Zero(a), i == 0 ? Zero(a) : One(a));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T One(TAlgebra a) => a.Constant(1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Zero(TAlgebra a) => a.Constant(0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Square(TAlgebra a, T v) => a.Mul(v, v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Inverse(TAlgebra a, T v) => a.Div(One(a), v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T OneMinusSquare(TAlgebra a, T v) => a.Mul(a.Sub(One(a), v), a.Add(One(a), v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T SquareMinusOne(TAlgebra a, T v) => a.Mul(a.Sub(v, One(a)), a.Add(v, One(a)));
}
