using Leibniz.Generator.Ir;
using Leibniz.Rules;

namespace Leibniz.Generator.Differentiate;

/// <summary>The derivative rules on IR nodes: each operation becomes a (simplified, shared) node of the builder.</summary>
internal readonly struct GraphAlgebra : ITableAlgebra<int, Cond>
{
    private readonly GraphBuilder _b;

    public GraphAlgebra(GraphBuilder b) => _b = b;

    public int Constant(double value) => _b.Constant(value);

    public int LogOf(double constant) => _b.Constant(System.Math.Log(constant));

    /// <summary>Written with comparisons: Math.Sign throws on NaN.</summary>
    public int Sign(int a)
    {
        var zero = _b.Constant(0);
        var negative = _b.Select(Cond.Compare(CondOp.Less, a, zero), _b.Constant(-1), zero);
        return _b.Select(Cond.Compare(CondOp.Greater, a, zero), _b.Constant(1), negative);
    }

    public int Add(int a, int b) => _b.Add(a, b);

    public int Sub(int a, int b) => _b.Sub(a, b);

    public int Mul(int a, int b) => _b.Mul(a, b);

    public int Div(int a, int b) => _b.Div(a, b);

    public int Neg(int a) => _b.Neg(a);

    public int Sin(int x) => _b.Call("Sin", x);

    public int Cos(int x) => _b.Call("Cos", x);

    public int Tan(int x) => _b.Call("Tan", x);

    public int Cot(int x) => _b.Call("Cot", x);

    public int Sinh(int x) => _b.Call("Sinh", x);

    public int Cosh(int x) => _b.Call("Cosh", x);

    public int Tanh(int x) => _b.Call("Tanh", x);

    public int Coth(int x) => _b.Call("Coth", x);

    public int Sech(int x) => _b.Call("Sech", x);

    public int Csch(int x) => _b.Call("Csch", x);

    public int Sqrt(int x) => _b.Call("Sqrt", x);

    public int Abs(int x) => _b.Call("Abs", x);

    public int Log(int x) => _b.Call("Log", x);

    public int Pow(int x, int y) => _b.Call("Pow", x, y);

    public int Sigmoid(int x) => _b.Call("Sigmoid", x);

    /// <summary>A comparison of two constants is decided here, so a constant exponent leaves no branch behind.</summary>
    public Cond Compare(Comparison comparison, int a, int b)
    {
        if (_b.IsConstant(a, out var left) && _b.IsConstant(b, out var right))
        {
            return comparison.Holds(left, right) ? Cond.True : new Cond(CondOp.False);
        }

        return Cond.Compare(comparison switch
        {
            Comparison.Less => CondOp.Less,
            Comparison.LessOrEqual => CondOp.LessOrEqual,
            Comparison.Greater => CondOp.Greater,
            Comparison.GreaterOrEqual => CondOp.GreaterOrEqual,
            _ => CondOp.Equal,
        }, a, b);
    }

    public Cond Or(Cond a, Cond b) => a.Op == CondOp.True || b.Op == CondOp.False ? a : b.Op == CondOp.True || a.Op == CondOp.False ? b : new Cond(CondOp.Or, Left: a, Right: b);

    public int Select(Cond condition, int whenTrue, int whenFalse) => _b.Select(condition, whenTrue, whenFalse);
}
