namespace Leibniz.Rules;

/// <summary>
/// What the derivative table (<see cref="DerivativeRules{T, TCondition, TAlgebra}"/>) is written against: constants,
/// arithmetic, comparisons, and each table function a derivative uses as its own member. The runtime implements it
/// with plain numbers (the local partials <c>Dual</c> and <c>Var</c> apply), the generator with IR nodes and printed
/// formulas. A member per function, not a name, so that on numbers every rule compiles to the plain expression it
/// stands for (no dispatch on a string in the runtime's hot path).
/// </summary>
/// <typeparam name="T">A value: a node id, a symbol, a number.</typeparam>
/// <typeparam name="TCondition">A condition on values.</typeparam>
internal interface ITableAlgebra<T, TCondition>
{
    /// <summary>A constant.</summary>
    T Constant(double value);

    /// <summary>The natural logarithm of a constant (a number, or a name such as ln 2 where it is printed).</summary>
    T LogOf(double constant);

    /// <summary>sign(a): 1, −1, or 0 at zero (and NaN).</summary>
    T Sign(T a);

    /// <summary>a + b.</summary>
    T Add(T a, T b);

    /// <summary>a − b.</summary>
    T Sub(T a, T b);

    /// <summary>a · b.</summary>
    T Mul(T a, T b);

    /// <summary>a / b.</summary>
    T Div(T a, T b);

    /// <summary>−a.</summary>
    T Neg(T a);

    /// <summary>sin x.</summary>
    T Sin(T x);

    /// <summary>cos x.</summary>
    T Cos(T x);

    /// <summary>tan x.</summary>
    T Tan(T x);

    /// <summary>cot x.</summary>
    T Cot(T x);

    /// <summary>sinh x.</summary>
    T Sinh(T x);

    /// <summary>cosh x.</summary>
    T Cosh(T x);

    /// <summary>tanh x.</summary>
    T Tanh(T x);

    /// <summary>coth x.</summary>
    T Coth(T x);

    /// <summary>sech x = 1/cosh x.</summary>
    T Sech(T x);

    /// <summary>csch x = 1/sinh x.</summary>
    T Csch(T x);

    /// <summary>√x.</summary>
    T Sqrt(T x);

    /// <summary>|x|.</summary>
    T Abs(T x);

    /// <summary>ln x.</summary>
    T Log(T x);

    /// <summary>xʸ.</summary>
    T Pow(T x, T y);

    /// <summary>The logistic sigmoid 1/(1 + e⁻ˣ).</summary>
    T Sigmoid(T x);

    /// <summary>a <paramref name="comparison"/> b.</summary>
    TCondition Compare(Comparison comparison, T a, T b);

    /// <summary>Either condition.</summary>
    TCondition Or(TCondition a, TCondition b);

    /// <summary>The value of the branch the condition picks (the other may be NaN or infinite, and is not used).</summary>
    T Select(TCondition condition, T whenTrue, T whenFalse);
}
