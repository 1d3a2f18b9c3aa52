using System.Runtime.CompilerServices;

namespace Leibniz.Rules;

/// <summary>
/// The derivative table's algebra on plain doubles: every member is the expression it stands for, so a rule inlines
/// into the arithmetic <see cref="Dual"/> and <see cref="Var"/> would write by hand. Conditions are bools and a
/// select is a conditional expression (both branches are evaluated; the one not taken may be NaN and is dropped).
/// </summary>
internal readonly struct NumberAlgebra : ITableAlgebra<double, bool>
{
    private readonly bool _sinCosKnown;
    private readonly double _sin;
    private readonly double _cos;

    private NumberAlgebra(double sin, double cos)
    {
        _sinCosKnown = true;
        _sin = sin;
        _cos = cos;
    }

    /// <summary>
    /// An algebra that answers sin and cos from one <see cref="Math.SinCos(double)"/> already made for the value: for
    /// the rules of sin and cos only, whose derivative is the other of the pair at the same argument.
    /// </summary>
    public static NumberAlgebra WithSinCos(double sin, double cos) => new(sin, cos);

    public double Constant(double value) => value;

    public double LogOf(double constant) => constant switch
    {
        2 => Constants.Ln2,
        10 => Constants.Ln10,
        _ => Math.Log(constant),
    };

    public double Sign(double a) => a > 0 ? 1.0 : a < 0 ? -1.0 : 0.0;

    public double Add(double a, double b) => a + b;

    public double Sub(double a, double b) => a - b;

    public double Mul(double a, double b) => a * b;

    public double Div(double a, double b) => a / b;

    public double Neg(double a) => -a;

    public double Sin(double x) => _sinCosKnown ? _sin : Math.Sin(x);

    public double Cos(double x) => _sinCosKnown ? _cos : Math.Cos(x);

    public double Tan(double x) => Math.Tan(x);

    public double Cot(double x) => Elementary.Cot(x);

    public double Sinh(double x) => Math.Sinh(x);

    public double Cosh(double x) => Math.Cosh(x);

    public double Tanh(double x) => Math.Tanh(x);

    public double Coth(double x) => Elementary.Coth(x);

    public double Sqrt(double x) => Math.Sqrt(x);

    public double Abs(double x) => Math.Abs(x);

    public double Log(double x) => Math.Log(x);

    public double Pow(double x, double y) => Math.Pow(x, y);

    public double Sigmoid(double x) => Elementary.Sigmoid(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Compare(Comparison comparison, double a, double b) => comparison.Holds(a, b);

    public bool Or(bool a, bool b) => a | b;

    public double Select(bool condition, double whenTrue, double whenFalse) => condition ? whenTrue : whenFalse;
}
