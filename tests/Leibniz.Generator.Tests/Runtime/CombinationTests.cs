using CsCheck;
using static Leibniz.Generator.Tests.Runtime.Numeric;

namespace Leibniz.Generator.Tests.Runtime;

/// <summary>
/// <see cref="CombinationFunctions"/>: gradients against central differences of the methods themselves, Jvps against
/// the gradient, Hvps against differences of the gradient and Hessians against Hvps. Points where a branch, a trip
/// count or a break changes within the difference step are skipped (two step sizes disagree there), and counted.
/// </summary>
public sealed class CombinationTests
{
    // CsCheck favours simple values (0, ±1, repeats); a small distinct offset per element keeps comparisons between
    // elements (x[j] > x[i]) from tying, which would put every such point on a kink.
    private static readonly Gen<(double[] X, int K)> Inputs = Gen.Select(
        Gen.Double[-1.5, 1.5].Array[1, 8].Select(x => x.Select((v, i) => v + 0.0137 * i).ToArray()), Gen.Int[1, 5]);

    private delegate double Primal(ReadOnlySpan<double> x, int k);

    private delegate double Gradient(ReadOnlySpan<double> x, int k, Span<double> dx);

    private delegate (double Value, double Tangent) Jvp(ReadOnlySpan<double> x, int k, ReadOnlySpan<double> vx);

    private delegate double Hvp(ReadOnlySpan<double> x, int k, ReadOnlySpan<double> vx, Span<double> dx, Span<double> hvx);

    private delegate double Hessian(ReadOnlySpan<double> x, int k, Span<double> dx, Span<double> hessian);

    private sealed record Method(string Name, Primal F, Gradient Gradient, Jvp Jvp, Hvp? Hvp = null, Hessian? Hessian = null);

    private static readonly Method[] Methods =
    [
        new("GuardedWhile", CombinationFunctions.GuardedWhile, CombinationFunctions.GuardedWhileGradient, CombinationFunctions.GuardedWhileJvp,
            CombinationFunctions.GuardedWhileHvp, CombinationFunctions.GuardedWhileHessian),
        new("ReturnFromTheLoop", CombinationFunctions.ReturnFromTheLoop, CombinationFunctions.ReturnFromTheLoopGradient, CombinationFunctions.ReturnFromTheLoopJvp),
        new("TwoLevels", CombinationFunctions.TwoLevels, CombinationFunctions.TwoLevelsGradient, CombinationFunctions.TwoLevelsJvp,
            CombinationFunctions.TwoLevelsHvp, CombinationFunctions.TwoLevelsHessian),
        new("GenericRows", CombinationFunctions.GenericRows, CombinationFunctions.GenericRowsGradient, CombinationFunctions.GenericRowsJvp),
        new("ArraysInBranches", CombinationFunctions.ArraysInBranches, CombinationFunctions.ArraysInBranchesGradient, CombinationFunctions.ArraysInBranchesJvp,
            CombinationFunctions.ArraysInBranchesHvp, CombinationFunctions.ArraysInBranchesHessian),
        new("UnusedWhileResult", CombinationFunctions.UnusedWhileResult, CombinationFunctions.UnusedWhileResultGradient, CombinationFunctions.UnusedWhileResultJvp,
            CombinationFunctions.UnusedWhileResultHvp, CombinationFunctions.UnusedWhileResultHessian),
        new("CallsInBranches", CombinationFunctions.CallsInBranches, CombinationFunctions.CallsInBranchesGradient, CombinationFunctions.CallsInBranchesJvp),
        new("RecordedBranches", CombinationFunctions.RecordedBranches, CombinationFunctions.RecordedBranchesGradient, CombinationFunctions.RecordedBranchesJvp,
            CombinationFunctions.RecordedBranchesHvp, CombinationFunctions.RecordedBranchesHessian),
        new("GenericBranches", CombinationFunctions.GenericBranches, CombinationFunctions.GenericBranchesGradient, CombinationFunctions.GenericBranchesJvp),
        new("TriangularDoWhile", CombinationFunctions.TriangularDoWhile, CombinationFunctions.TriangularDoWhileGradient, CombinationFunctions.TriangularDoWhileJvp,
            CombinationFunctions.TriangularDoWhileHvp, CombinationFunctions.TriangularDoWhileHessian),
    ];

    [Fact]
    public void GradientsJvpsHvpsAndHessiansAgree()
    {
        foreach (var method in Methods)
        {
            var (compared, skipped) = (0, 0);
            Inputs.Sample(input =>
            {
                var (x, k) = input;
                var dx = new double[x.Length];
                var value = method.Gradient(x, k, dx);
                Close(method.F(x, k), value, 1e-14);
                var v = x.Select((_, i) => Math.Sin(3 * i + 1)).ToArray();
                Close(dx.Zip(v, (g, d) => g * d).Sum(), method.Jvp(x, k, v).Tangent, 1e-12);
                if (Smooth(p => method.F(p, k), x) is not { } expected)
                {
                    skipped++;
                    return;
                }

                compared++;
                for (var i = 0; i < x.Length; i++)
                {
                    Assert.True(Math.Abs(expected[i] - dx[i]) <= 1e-6 * (1 + Math.Abs(expected[i])), $"{method.Name} ∂/∂x[{i}]: differences {expected[i]:R}, generated {dx[i]:R}");
                }

                if (method.Hvp is { } hvp && method.Hessian is { } hessian)
                {
                    SecondOrderAgrees(method, hvp, hessian, x, k, v, dx);
                }
            }, iter: 300);
            Assert.True(compared > 150, $"{method.Name}: only {compared} points compared, {skipped} skipped");
        }
    }

