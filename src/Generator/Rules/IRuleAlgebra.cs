namespace Leibniz.Rules;

/// <summary>
/// The generator's side of the table's algebra: its IR builder implements it with nodes, its formula printer with
/// symbols, and both call table functions by name. <see cref="ByName{T, TCondition, TAlgebra}"/> turns one into the
/// <see cref="ITableAlgebra{T, TCondition}"/> the rules are written against.
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
