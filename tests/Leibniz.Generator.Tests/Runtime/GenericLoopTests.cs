using CsCheck;
using static Leibniz.Generator.Tests.Runtime.Numeric;

namespace Leibniz.Generator.Tests.Runtime;

/// <summary>
/// Generic-math methods with loops and spans: the generated gradient (T = double) against the method itself
/// evaluated on <see cref="Dual"/> (T = Dual, one input direction at a time), the Jvp against the gradient, and the
/// float instantiation against the double one.
/// </summary>
public sealed class GenericLoopTests
{
    [Fact]
    public void SpanGradientMatchesTheMethodOnDual() => Gen.Double[-1.5, 1.5].Array[1, 20].Sample(x =>
    {
        var dx = new double[x.Length];
        var value = GenericLoopFunctions.RosenbrockGradient<double>(x, dx);
        Close(GenericLoopFunctions.Rosenbrock<double>(x), value, 1e-14);
        for (var i = 0; i < x.Length; i++)
        {
            var seeded = x.Select((v, j) => new Dual(v, i == j ? 1 : 0)).ToArray();
            Close(GenericLoopFunctions.Rosenbrock<Dual>(seeded).Tangent, dx[i], 1e-12);
        }

        var direction = x.Select((_, i) => Math.Cos(i)).ToArray();
        Close(dx.Zip(direction, (a, b) => a * b).Sum(), GenericLoopFunctions.RosenbrockJvp<double>(x, direction).Tangent, 1e-12);

        var single = x.Select(v => (float)v).ToArray();
        var dxSingle = new float[x.Length];
        Close(value, GenericLoopFunctions.RosenbrockGradient<float>(single, dxSingle), 1e-4);
        for (var i = 0; i < x.Length; i++)
        {
            Close(dx[i], dxSingle[i], 1e-4);
        }
    });

    [Fact]
    public void TapedAndWhileLoopGradientsMatchTheMethodOnDual() =>
        Gen.Select(Gen.Double[-1.5, 1.5], Gen.Double[-1.5, 1.5], Gen.Int[0, 30], Gen.Double[-1, 1].Array[1, 10]).Sample((x, s, n, values) =>
        {
            var (value, dx, ds) = GenericLoopFunctions.PowerGradient(x, s, n);
            Close(GenericLoopFunctions.Power(x, s, n), value, 1e-14);
            Close(GenericLoopFunctions.Power(new Dual(x, 1), new Dual(s, 0), n).Tangent, dx, 1e-10);
            Close(GenericLoopFunctions.Power(new Dual(x, 0), new Dual(s, 1), n).Tangent, ds, 1e-10);

            var w = new[] { 0.5 + x * x };
            var gradient = new double[values.Length];
            var norm = GenericLoopFunctions.NormGradient(values, w, s, gradient, out var dNormS);
            Close(GenericLoopFunctions.Norm(values, w, s), norm, 1e-14);
            var dualW = w.Select(v => new Dual(v, 0)).ToArray();
            for (var i = 0; i < values.Length; i++)
            {
                var seeded = values.Select((v, j) => new Dual(v, i == j ? 1 : 0)).ToArray();
                Close(GenericLoopFunctions.Norm(seeded, dualW, new Dual(s, 0)).Tangent, gradient[i], 1e-10);
            }

            Close(GenericLoopFunctions.Norm(values.Select(v => new Dual(v, 0)).ToArray(), dualW, new Dual(s, 1)).Tangent, dNormS, 1e-10);
        });

    [Fact]
    public void AFusedAccumulatorLoopWithAScalarMatchesTheAnalyticGradient() =>
        Gen.Select(Gen.Double[-1.5, 1.5].Array[0, 20], Gen.Double[-2, 2]).Sample((x, s) =>
        {
            var dx = new double[x.Length];
            var value = GenericLoopFunctions.ScaledSquaresGradient(x, s, dx, out var ds);
            Close(GenericLoopFunctions.ScaledSquares<double>(x, s), value, 1e-14);
            Close(x.Sum(v => v * v) + x.Length * Math.Cos(s), ds, 1e-12);
            for (var i = 0; i < x.Length; i++)
            {
                Close(2 * s * x[i], dx[i], 1e-12);
            }
        });
}
