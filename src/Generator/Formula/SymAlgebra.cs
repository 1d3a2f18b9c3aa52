using Leibniz.Rules;

namespace Leibniz.Generator.Formula;

/// <summary>A condition as printed, and its truth when both sides are numbers.</summary>
internal sealed record SymCondition(string Text, bool? Known);

/// <summary>The derivative rules on symbols, for the documentation formulas: what the generated code computes, printed.</summary>
internal readonly struct SymAlgebra : ITableAlgebra<Sym, SymCondition>
{
    private const int MaxPrintedPower = 32;

    public Sym Constant(double value) => new Num(value);

    public Sym LogOf(double constant) => Sym.Call("ln", new Num(constant));

    public Sym Sign(Sym a) => Sym.Call("sign", a);

    public Sym Add(Sym a, Sym b) => Sym.Add(a, b);

    public Sym Sub(Sym a, Sym b) => Sym.Sub(a, b);

    public Sym Mul(Sym a, Sym b) => Sym.Mul(a, b);

    public Sym Div(Sym a, Sym b) => Sym.Div(a, b);

    public Sym Neg(Sym a) => Sym.Neg(a);

    public Sym Sin(Sym x) => Call("Sin", x);

    public Sym Cos(Sym x) => Call("Cos", x);

    public Sym Tan(Sym x) => Call("Tan", x);

    public Sym Cot(Sym x) => Call("Cot", x);

    public Sym Sinh(Sym x) => Call("Sinh", x);

    public Sym Cosh(Sym x) => Call("Cosh", x);

    public Sym Tanh(Sym x) => Call("Tanh", x);

    public Sym Coth(Sym x) => Call("Coth", x);

    public Sym Sech(Sym x) => Call("Sech", x);

    public Sym Csch(Sym x) => Call("Csch", x);

    public Sym Sqrt(Sym x) => Call("Sqrt", x);

    public Sym Abs(Sym x) => Call("Abs", x);

    public Sym Log(Sym x) => Call("Log", x);

    /// <summary>A power with a small integer exponent prints as one (x³, not pow(x, 3)).</summary>
    public Sym Pow(Sym x, Sym y) =>
        y is Num n && n.Value == System.Math.Floor(n.Value) && System.Math.Abs(n.Value) <= MaxPrintedPower
            ? Sym.Pow(x, (int)n.Value)
            : Sym.Call(Name("Pow"), x, y);

    public Sym Sigmoid(Sym x) => Call("Sigmoid", x);

    public SymCondition Compare(Comparison comparison, Sym a, Sym b)
    {
        var known = a is Num l && b is Num r ? comparison.Holds(l.Value, r.Value) : (bool?)null;
        var symbol = comparison switch
        {
            Comparison.Less => " < ",
            Comparison.LessOrEqual => " ≤ ",
            Comparison.Greater => " > ",
            Comparison.GreaterOrEqual => " ≥ ",
            _ => " = ",
        };
        return new SymCondition(a.Text + symbol + b.Text, known);
    }

    public SymCondition Or(SymCondition a, SymCondition b) =>
        a.Known == true || b.Known == false ? a : b.Known == true || a.Known == false ? b : new SymCondition(a.Text + " or " + b.Text, null);

    public Sym Select(SymCondition condition, Sym whenTrue, Sym whenFalse) => condition.Known switch
    {
        true => whenTrue,
        false => whenFalse,
        _ => Sym.Choose(condition.Text, whenTrue, whenFalse),
    };

    private static Sym Call(string function, Sym x) => Sym.Call(Name(function), x);

    /// <summary>The printed name of a table function: ln for the natural logarithm, lower case otherwise.</summary>
    public static string Name(string function) => function switch
    {
        "Log" => "ln",
        "LogBase" => "log",
        "ElementarySign" => "sign",
        _ => function.ToLowerInvariant(),
    };
}
