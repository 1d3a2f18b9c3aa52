using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Leibniz.Benchmarks.Loops;

namespace Leibniz.Benchmarks.SecondOrder;

/// <summary>
/// Second derivatives of straight-line scalar methods: per function, the generated gradient (the baseline), the
/// Hessian-vector product (forward over reverse: value, gradient and H·v) and the full Hessian (value, gradient and
/// the upper triangle), next to the primal. Rosenbrock is evaluated at four points per call, Mixed at two (one in
/// each branch).
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SecondOrderBenchmarks
{
    // Four points per call: one 2-D Rosenbrock gradient takes about a nanosecond, too little to time alone.
    private readonly double[][] _rosenbrock = [[-1.2, 1.0], [0.3, -0.4], [1.1, 1.3], [-0.6, 0.2]];
    private readonly double[] _rosenbrockDirection = [0.5, -1.0];

    // (0.7, 0.3, −0.4) takes the x > y branch, (0.2, 0.9, 0.5) the other.
    private readonly double[][] _mixed = [[0.7, 0.3, -0.4], [0.2, 0.9, 0.5]];
    private readonly double[] _mixedDirection = [0.3, -0.7, 0.4];

    [GlobalSetup]
    public void CheckAgreement()
    {
        foreach (var p in _rosenbrock)
        {
            CheckRosenbrock(p[0], p[1]);
        }

        foreach (var p in _mixed)
        {
            CheckMixed(p[0], p[1], p[2]);
        }
    }

    // The Hessian and the gradient against their closed forms, the Hvp against H·v.
    private void CheckRosenbrock(double x, double y)
    {
        var (vx, vy) = (_rosenbrockDirection[0], _rosenbrockDirection[1]);
        double[] analytic = [-400 * (y - x * x) * x - 2 * (1 - x), 200 * (y - x * x),
            1200 * x * x - 400 * y + 2, -400 * x, 200];
        var h = SecondOrderFunctions.RosenbrockHessian(x, y);
        LoopChecks.Close("Rosenbrock Hessian", analytic, [h.dx, h.dy, h.dxdx, h.dxdy, h.dydy]);
        var hv = SecondOrderFunctions.RosenbrockHvp(x, y, vx, vy);
        LoopChecks.Close("Rosenbrock Hvp", [analytic[0], analytic[1], analytic[2] * vx + analytic[3] * vy,
            analytic[3] * vx + analytic[4] * vy], [hv.dx, hv.dy, hv.hvx, hv.hvy]);
        var g = SecondOrderFunctions.RosenbrockGradient(x, y);
        LoopChecks.Close("Rosenbrock gradient", [h.Value, analytic[0], analytic[1]], [g.Value, g.dx, g.dy]);
    }

    [BenchmarkCategory("Rosenbrock"), Benchmark]
    public double RosenbrockPrimal()
    {
        var sum = 0.0;
        foreach (var p in _rosenbrock)
        {
            sum += SecondOrderFunctions.Rosenbrock(p[0], p[1]);
        }

        return sum;
    }

    [BenchmarkCategory("Rosenbrock"), Benchmark(Baseline = true)]
    public double RosenbrockGradient()
    {
        var sum = 0.0;
        foreach (var p in _rosenbrock)
        {
            var g = SecondOrderFunctions.RosenbrockGradient(p[0], p[1]);
            sum += g.Value + g.dx + g.dy;
        }

        return sum;
    }

    [BenchmarkCategory("Rosenbrock"), Benchmark]
    public double RosenbrockHvp()
    {
        var sum = 0.0;
        foreach (var p in _rosenbrock)
        {
            var h = SecondOrderFunctions.RosenbrockHvp(p[0], p[1], _rosenbrockDirection[0], _rosenbrockDirection[1]);
            sum += h.Value + h.dx + h.dy + h.hvx + h.hvy;
        }

        return sum;
    }

    [BenchmarkCategory("Rosenbrock"), Benchmark]
    public double RosenbrockHessian()
    {
        var sum = 0.0;
        foreach (var p in _rosenbrock)
        {
            var h = SecondOrderFunctions.RosenbrockHessian(p[0], p[1]);
            sum += h.Value + h.dx + h.dy + h.dxdx + h.dxdy + h.dydy;
        }

        return sum;
    }

    [BenchmarkCategory("Mixed"), Benchmark]
    public double MixedPrimal()
    {
        var sum = 0.0;
        foreach (var p in _mixed)
        {
            sum += SecondOrderFunctions.Mixed(p[0], p[1], p[2]);
        }

        return sum;
    }

    [BenchmarkCategory("Mixed"), Benchmark(Baseline = true)]
    public double MixedGradient()
    {
        var sum = 0.0;
        foreach (var p in _mixed)
        {
            var g = SecondOrderFunctions.MixedGradient(p[0], p[1], p[2]);
            sum += g.Value + g.dx + g.dy + g.dz;
        }

        return sum;
    }

    [BenchmarkCategory("Mixed"), Benchmark]
    public double MixedHvp()
    {
        var sum = 0.0;
        foreach (var p in _mixed)
        {
            var h = SecondOrderFunctions.MixedHvp(p[0], p[1], p[2], _mixedDirection[0], _mixedDirection[1],
                _mixedDirection[2]);
            sum += h.Value + h.dx + h.dy + h.dz + h.hvx + h.hvy + h.hvz;
        }

        return sum;
    }

    [BenchmarkCategory("Mixed"), Benchmark]
    public double MixedHessian()
    {
        var sum = 0.0;
        foreach (var p in _mixed)
        {
            var h = SecondOrderFunctions.MixedHessian(p[0], p[1], p[2]);
            sum += h.Value + h.dx + h.dy + h.dz + h.dxdx + h.dxdy + h.dxdz + h.dydy + h.dydz + h.dzdz;
        }

        return sum;
    }

    // The Hessian against central differences of the generated gradient, the Hvp against H·v, the gradient of
    // every second-order member against the first-order one.
    private void CheckMixed(double x, double y, double z)
    {
        var where = $"Mixed at ({x}, {y}, {z})";
        var g = SecondOrderFunctions.MixedGradient(x, y, z);
        var h = SecondOrderFunctions.MixedHessian(x, y, z);
        double[,] hessian = { { h.dxdx, h.dxdy, h.dxdz }, { h.dxdy, h.dydy, h.dydz }, { h.dxdz, h.dydz, h.dzdz } };
        double[] point = [x, y, z];
        for (var j = 0; j < 3; j++)
        {
            var step = 1e-6;
            var up = (double[])point.Clone();
            var down = (double[])point.Clone();
            up[j] += step;
            down[j] -= step;
            var gu = SecondOrderFunctions.MixedGradient(up[0], up[1], up[2]);
            var gd = SecondOrderFunctions.MixedGradient(down[0], down[1], down[2]);
            double[] column = [(gu.dx - gd.dx) / (2 * step), (gu.dy - gd.dy) / (2 * step), (gu.dz - gd.dz) / (2 * step)];
            LoopChecks.Close($"{where} Hessian column {j} vs differences", column,
                [hessian[0, j], hessian[1, j], hessian[2, j]], 1e-6);
        }

        var v = _mixedDirection;
        var hv = SecondOrderFunctions.MixedHvp(x, y, z, v[0], v[1], v[2]);
        double[] product = [0, 0, 0];
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                product[i] += hessian[i, j] * v[j];
            }
        }

        LoopChecks.Close($"{where} Hvp", [g.Value, g.dx, g.dy, g.dz, .. product],
            [hv.Value, hv.dx, hv.dy, hv.dz, hv.hvx, hv.hvy, hv.hvz]);
        LoopChecks.Close($"{where} Hessian gradient", [g.Value, g.dx, g.dy, g.dz], [h.Value, h.dx, h.dy, h.dz]);
    }
}
