namespace Leibniz.Benchmarks.Pinn;

/// <summary>The benchmarked PDE residuals (the same as samples/Pinn's).</summary>
public static partial class PinnEquations
{
    /// <summary>u″ + π² sin πx.</summary>
    [Differentiable]
    public static double Poisson1D(double uxx, double x) => uxx + (Math.PI * Math.PI * Math.Sin(Math.PI * x));

    /// <summary>u_t + u·u_x − (0.01/π)·u_xx.</summary>
    [Differentiable]
    public static double Burgers(double u, double ut, double ux, double uxx) => ut + (u * ux) - (0.01 / Math.PI * uxx);

    /// <summary>u_xx + u_yy + 2π² sin πx sin πy.</summary>
    [Differentiable]
    public static double Poisson2D(double uxx, double uyy, double x, double y) =>
        uxx + uyy + (2 * Math.PI * Math.PI * Math.Sin(Math.PI * x) * Math.Sin(Math.PI * y));
}
