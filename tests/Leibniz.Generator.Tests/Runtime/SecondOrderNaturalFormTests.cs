using CsCheck;
using static Leibniz.Generator.Tests.Runtime.Numeric;

namespace Leibniz.Generator.Tests.Runtime;

/// <summary>
/// Order-2 methods written as people write them (switch expressions, local functions over constant tables, an
/// instance method, `i + 1 &lt; n` headers, a running idx++ index, counting down with in-place *=): the gradient
/// against central differences of the value, the Hvp against central differences of the gradient, and the Hessian
/// against the Hvp.
/// </summary>
public sealed class SecondOrderNaturalFormTests
{
    private static readonly Gen<double[]> Vectors = Gen.Double[-1.2, 1.2].Array[2, 12];

    private static readonly SecondOrderSpring Spring = new(1.7);

    /// <summary>A packed lower triangle of 12·13/2 numbers: long enough for every vector of <see cref="Vectors"/>.</summary>
    private static readonly double[] Packed = Enumerable.Range(0, 78).Select(k => Math.Sin(1.3 * k)).ToArray();

    private delegate double Value(double[] x);

    private delegate double Gradient(double[] x, Span<double> d);

    private delegate double Hvp(double[] x, ReadOnlySpan<double> v, Span<double> d, Span<double> h);

    private delegate double Hessian(double[] x, Span<double> d, Span<double> hessian);

    private sealed record Case(string Name, Value F, Gradient Gradient, Hvp Hvp, Hessian Hessian);

    private static IEnumerable<Case> Cases() =>
    [
        new("SwitchEnergy", SecondOrderNaturalFormFunctions.SwitchEnergy, SecondOrderNaturalFormFunctions.SwitchEnergyGradient, SecondOrderNaturalFormFunctions.SwitchEnergyHvp, SecondOrderNaturalFormFunctions.SwitchEnergyHessian),
        new("Quadrature", SecondOrderNaturalFormFunctions.Quadrature, SecondOrderNaturalFormFunctions.QuadratureGradient, SecondOrderNaturalFormFunctions.QuadratureHvp, SecondOrderNaturalFormFunctions.QuadratureHessian),
        new("Chain", SecondOrderNaturalFormFunctions.Chain, SecondOrderNaturalFormFunctions.ChainGradient, SecondOrderNaturalFormFunctions.ChainHvp, SecondOrderNaturalFormFunctions.ChainHessian),
        new("Counted", SecondOrderNaturalFormFunctions.Counted, SecondOrderNaturalFormFunctions.CountedGradient, SecondOrderNaturalFormFunctions.CountedHvp, SecondOrderNaturalFormFunctions.CountedHessian),
        new("Averaged", SecondOrderNaturalFormFunctions.Averaged, SecondOrderNaturalFormFunctions.AveragedGradient, SecondOrderNaturalFormFunctions.AveragedHvp, SecondOrderNaturalFormFunctions.AveragedHessian),
        new("Downward", SecondOrderNaturalFormFunctions.Downward, SecondOrderNaturalFormFunctions.DownwardGradient, SecondOrderNaturalFormFunctions.DownwardHvp, SecondOrderNaturalFormFunctions.DownwardHessian),
        new("PackedQuadratic",
            x => SecondOrderNaturalFormFunctions.PackedQuadratic(x, Packed),
            (x, d) => SecondOrderNaturalFormFunctions.PackedQuadraticGradient(x, Packed, d),
            (x, v, d, h) => SecondOrderNaturalFormFunctions.PackedQuadraticHvp(x, Packed, v, d, h),
            (x, d, h) => SecondOrderNaturalFormFunctions.PackedQuadraticHessian(x, Packed, d, h)),
        new("Spring.Energy", Spring.Energy, Spring.EnergyGradient, Spring.EnergyHvp, Spring.EnergyHessian),
    ];

    [Fact]
    public void GradientEqualsCentralDifferencesOfTheValue()
    {
        foreach (var c in Cases())
        {
            Vectors.Sample(x =>
            {
                var gradient = new double[x.Length];
                Close(c.F(x), c.Gradient(x, gradient), 1e-13, c.Name + " value");
                var expected = Numeric.CentralGradient(y => c.F(y), x);
                for (var i = 0; i < x.Length; i++)
                {
                    Close(expected[i], gradient[i], 1e-6, $"{c.Name} gradient[{i}]");
                }
            }, iter: 30);
        }
    }

    [Fact]
    public void HvpEqualsCentralDifferencesOfTheGradient()
    {
        foreach (var c in Cases())
        {
            Gen.Select(Vectors, Gen.Int[0, int.MaxValue]).Sample((x, seed) =>
            {
                var n = x.Length;
                var v = RandomVector(n, seed);
                var (d, h, g) = (new double[n], new double[n], new double[n]);
                Close(c.Gradient(x, g), c.Hvp(x, v, d, h), 1e-13, c.Name + " value");
                for (var i = 0; i < n; i++)
                {
                    Close(g[i], d[i], 1e-12, $"{c.Name} gradient[{i}]");
                }

                const double step = 1e-6;
                var (plus, minus) = (new double[n], new double[n]);
                c.Gradient(x.Zip(v, (a, b) => a + step * b).ToArray(), plus);
                c.Gradient(x.Zip(v, (a, b) => a - step * b).ToArray(), minus);
                var scale = 1 + g.Sum(Math.Abs) + h.Sum(Math.Abs);
                for (var i = 0; i < n; i++)
                {
                    var difference = (plus[i] - minus[i]) / (2 * step);
                    Assert.True(Math.Abs(difference - h[i]) <= 1e-6 * scale, $"{c.Name}: (H·v)[{i}] = {h[i]:R}, central difference {difference:R}");
                }
            }, iter: 40);
        }
    }

    [Fact]
    public void HessianIsSymmetricAndTimesVIsTheHvp()
    {
        foreach (var c in Cases())
        {
            Gen.Select(Vectors, Gen.Int[0, int.MaxValue]).Sample((x, seed) =>
            {
                var n = x.Length;
                var (d, hessian) = (new double[n], new double[n * n]);
                Close(c.F(x), c.Hessian(x, d, hessian), 1e-13, c.Name + " value");
                var v = RandomVector(n, seed);
                var product = new double[n];
                c.Hvp(x, v, new double[n], product);
                AssertSymmetricWithProduct(c.Name, hessian, v, product);
            }, iter: 30);
        }
    }

    [Fact]
    public void PackedQuadraticHessianIsTheSymmetrisedTriangleAndTheQuarticDiagonal() => Vectors.Sample(x =>
    {
        var n = x.Length;
        var hessian = new double[n * n];
        SecondOrderNaturalFormFunctions.PackedQuadraticHessian(x, Packed, new double[n], hessian);
        var expected = new double[n * n];
        var idx = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++, idx++)
            {
                expected[i * n + j] += Packed[idx];
                expected[j * n + i] += Packed[idx];
            }

            expected[i * n + i] += 1.2 * x[i] * x[i];
        }

        for (var k = 0; k < n * n; k++)
        {
            Close(expected[k], hessian[k], 1e-12, $"H[{k / n},{k % n}]");
        }
    }, iter: 50);
}
