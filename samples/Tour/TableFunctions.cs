using Leibniz;

namespace Leibniz.Samples.Tour;

/// <summary>
/// Every function of the lecture's derivative table as a [Differentiable] one-liner: the generator writes
/// <c>XGradient(x)</c> for each, which the tour checks against dual numbers, the tape and finite differences.
/// </summary>
public static partial class TableFunctions
{
    [Differentiable] public static double Cube(double x) => Math.Pow(x, 3);
    [Differentiable] public static double Exp(double x) => Math.Exp(x);
    [Differentiable] public static double Ln(double x) => Math.Log(x);
    [Differentiable] public static double Sin(double x) => Math.Sin(x);
    [Differentiable] public static double Cos(double x) => Math.Cos(x);
    [Differentiable] public static double Tan(double x) => Math.Tan(x);
    [Differentiable] public static double Cot(double x) => Elementary.Cot(x);
    [Differentiable] public static double Sec(double x) => Elementary.Sec(x);
    [Differentiable] public static double Csc(double x) => Elementary.Csc(x);
    [Differentiable] public static double Atan(double x) => Math.Atan(x);
    [Differentiable] public static double Asin(double x) => Math.Asin(x);
    [Differentiable] public static double Acos(double x) => Math.Acos(x);
    [Differentiable] public static double Sinh(double x) => Math.Sinh(x);
    [Differentiable] public static double Cosh(double x) => Math.Cosh(x);
    [Differentiable] public static double Tanh(double x) => Math.Tanh(x);
    [Differentiable] public static double Coth(double x) => Elementary.Coth(x);
    [Differentiable] public static double Sech(double x) => Elementary.Sech(x);
    [Differentiable] public static double Csch(double x) => Elementary.Csch(x);
    [Differentiable] public static double Asinh(double x) => Math.Asinh(x);
    [Differentiable] public static double Acosh(double x) => Math.Acosh(x);
    [Differentiable] public static double Atanh(double x) => Math.Atanh(x);
    [Differentiable] public static double Acoth(double x) => Elementary.Acoth(x);
}
