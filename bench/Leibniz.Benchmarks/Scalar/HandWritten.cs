namespace Leibniz.Benchmarks.Scalar;

/// <summary>
/// Analytic gradients derived by hand: the baseline a generated gradient is judged against. Written the way a
/// careful person would (shared subexpressions in locals), with the same tuple shape as the generated code.
/// </summary>
public static partial class HandWritten
{
    /// <summary>The value and gradient of <see cref="Functions.Rastrigin"/>.</summary>
    public static (double Value, double dx, double dy) RastriginGradient(double x, double y)
    {
        var tx = 2 * Math.PI * x;
        var ty = 2 * Math.PI * y;
        var value = 20 + (x * x - 10 * Math.Cos(tx)) + (y * y - 10 * Math.Cos(ty));
        return (value, 2 * x + 20 * Math.PI * Math.Sin(tx), 2 * y + 20 * Math.PI * Math.Sin(ty));
    }

    /// <summary>The value and gradient of <see cref="Functions.Rosenbrock10"/>.</summary>
    public static (double Value, double dx0, double dx1, double dx2, double dx3, double dx4, double dx5, double dx6,
        double dx7, double dx8, double dx9) Rosenbrock10Gradient(
        double x0, double x1, double x2, double x3, double x4, double x5, double x6, double x7, double x8, double x9)
    {
        var a0 = x1 - x0 * x0;
        var b0 = 1 - x0;
        var a1 = x3 - x2 * x2;
        var b1 = 1 - x2;
        var a2 = x5 - x4 * x4;
        var b2 = 1 - x4;
        var a3 = x7 - x6 * x6;
        var b3 = 1 - x6;
        var a4 = x9 - x8 * x8;
        var b4 = 1 - x8;
        var value = 100 * a0 * a0 + b0 * b0 + 100 * a1 * a1 + b1 * b1 + 100 * a2 * a2 + b2 * b2
            + 100 * a3 * a3 + b3 * b3 + 100 * a4 * a4 + b4 * b4;
        return (value,
            -400 * a0 * x0 - 2 * b0, 200 * a0,
            -400 * a1 * x2 - 2 * b1, 200 * a1,
            -400 * a2 * x4 - 2 * b2, 200 * a2,
            -400 * a3 * x6 - 2 * b3, 200 * a3,
            -400 * a4 * x8 - 2 * b4, 200 * a4);
    }

    /// <summary>The value and gradient of <see cref="Functions.Branches"/>, branch by branch.</summary>
    public static (double Value, double dx, double dy) BranchesGradient(double x, double y)
    {
        var r = x * x + y * y;
        if (r < 1)
        {
            var e = Math.Exp(-r);
            var s = Math.Sin(3 * x);
            return (e * s, e * (3 * Math.Cos(3 * x) - 2 * x * s), -2 * y * e * s);
        }

        if (x > y)
        {
            var log = Math.Log(r);
            var cos = Math.Cos(y);
            return (log * cos + x * y, 2 * x / r * cos + y, 2 * y / r * cos - log * Math.Sin(y) + x);
        }

        var root = Math.Sqrt(r);
        var xy = x * y;
        var inverse = 1 / (1 + xy * xy);
        return (root - Math.Atan(xy), x / root - y * inverse, y / root - x * inverse);
    }
}
