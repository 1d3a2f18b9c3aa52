using System.Runtime.CompilerServices;

namespace Leibniz.Rules;

/// <summary>
/// The derivative table's algebra on plain doubles: every member is the expression it stands for, so a rule inlines
/// into the arithmetic <see cref="Dual"/> and <see cref="Var"/> would write by hand. Conditions are bools and a
/// select is a conditional expression (both branches are evaluated; the one not taken may be NaN and is dropped).
/// It has no fields: an empty struct costs nothing to pass, so the JIT inlines every rule into its caller.
/// </summary>
internal readonly struct NumberAlgebra : ITableAlgebra<double, bool>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Constant(double value) => value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double LogOf(double constant) => constant switch
    {
        2 => Constants.Ln2,
        10 => Constants.Ln10,
        _ => Math.Log(constant),
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Sign(double a) => a > 0 ? 1.0 : a < 0 ? -1.0 : 0.0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Add(double a, double b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Sub(double a, double b) => a - b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Mul(double a, double b) => a * b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Div(double a, double b) => a / b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Neg(double a) => -a;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Sin(double x) => Math.Sin(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Cos(double x) => Math.Cos(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Tan(double x) => Math.Tan(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Cot(double x) => Elementary.Cot(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Sinh(double x) => Math.Sinh(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Cosh(double x) => Math.Cosh(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Tanh(double x) => Math.Tanh(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Coth(double x) => Elementary.Coth(x);

    public double Sech(double x) => Elementary.Sech(x);

    public double Csch(double x) => Elementary.Csch(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Sqrt(double x) => Math.Sqrt(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Abs(double x) => Math.Abs(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Log(double x) => Math.Log(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Pow(double x, double y) => Math.Pow(x, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Sigmoid(double x) => Elementary.Sigmoid(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Compare(Comparison comparison, double a, double b) => comparison.Holds(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Or(bool a, bool b) => a | b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Select(bool condition, double whenTrue, double whenFalse) => condition ? whenTrue : whenFalse;
}
