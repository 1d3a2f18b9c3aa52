namespace Leibniz.Rules;

/// <summary>
/// The table's algebra over one that calls functions by their table name (the generator's IR builder and formula
/// printer): each function member becomes a call of that name.
/// </summary>
/// <typeparam name="T">A value.</typeparam>
/// <typeparam name="TCondition">A condition on values.</typeparam>
/// <typeparam name="TAlgebra">The algebra with functions by name.</typeparam>
internal readonly struct ByName<T, TCondition, TAlgebra> : ITableAlgebra<T, TCondition>
    where TAlgebra : IRuleAlgebra<T, TCondition>
{
    private readonly TAlgebra _a;

    public ByName(TAlgebra a) => _a = a;

    public T Constant(double value) => _a.Constant(value);

    public T LogOf(double constant) => _a.LogOf(constant);

    public T Sign(T a) => _a.Sign(a);

    public T Add(T a, T b) => _a.Add(a, b);

    public T Sub(T a, T b) => _a.Sub(a, b);

    public T Mul(T a, T b) => _a.Mul(a, b);

    public T Div(T a, T b) => _a.Div(a, b);

    public T Neg(T a) => _a.Neg(a);

    public T Sin(T x) => _a.Call("Sin", x);

    public T Cos(T x) => _a.Call("Cos", x);

    public T Tan(T x) => _a.Call("Tan", x);

    public T Cot(T x) => _a.Call("Cot", x);

    public T Sinh(T x) => _a.Call("Sinh", x);

    public T Cosh(T x) => _a.Call("Cosh", x);

    public T Tanh(T x) => _a.Call("Tanh", x);

    public T Coth(T x) => _a.Call("Coth", x);

    public T Sqrt(T x) => _a.Call("Sqrt", x);

    public T Abs(T x) => _a.Call("Abs", x);

    public T Log(T x) => _a.Call("Log", x);

    public T Pow(T x, T y) => _a.Call("Pow", x, y);

    public T Sigmoid(T x) => _a.Call("Sigmoid", x);

    public TCondition Compare(Comparison comparison, T a, T b) => _a.Compare(comparison, a, b);

    public TCondition Or(TCondition a, TCondition b) => _a.Or(a, b);

    public T Select(TCondition condition, T whenTrue, T whenFalse) => _a.Select(condition, whenTrue, whenFalse);
}
