using Leibniz.Rules;

namespace Leibniz.Generator.Tests.Registry;

/// <summary>
/// The table's algebra on <see cref="Dual"/> numbers: a first-derivative rule evaluated on Dual(x, 1) gives
/// f′(x) with tangent f″(x), the table applied to its own derivative.
/// </summary>
internal readonly struct DualRuleAlgebra : ITableAlgebra<Dual, bool>
{
    public Dual Constant(double value) => value;

    public Dual LogOf(double constant) => Math.Log(constant);

    public Dual Sign(Dual a) => Dual.Sign(a);

    public Dual Add(Dual a, Dual b) => a + b;

    public Dual Sub(Dual a, Dual b) => a - b;

    public Dual Mul(Dual a, Dual b) => a * b;

    public Dual Div(Dual a, Dual b) => a / b;

    public Dual Neg(Dual a) => -a;

    public Dual Sin(Dual x) => Dual.Sin(x);

    public Dual Cos(Dual x) => Dual.Cos(x);

    public Dual Tan(Dual x) => Dual.Tan(x);

    public Dual Cot(Dual x) => Dual.Cot(x);

    public Dual Sinh(Dual x) => Dual.Sinh(x);

    public Dual Cosh(Dual x) => Dual.Cosh(x);

    public Dual Tanh(Dual x) => Dual.Tanh(x);

    public Dual Coth(Dual x) => Dual.Coth(x);

    public Dual Sech(Dual x) => Dual.Sech(x);

    public Dual Csch(Dual x) => Dual.Csch(x);

    public Dual Sqrt(Dual x) => Dual.Sqrt(x);

    public Dual Abs(Dual x) => Dual.Abs(x);

    public Dual Log(Dual x) => Dual.Log(x);

    public Dual Pow(Dual x, Dual y) => Dual.Pow(x, y);

    public Dual Sigmoid(Dual x) => Dual.Sigmoid(x);

    public bool Compare(Comparison comparison, Dual a, Dual b) => comparison.Holds(a.Value, b.Value);

    public bool Or(bool a, bool b) => a || b;

    public Dual Select(bool condition, Dual whenTrue, Dual whenFalse) => condition ? whenTrue : whenFalse;
}
