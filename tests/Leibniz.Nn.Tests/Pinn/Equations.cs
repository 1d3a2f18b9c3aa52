namespace Leibniz.Nn.Tests.Pinn;

/// <summary>PDE residuals as plain C#; the generator writes their gradients.</summary>
public static partial class Equations
{
    /// <summary>Viscous Burgers: u_t + u·u_x − (0.01/π)·u_xx.</summary>
    [Differentiable]
    public static double Burgers(double u, double ut, double ux, double uxx) => ut + (u * ux) - (0.01 / Math.PI * uxx);

    /// <summary>1-D Poisson −u″ = π² sin πx, as u″ + π² sin πx.</summary>
    [Differentiable]
    public static double Poisson(double uxx, double x) => uxx + (Math.PI * Math.PI * Math.Sin(Math.PI * x));
}
