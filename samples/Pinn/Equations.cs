namespace Leibniz.Samples.Pinn;

/// <summary>
/// The three PDEs as plain C#, each written as "residual = 0". The generator turns every method into a
/// <c>…Gradient</c> method returning the value and the partial derivatives, which the training plugs in as a
/// method group: the residual becomes one fused node of the training graph.
/// </summary>
public static partial class Equations
{
    /// <summary>Burgers' viscosity ν = 0.01/π (Raissi et al. 2019).</summary>
    public const double Viscosity = 0.01 / Math.PI;

    /// <summary>1-D Poisson −u″ = π² sin πx on [−1, 1]: u″ + π² sin πx.</summary>
    [Differentiable]
    public static double Poisson1D(double uxx, double x) => uxx + (Math.PI * Math.PI * Math.Sin(Math.PI * x));

    /// <summary>Viscous Burgers u_t + u·u_x = ν·u_xx.</summary>
    [Differentiable]
    public static double Burgers(double u, double ut, double ux, double uxx) => ut + (u * ux) - (Viscosity * uxx);

    /// <summary>2-D Poisson −Δu = 2π² sin πx sin πy on the unit square: u_xx + u_yy + 2π² sin πx sin πy.</summary>
    [Differentiable]
    public static double Poisson2D(double uxx, double uyy, double x, double y) =>
        uxx + uyy + (2 * Math.PI * Math.PI * Math.Sin(Math.PI * x) * Math.Sin(Math.PI * y));
}
