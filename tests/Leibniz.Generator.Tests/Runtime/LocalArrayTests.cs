using CsCheck;
using static Leibniz.Generator.Tests.Runtime.Numeric;

namespace Leibniz.Generator.Tests.Runtime;

/// <summary>Gradients and Jvps of methods with local arrays against finite differences of the methods themselves.</summary>
public sealed class LocalArrayTests
{
    private static readonly Gen<double[]> Vectors = Gen.Double[-1.5, 1.5].Array[2, 40];

    [Fact]
    public void CentredValuesInALocalArray() => Vectors.Sample(x =>
        AgreesWithFiniteDifferences(x, v => LocalArrayFunctions.Centred(v), (v, d) => LocalArrayFunctions.CentredGradient(v, d)), iter: 200);

    [Fact]
    public void ForwardSubstitutionReadsEarlierElementsOfTheArrayItFills() =>
        Gen.Select(Gen.Int[1, 8], Gen.Double[-1, 1].Array[64], Gen.Double[-1, 1].Array[8]).Sample((n, entries, rhs) =>
        {
            var lower = new double[n * n];
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    lower[i * n + j] = entries[i * 8 + j];
                }

                lower[i * n + i] = 1.5 + 0.5 * entries[i * 9 % 64];
            }

            var b = rhs[..n];
            var dLower = new double[n * n];
            var db = new double[n];
            var value = LocalArrayFunctions.TriangularSolveGradient(lower, b, n, dLower, db);
            Close(LocalArrayFunctions.TriangularSolve(lower, b, n), value, 1e-14);
            var all = lower.Concat(b).ToArray();
            var expected = CentralGradient(v => LocalArrayFunctions.TriangularSolve(v[..(n * n)], v[(n * n)..], n), all);
            var actual = dLower.Concat(db).ToArray();
            for (var i = 0; i < all.Length; i++)
            {
                Close(expected[i], actual[i], 1e-6);
            }
        }, iter: 200);

    [Fact]
    public void AccumulatingIntoBuckets() =>
        Gen.Select(Vectors, Gen.Double[-1, 1], Gen.Int[1, 7]).Sample((x, s, count) =>
        {
            var dx = new double[x.Length];
            var value = LocalArrayFunctions.BucketsGradient(x, s, count, dx, out var ds);
            Close(LocalArrayFunctions.Buckets(x, s, count), value, 1e-14);
            var expected = CentralGradient(v => LocalArrayFunctions.Buckets(v[..^1], v[^1], count), x.Append(s).ToArray());
            for (var i = 0; i < x.Length; i++)
            {
                Close(expected[i], dx[i], 1e-6);
            }

            Close(expected[^1], ds, 1e-6);
        }, iter: 200);

    [Fact]
    public void ABufferRefilledInEveryIterationOfAnOuterLoop() =>
        Gen.Select(Gen.Int[1, 4], Gen.Int[1, 10]).SelectMany((d, points) => Gen.Double[-2, 2].Array[d * points].Select(x => (d, x))).Sample(c =>
        {
            var dx = new double[c.x.Length];
            var value = LocalArrayFunctions.PathLengthGradient(c.x, c.d, dx);
            Close(LocalArrayFunctions.PathLength(c.x, c.d), value, 1e-14);
            var expected = CentralGradient(v => LocalArrayFunctions.PathLength(v, c.d), c.x);
            for (var i = 0; i < c.x.Length; i++)
            {
                Close(expected[i], dx[i], 1e-6);
            }
        }, iter: 200);

    [Fact]
    public void ArraysDeclaredInLoopBodiesAreFreshInEveryIteration() =>
        Gen.Select(Gen.Int[1, 4], Gen.Int[1, 10]).SelectMany((d, points) => Gen.Double[-2, 2].Array[d * points].Select(x => (d, x))).Sample(c =>
        {
            var dx = new double[c.x.Length];
            var value = LocalArrayFunctions.PathLengthDeclaredInTheLoopGradient(c.x, c.d, dx);
            Close(LocalArrayFunctions.PathLength(c.x, c.d), value, 1e-14);
            var reference = new double[c.x.Length];
            LocalArrayFunctions.PathLengthGradient(c.x, c.d, reference);
            for (var i = 0; i < c.x.Length; i++)
            {
                Close(reference[i], dx[i], 1e-14);
            }

            var k = c.d + 1;
            var s = c.x[0] * 0.7;
            value = LocalArrayFunctions.FreshAccumulatorsGradient(c.x, s, k, dx, out var ds);
            Close(LocalArrayFunctions.FreshAccumulators(c.x, s, k), value, 1e-14);
            var expected = CentralGradient(v => LocalArrayFunctions.FreshAccumulators(v.AsSpan(1), v[0], k), [s, .. c.x]);
            Close(expected[0], ds, 1e-6);
            for (var i = 0; i < c.x.Length; i++)
            {
                Close(expected[i + 1], dx[i], 1e-6);
            }

            var direction = c.x.Select((_, i) => Math.Cos(i)).ToArray();
            Close(Dot(dx, direction) + 0.5 * ds, LocalArrayFunctions.FreshAccumulatorsJvp(c.x, s, k, direction, 0.5).Tangent, 1e-12);
        }, iter: 200);

    [Fact]
    public void ArraysAfterGuardClausesIncludingANegativeLength() =>
        Gen.Select(Vectors, Gen.Int[-3, 12]).Sample((x, n) =>
        {
            var dx = new double[x.Length];
            var value = LocalArrayFunctions.AfterGuardsGradient(x, n, dx);
            Close(LocalArrayFunctions.AfterGuards(x, n), value, 1e-14);
            var expected = CentralGradient(v => LocalArrayFunctions.AfterGuards(v, n), x);
            for (var i = 0; i < x.Length; i++)
            {
                Close(expected[i], dx[i], 1e-6);
            }

            var direction = x.Select((_, i) => Math.Cos(i)).ToArray();
            Close(Dot(dx, direction), LocalArrayFunctions.AfterGuardsJvp(x, n, direction).Tangent, 1e-12);
        }, iter: 300);

    [Fact]
    public void PowersBuiltFromThePreviousElementMatchTheHornerDerivative() =>
        Gen.Select(Gen.Double[-1.5, 1.5], Gen.Double[-2, 2]).Sample((x, c) =>
        {
            var (value, dx, dc) = LocalArrayFunctions.PowersGradient(x, c);
            double expectedDx = 0, expectedDc = 0, expectedValue = 0;
            for (var k = 0; k < 8; k++)
            {
                expectedValue += Math.Pow(x, k) * Math.Cos(c * k);
                expectedDx += k == 0 ? 0 : k * Math.Pow(x, k - 1) * Math.Cos(c * k);
                expectedDc -= Math.Pow(x, k) * k * Math.Sin(c * k);
            }

            Close(expectedValue, value, 1e-13);
            Close(expectedDx, dx, 1e-12);
            Close(expectedDc, dc, 1e-12);
        }, iter: 200);

    [Fact]
    public void NewAndRentedArraysBeyondTheStackLimit() =>
        Gen.Select(Gen.Double[-1, 1].Array[3, 600], Gen.Double[0, 1]).Sample((x, w) =>
        {
            var dx = new double[x.Length];
            var value = LocalArrayFunctions.SmoothedGradient(x, w, dx, out var dw);
            Close(LocalArrayFunctions.Smoothed(x, w), value, 1e-13);
            var expected = CentralGradient(v => LocalArrayFunctions.Smoothed(v[..^1], v[^1]), x.Append(w).ToArray());
            for (var i = 0; i < x.Length; i++)
            {
                Close(expected[i], dx[i], 1e-6);
            }

            Close(expected[^1], dw, 1e-6);
        }, iter: 60);

    [Fact]
    public void AStackallocOrNewGuardIsOneLocalArray() => Gen.Double[-1.5, 1.5].Array[1, 150].Sample(x =>
    {
        var dx = new double[x.Length];
        Close(LocalArrayFunctions.Differences(x), LocalArrayFunctions.DifferencesGradient(x, dx), 1e-14);
        var expected = CentralGradient(v => LocalArrayFunctions.Differences(v), x);
        for (var i = 0; i < x.Length; i++)
        {
            Close(expected[i], dx[i], 1e-6);
        }
    }, iter: 100);

    [Fact]
    public void FloatLocalArrays() =>
        Gen.Float[-1, 1].Array[2, 30].Sample(x =>
        {
            var dx = new float[x.Length];
            var value = LocalArrayFunctions.SingleCentredGradient(x, dx);
            Assert.Equal(LocalArrayFunctions.SingleCentred(x), value, 1e-5f);
            for (var i = 0; i < x.Length; i++)
            {
                var n = x.Length;
                double Term(int k) => Math.Sin(x[k]) * x[k];
                double Slope(int k) => Math.Cos(x[k]) * x[k] + Math.Sin(x[k]);
                var expected = Slope(i) * (Term((i + 1) % n) + Term((i - 1 + n) % n));
                Assert.Equal(expected, dx[i], 1e-4);
            }
        }, iter: 100);

    [Fact]
    public void JvpsWithLocalArraysEqualTheGradientAlongTheDirection() =>
        Gen.Select(Vectors, Gen.Double[-1, 1].Array[40], Gen.Int[1, 5]).Sample((x, directions, count) =>
        {
            var v = directions[..x.Length];
            var dx = new double[x.Length];
            LocalArrayFunctions.CentredGradient(x, dx);
            Close(Dot(dx, v), LocalArrayFunctions.CentredJvp(x, v).Tangent, 1e-12);
            LocalArrayFunctions.BucketsGradient(x, 0.3, count, dx, out var ds);
            Close(Dot(dx, v) - 0.5 * ds, LocalArrayFunctions.BucketsJvp(x, 0.3, count, v, -0.5).Tangent, 1e-12);
        }, iter: 200);

    [Fact]
    public void LocalArrayGradientsDoNotAllocate()
    {
        var small = Enumerable.Range(0, 60).Select(i => Math.Sin(i)).ToArray();
        var large = Enumerable.Range(0, 3000).Select(i => Math.Cos(i)).ToArray();
        var dSmall = new double[small.Length];
        var dLarge = new double[large.Length];
        Allocations.AssertNoneAfterWarmUp(() => Run(small, large, dSmall, dLarge), repetitions: 100);
    }

    private static double Run(double[] small, double[] large, double[] dSmall, double[] dLarge) =>
        LocalArrayFunctions.CentredGradient(small, dSmall) + LocalArrayFunctions.CentredGradient(large, dLarge)
        + LocalArrayFunctions.CentredJvp(large, large).Tangent + LocalArrayFunctions.PowersGradient(0.4, 0.2).dx
        + LocalArrayFunctions.BucketsGradient(large, 0.1, 300, dLarge, out var ds) + ds
        + LocalArrayFunctions.FreshAccumulatorsGradient(small, 0.1, 300, dSmall, out var fresh) + fresh;

    private static void AgreesWithFiniteDifferences(double[] x, Func<double[], double> f, Func<double[], double[], double> gradient)
    {
        var dx = new double[x.Length];
        var value = gradient(x, dx);
        Close(f(x), value, 1e-14);
        var expected = CentralGradient(f, x);
        for (var i = 0; i < x.Length; i++)
        {
            Close(expected[i], dx[i], 1e-6);
        }
    }

    private static double Dot(double[] a, double[] b) => a.Zip(b, (p, q) => p * q).Sum();
}
