using Leibniz.Rules;

namespace Leibniz.Generator.Tests.Registry;

/// <summary>
/// The table's by-name algebra on <see cref="Dual"/> numbers: a first-derivative rule evaluated on Dual(x, 1) gives
/// f′(x) with tangent f″(x), the table applied to its own derivative.
/// </summary>
internal readonly struct DualRuleAlgebra : IRuleAlgebra<Dual, bool>
{
    public Dual Constant(double value) => value;

    public Dual LogOf(double constant) => Math.Log(constant);

    public Dual Sign(Dual a) => Dual.Sign(a);

    public Dual Add(Dual a, Dual b) => a + b;

    public Dual Sub(Dual a, Dual b) => a - b;

    public Dual Mul(Dual a, Dual b) => a * b;

    public Dual Div(Dual a, Dual b) => a / b;

    public Dual Neg(Dual a) => -a;

    public Dual Call(string function, Dual x) => function switch
    {
        "Sin" => Dual.Sin(x),
        "Cos" => Dual.Cos(x),
        "Tan" => Dual.Tan(x),
        "Cot" => Dual.Cot(x),
        "Sinh" => Dual.Sinh(x),
        "Cosh" => Dual.Cosh(x),
        "Tanh" => Dual.Tanh(x),
        "Coth" => Dual.Coth(x),
        "Sqrt" => Dual.Sqrt(x),
        "Abs" => Dual.Abs(x),
        "Log" => Dual.Log(x),
        "Sigmoid" => Dual.Sigmoid(x),
        _ => throw new ArgumentException($"No Dual function '{function}'.", nameof(function)),
    };

    public Dual Call(string function, Dual x, Dual y) => function == "Pow"
        ? Dual.Pow(x, y)
        : throw new ArgumentException($"No Dual function '{function}'.", nameof(function));

    public bool Compare(Comparison comparison, Dual a, Dual b) => comparison.Holds(a.Value, b.Value);

    public bool Or(bool a, bool b) => a || b;

    public Dual Select(bool condition, Dual whenTrue, Dual whenFalse) => condition ? whenTrue : whenFalse;
}
