namespace Leibniz.Rules;

/// <summary>How a rule compares two values.</summary>
internal enum Comparison
{
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Equal,
}

/// <summary>Evaluating a <see cref="Comparison"/> of two known numbers (constant folding in every algebra).</summary>
internal static class ComparisonExtensions
{
    /// <summary>Whether <paramref name="a"/> compares to <paramref name="b"/> as <paramref name="comparison"/> says.</summary>
    public static bool Holds(this Comparison comparison, double a, double b) => comparison switch
    {
        Comparison.Less => a < b,
        Comparison.LessOrEqual => a <= b,
        Comparison.Greater => a > b,
        Comparison.GreaterOrEqual => a >= b,
        _ => a == b,
    };
}

/// <summary>
/// What a derivative rule is written against. The generator's graph builder implements it with IR nodes, the
/// formula printer with symbols and the runtime with plain numbers, so one rule serves all three.
/// </summary>
/// <typeparam name="T">A value: a node id, a symbol, a number.</typeparam>
/// <typeparam name="TCondition">A condition on values.</typeparam>
internal interface IRuleAlgebra<T, TCondition>
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

    /// <summary>The value of a table function (by its table name: "Cos", "Sqrt", "Sigmoid", …).</summary>
    T Call(string function, T x);

    /// <summary>The value of a two-argument table function ("Pow").</summary>
    T Call(string function, T x, T y);

    /// <summary>a <paramref name="comparison"/> b.</summary>
    TCondition Compare(Comparison comparison, T a, T b);

    /// <summary>Either condition.</summary>
    TCondition Or(TCondition a, TCondition b);

    /// <summary>The value of the branch the condition picks (the other may be NaN or infinite, and is not used).</summary>
    T Select(TCondition condition, T whenTrue, T whenFalse);
}
