using CsCheck;
using static Leibniz.Generator.Tests.Runtime.Numeric;

namespace Leibniz.Generator.Tests.Runtime;

/// <summary>
/// Generic-math methods with loops at <c>Order = 2</c>: the generated Hvp (T = double) against the generated
/// gradient run on <see cref="Dual"/> (T = Dual: forward over reverse by operator overloading, independent of the
/// generated tangent code), the Hessian against the Hvp along unit vectors, and the float instantiation against the
/// double one.
/// </summary>
public sealed class GenericSecondOrderTests
{
    private static Dual[] Seeded(double[] x, double[] v) => x.Select((value, i) => new Dual(value, v[i])).ToArray();

    [Fact]
    public void SpanHvpMatchesTheGradientOnDual() =>
        Gen.Select(Gen.Double[-1.5, 1.5].Array[1, 12], Gen.Double[-1, 1].Array[12]).Sample((x, direction) =>
        {
            var v = direction[..x.Length];
            var (dx, hv) = (new double[x.Length], new double[x.Length]);
            var value = GenericSecondOrderFunctions.RosenbrockHvp<double>(x, v, dx, hv);
            var dualGradient = new Dual[x.Length];
            var dual = GenericSecondOrderFunctions.RosenbrockGradient<Dual>(Seeded(x, v), dualGradient);
            Close(dual.Value, value, 1e-14);
            for (var i = 0; i < x.Length; i++)
            {
                Close(dualGradient[i].Value, dx[i], 1e-13);
                Close(dualGradient[i].Tangent, hv[i], 1e-12);
            }

            var hessian = new double[x.Length * x.Length];
            Close(value, GenericSecondOrderFunctions.RosenbrockHessian<double>(x, dx, hessian), 1e-14);
            for (var r = 0; r < x.Length; r++)
            {
                var unit = x.Select((_, i) => i == r ? 1.0 : 0.0).ToArray();
                GenericSecondOrderFunctions.RosenbrockHvp<double>(x, unit, dx, hv);
                for (var c = 0; c < x.Length; c++)
                {
                    Close(hv[c], hessian[r * x.Length + c], 1e-13);
                }
            }

            var single = x.Select(e => (float)e).ToArray();
            var (dxSingle, hvSingle) = (new float[x.Length], new float[x.Length]);
            Close(value, GenericSecondOrderFunctions.RosenbrockHvp<float>(single, v.Select(e => (float)e).ToArray(), dxSingle, hvSingle), 1e-4);
            GenericSecondOrderFunctions.RosenbrockHvp<double>(x, v, dx, hv);
            for (var i = 0; i < x.Length; i++)
            {
                Close(hv[i], hvSingle[i], 1e-3);
            }
        });

    [Fact]
    public void TapedLoopWithABranchMatchesTheGradientOnDual() =>
        Gen.Select(Gen.Double[-1.5, 1.5], Gen.Double[-1.5, 1.5], Gen.Int[0, 25], Gen.Double[-1, 1], Gen.Double[-1, 1]).Sample((x, s, n, vx, vs) =>
        {
            var hvp = GenericSecondOrderFunctions.PowerHvp(x, s, n, vx, vs);
            var dual = GenericSecondOrderFunctions.PowerGradient(new Dual(x, vx), new Dual(s, vs), n);
            Close(dual.Value.Value, hvp.Value, 1e-14);
            Close(dual.dx.Value, hvp.dx, 1e-12);
            Close(dual.ds.Value, hvp.ds, 1e-12);
            Close(dual.dx.Tangent, hvp.hvx, 1e-10);
            Close(dual.ds.Tangent, hvp.hvs, 1e-10);

            var hessian = GenericSecondOrderFunctions.PowerHessian(x, s, n);
            var (columnX, columnS) = (GenericSecondOrderFunctions.PowerHvp(x, s, n, 1.0, 0.0), GenericSecondOrderFunctions.PowerHvp(x, s, n, 0.0, 1.0));
            Close(columnX.hvx, hessian.dxdx, 1e-14);
            Close(columnS.hvx, hessian.dxds, 1e-14);
            Close(columnS.hvs, hessian.dsds, 1e-14);
        });

    [Fact]
    public void LocalArrayAndWhileLoopMatchTheGradientOnDual() =>
        Gen.Select(Gen.Double[-1.5, 1.5].Array[0, 10], Gen.Double[-1, 1].Array[10], Gen.Double[0.2, 1.2], Gen.Double[-1, 1]).Sample((x, direction, s, vs) =>
        {
            var v = direction[..x.Length];
            var (dx, hv) = (new double[x.Length], new double[x.Length]);
            var value = GenericSecondOrderFunctions.SmoothHvp<double>(x, s, v, vs, dx, out var ds, hv, out var hvs);
            var dualGradient = new Dual[x.Length];
            var dual = GenericSecondOrderFunctions.SmoothGradient<Dual>(Seeded(x, v), new Dual(s, vs), dualGradient, out var dualS);
            Close(dual.Value, value, 1e-14);
            Close(dualS.Value, ds, 1e-12);
            Close(dualS.Tangent, hvs, 1e-10);
            for (var i = 0; i < x.Length; i++)
            {
                Close(dualGradient[i].Value, dx[i], 1e-12);
                Close(dualGradient[i].Tangent, hv[i], 1e-10);
            }
        });

    [Fact]
    public void GenericHvpsAndHessiansDoNotAllocate()
    {
        var x = Enumerable.Range(0, 300).Select(i => Math.Sin(i)).ToArray();
        var v = Enumerable.Range(0, 300).Select(i => Math.Cos(i)).ToArray();
        var (dx, hv, hessian) = (new double[300], new double[300], new double[16]);
        Allocations.AssertNoneAfterWarmUp(() =>
            GenericSecondOrderFunctions.RosenbrockHvp<double>(x, v, dx, hv)
            + GenericSecondOrderFunctions.SmoothHvp<double>(x, 0.7, v, 0.3, dx, out _, hv, out _)
            + GenericSecondOrderFunctions.RosenbrockHessian<double>(x.AsSpan(0, 4), dx.AsSpan(0, 4), hessian)
            + GenericSecondOrderFunctions.PowerHessian(0.3, 0.9, 40).dxds, repetitions: 20);
    }
}
