using Leibniz.Generator.Tests.Infrastructure;

namespace Leibniz.Generator.Tests.Runtime;

/// <summary>
/// Local arrays named like what the second-order members add — the direction and product parameters (v + name,
/// hv + name) and the tangent buffers of other local arrays — keep their names or step aside, and the Hvp still
/// agrees with central differences of the gradient.
/// </summary>
public sealed class SecondOrderNameTests
{
    private const string Source = """
        using System;
        using Leibniz;

        public static partial class Clashes
        {
            [Differentiable(Order = 2)]
            public static double Names(ReadOnlySpan<double> x, double s)
            {
                Span<double> vx = stackalloc double[x.Length];
                Span<double> hvs = stackalloc double[x.Length];
                Span<double> z = stackalloc double[x.Length];
                Span<double> vz = stackalloc double[x.Length];
                var total = 0.0;
                for (int i = 0; i < x.Length; i++)
                {
                    vx[i] = Math.Sin(x[i] * s);
                    hvs[i] = vx[i] * x[i];
                    z[i] = hvs[i] + s;
                    vz[i] = z[i] * z[i];
                }

                for (int i = 0; i < x.Length; i++)
                {
                    total += vz[i] * vx[i];
                }

                return total;
            }
        }
        """;

    private delegate double Gradient(ReadOnlySpan<double> x, double s, Span<double> dx, out double ds);

    private delegate double Hvp(ReadOnlySpan<double> x, double s, ReadOnlySpan<double> vx, double vs, Span<double> dx, out double ds, Span<double> hvx, out double hvs);

    [Fact]
    public void LocalArraysNamedLikeTheSecondOrderMembersCompileAndAgree()
    {
        var run = GeneratorHarness.Run(Source);
        Assert.Empty(run.CompileErrors);
        var type = run.Load().GetType("Clashes")!;
        var gradient = type.GetMethod("NamesGradient")!.CreateDelegate<Gradient>();
        var hvp = type.GetMethod("NamesHvp")!.CreateDelegate<Hvp>();
        double[] x = [0.3, -0.7, 1.1];
        double[] v = [0.5, 0.2, -0.4];
        const double s = 0.8, vs = -0.3, h = 1e-6;
        var (dx, hv) = (new double[3], new double[3]);
        hvp(x, s, v, vs, dx, out var ds, hv, out var hvsOut);
        var (up, down) = (new double[3], new double[3]);
        gradient(x.Select((e, i) => e + h * v[i]).ToArray(), s + h * vs, up, out var dsUp);
        gradient(x.Select((e, i) => e - h * v[i]).ToArray(), s - h * vs, down, out var dsDown);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal((up[i] - down[i]) / (2 * h), hv[i], 1e-6);
        }

        Assert.Equal((dsUp - dsDown) / (2 * h), hvsOut, 1e-6);
        Assert.True(double.IsFinite(ds));
    }
}
