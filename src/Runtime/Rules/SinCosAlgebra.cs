using System.Runtime.CompilerServices;

namespace Leibniz.Rules;

/// <summary>
/// <see cref="NumberAlgebra"/> with sin and cos already known from the one <see cref="Math.SinCos(double)"/> the
/// value needed: the algebra of the rules of sin and cos only, whose derivative is the other of the pair at the same
/// argument (Math.Sin and Math.Cos apart would cost a second transcendental call).
/// </summary>
/// <param name="sin">sin x.</param>
/// <param name="cos">cos x.</param>
internal readonly struct SinCosAlgebra(double sin, double cos) : ITableAlgebra<double, bool>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Constant(double value) => default(NumberAlgebra).Constant(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double LogOf(double constant) => default(NumberAlgebra).LogOf(constant);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Sign(double a) => default(NumberAlgebra).Sign(a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Add(double a, double b) => default(NumberAlgebra).Add(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Sub(double a, double b) => default(NumberAlgebra).Sub(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Mul(double a, double b) => default(NumberAlgebra).Mul(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Div(double a, double b) => default(NumberAlgebra).Div(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Neg(double a) => default(NumberAlgebra).Neg(a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Sin(double x) => sin;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Cos(double x) => cos;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Tan(double x) => default(NumberAlgebra).Tan(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Cot(double x) => default(NumberAlgebra).Cot(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Sinh(double x) => default(NumberAlgebra).Sinh(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Cosh(double x) => default(NumberAlgebra).Cosh(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Tanh(double x) => default(NumberAlgebra).Tanh(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Coth(double x) => default(NumberAlgebra).Coth(x);

    public double Sech(double x) => default(NumberAlgebra).Sech(x);

    public double Csch(double x) => default(NumberAlgebra).Csch(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Sqrt(double x) => default(NumberAlgebra).Sqrt(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Abs(double x) => default(NumberAlgebra).Abs(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Log(double x) => default(NumberAlgebra).Log(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Pow(double x, double y) => default(NumberAlgebra).Pow(x, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Sigmoid(double x) => default(NumberAlgebra).Sigmoid(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Compare(Comparison comparison, double a, double b) => default(NumberAlgebra).Compare(comparison, a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Or(bool a, bool b) => default(NumberAlgebra).Or(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Select(bool condition, double whenTrue, double whenFalse) => default(NumberAlgebra).Select(condition, whenTrue, whenFalse);
}
