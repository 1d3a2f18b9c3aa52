using CsCheck;
using static Leibniz.Generator.Tests.Runtime.Numeric;

namespace Leibniz.Generator.Tests.Runtime;

/// <summary>Generated Hessians and Hessian-vector products against analytic second derivatives and finite differences of the gradient.</summary>
public sealed class SecondOrderTests
{
    [Fact]
    public void RosenbrockHessianIsTheAnalyticOne() =>
        Gen.Select(Gen.Double[-2, 2], Gen.Double[-2, 2], Gen.Double[-1, 1], Gen.Double[-1, 1]).Sample((x, y, vx, vy) =>
        {
            var (value, dx, dy, dxdx, dxdy, dydy) = SecondOrderFunctions.RosenbrockHessian(x, y);
            Close(SecondOrderFunctions.Rosenbrock(x, y), value, 1e-14);
            Close(-2 * (1 - x) - 400 * x * (y - x * x), dx, 1e-12);
            Close(200 * (y - x * x), dy, 1e-12);
            Close(1200 * x * x - 400 * y + 2, dxdx, 1e-12);
            Close(-400 * x, dxdy, 1e-12);
            Close(200, dydy, 1e-12);

            var (hvpValue, gx, gy, hvx, hvy) = SecondOrderFunctions.RosenbrockHvp(x, y, vx, vy);
            Close(value, hvpValue, 1e-14);
            Close(dx, gx, 1e-12);
            Close(dy, gy, 1e-12);
            Close(dxdx * vx + dxdy * vy, hvx, 1e-12);
            Close(dxdy * vx + dydy * vy, hvy, 1e-12);
        });

    [Fact]
    public void MixedHessianMatchesFiniteDifferencesOfTheGradient() =>
        Gen.Select(Gen.Double[-2, 2], Gen.Double[-2, 2], Gen.Double[-2, 2]).Sample((x, y, z) =>
        {
            var h = SecondOrderFunctions.MixedHessian(x, y, z);
            var hessian = new[,] { { h.dxdx, h.dxdy, h.dxdz }, { h.dxdy, h.dydy, h.dydz }, { h.dxdz, h.dydz, h.dzdz } };
            var point = new[] { x, y, z };
            const double step = 1e-5;
            for (var j = 0; j < 3; j++)
            {
                // A kink (x = y, z = 0) between the two gradient evaluations makes the difference meaningless.
                if (Math.Abs(x - y) < 1e-3 || Math.Abs(z) < 1e-3)
                {
                    return;
                }

                var plus = (double[])point.Clone();
                var minus = (double[])point.Clone();
                plus[j] += step;
                minus[j] -= step;
                var gp = Gradient(plus);
                var gm = Gradient(minus);
                for (var i = 0; i < 3; i++)
                {
                    Close((gp[i] - gm[i]) / (2 * step), hessian[i, j], 1e-6);
                }
            }

            var (_, gx, gy, gz, hvx, hvy, hvz) = SecondOrderFunctions.MixedHvp(x, y, z, 0.5, -1, 2);
            Assert.Equal(Gradient(point), new[] { gx, gy, gz });
            Close(0.5 * hessian[0, 0] - hessian[0, 1] + 2 * hessian[0, 2], hvx, 1e-12);
            Close(0.5 * hessian[1, 0] - hessian[1, 1] + 2 * hessian[1, 2], hvy, 1e-12);
            Close(0.5 * hessian[2, 0] - hessian[2, 1] + 2 * hessian[2, 2], hvz, 1e-12);
        });

    [Fact]
    public void HessiansAndHvpsDoNotAllocate()
    {
        var sink = Run(1);
        var before = GC.GetAllocatedBytesForCurrentThread();
        sink += Run(10_000);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(double.IsFinite(sink));
    }

    private static double Run(int iterations)
    {
        var sink = 0.0;
        for (var i = 0; i < iterations; i++)
        {
            sink += SecondOrderFunctions.MixedHessian(0.1 * (i % 7), 0.3, -0.4).dxdz + SecondOrderFunctions.RosenbrockHvp(0.2, 0.1 * (i % 5), 1, 0).hvx;
        }

        return sink;
    }

    private static double[] Gradient(double[] p)
    {
        var (_, dx, dy, dz) = SecondOrderFunctions.MixedGradient(p[0], p[1], p[2]);
        return [dx, dy, dz];
    }
}