    [Fact]
    public void FloatAndGenericInstantiationsAgreeWithDouble() =>
        Gen.Select(Gen.Int[-96, 96].Array[1, 8], Gen.Int[1, 5]).Sample((steps, k) =>
        {
            // Multiples of 1/64: their squares are exact in float, so the float method and its Hvp (which runs in
            // double) take the same branches. Elsewhere they can differ: x = 1.7e-41 squares to 0 in float, not in double.
            var x = steps.Select(m => m / 64f).ToArray();
            var asDouble = x.Select(v => (double)v).ToArray();
            var (dxFloat, dxDouble) = (new float[x.Length], new double[x.Length]);
            CombinationFunctions.GenericRowsGradient<float>(x, k, dxFloat);
            CombinationFunctions.GenericRowsGradient<double>(asDouble, k, dxDouble);
            for (var i = 0; i < x.Length; i++)
            {
                Assert.True(Math.Abs(dxDouble[i] - dxFloat[i]) <= 1e-4 * (1 + Math.Abs(dxDouble[i])), $"GenericRows<float> ∂/∂x[{i}]");
            }

            // The float Order-2 method: its Hvp runs in double; its gradient and H·v against float differences.
            var dx = new float[x.Length];
            var value = CombinationFunctions.FloatBranchesGradient(x, dx);
            Assert.Equal(CombinationFunctions.FloatBranches(x), value, 1e-5f);
            var (g, hv) = (new float[x.Length], new float[x.Length]);
            var v = x.Select((_, i) => (float)Math.Cos(i)).ToArray();
            CombinationFunctions.FloatBranchesHvp(x, v, g, hv);
            var hessian = new float[x.Length * x.Length];
            CombinationFunctions.FloatBranchesHessian(x, new float[x.Length], hessian);
            for (var i = 0; i < x.Length; i++)
            {
                Assert.True(Math.Abs(dx[i] - g[i]) <= 1e-4 * (1 + Math.Abs(dx[i])), $"FloatBranches Hvp gradient [{i}]: {dx[i]:R} vs {g[i]:R}");
                var row = Enumerable.Range(0, x.Length).Sum(j => (double)hessian[i * x.Length + j] * v[j]);
                Assert.True(Math.Abs(row - hv[i]) <= 1e-4 * (1 + Math.Abs(row)), $"FloatBranches (H·v)[{i}]: Hessian {row:R}, Hvp {hv[i]:R}");
            }

            // The float Hvp is a HessianVectorProduct<float> as it is: a detected sparse Hessian equals the dense one.
            var pattern = SparseHessian.Detect<float>(CombinationFunctions.FloatBranchesHvp, x);
            var (values, fromColors) = (new float[pattern.NonzeroCount], new float[x.Length * x.Length]);
            pattern.Evaluate<float>(CombinationFunctions.FloatBranchesHvp, x, new float[x.Length], values);
            pattern.ToDense<float>(values, fromColors);
            for (var e = 0; e < fromColors.Length; e++)
            {
                Assert.True(Math.Abs(hessian[e] - fromColors[e]) <= 1e-5f * (1 + Math.Abs(hessian[e])), $"FloatBranches sparse H[{e}]: {fromColors[e]:R} vs {hessian[e]:R}");
            }
        }, iter: 200);

    private static void SecondOrderAgrees(Method method, Hvp hvp, Hessian hessian, double[] x, int k, double[] v, double[] dx)
    {
        var n = x.Length;
        var (g, product) = (new double[n], new double[n]);
        hvp(x, k, v, g, product);
        var h = new double[n * n];
        hessian(x, k, new double[n], h);
        for (var i = 0; i < n; i++)
        {
            Close(dx[i], g[i], 1e-12);
            var row = Enumerable.Range(0, n).Sum(j => h[i * n + j] * v[j]);
            Assert.True(Math.Abs(row - product[i]) <= 1e-10 * (1 + Math.Abs(row)), $"{method.Name} (H·v)[{i}]: Hessian {row:R}, Hvp {product[i]:R}");
        }

        double[] GradientAt(double t)
        {
            var shifted = x.Select((xi, i) => xi + t * v[i]).ToArray();
            var d = new double[n];
            method.Gradient(shifted, k, d);
            return d;
        }

        var (up, down, up2, down2) = (GradientAt(1e-4), GradientAt(-1e-4), GradientAt(5e-5), GradientAt(-5e-5));
        for (var i = 0; i < n; i++)
        {
            var (coarse, fine) = ((up[i] - down[i]) / 2e-4, (up2[i] - down2[i]) / 1e-4);
            if (Math.Abs(coarse - fine) > 1e-4 * (1 + Math.Abs(fine)))
            {
                return;
            }

            var expected = (4 * fine - coarse) / 3;
            Assert.True(Math.Abs(expected - product[i]) <= 1e-5 * (1 + Math.Abs(expected)), $"{method.Name} (H·v)[{i}]: differences {expected:R}, Hvp {product[i]:R}");
        }
    }

    /// <summary>Central differences at two step sizes, or null where they disagree (a kink within reach).</summary>
    private static double[]? Smooth(Func<double[], double> f, double[] x)
    {
        var coarse = CentralGradient(f, x);
        var fine = CentralGradient(p => f(p), x.ToArray(), 0.5);
        return coarse.Zip(fine).All(p => Math.Abs(p.First - p.Second) <= 1e-5 * (1 + Math.Abs(p.Second))) ? fine : null;
    }
}
