using BenchmarkDotNet.Attributes;

namespace Leibniz.Benchmarks.Scalar;

/// <summary>
/// Gradients of a function with real branches. Each invocation evaluates three points, one per branch, and sums
/// every component, so every method pays for all three branches (and the branch predictor sees a fixed cycle).
/// </summary>
public class BranchesBenchmarks
{
    // (0.3, 0.4): r < 1; (2.0, 1.0): x > y; (0.5, 1.5): the last branch.
    private readonly double[] _xs = [0.3, 2.0, 0.5];
    private readonly double[] _ys = [0.4, 1.0, 1.5];

    [GlobalSetup]
    public void CheckAgreement()
    {
        var sum = 0.0;
        for (var i = 0; i < 3; i++)
        {
            sum += Functions.Branches(_xs[i], _ys[i]);
        }

        GradientAgreement.Check("Branches primal", [sum], [Primal()]);
        for (var i = 0; i < 3; i++)
        {
            var (_, dx, dy) = HandWritten.BranchesGradient(_xs[i], _ys[i]);
            GradientAgreement.CheckAgainstDifferences(
                $"Branches hand-written at point {i}", p => Functions.Branches(p[0], p[1]), [_xs[i], _ys[i]], [dx, dy]);
        }
    }

    [Benchmark]
    public double Primal()
    {
        var sum = 0.0;
        for (var i = 0; i < _xs.Length; i++)
        {
            sum += Functions.Branches(_xs[i], _ys[i]);
        }

        return sum;
    }

    [Benchmark(Baseline = true)]
    public double HandWrittenGradient()
    {
        var sum = 0.0;
        for (var i = 0; i < _xs.Length; i++)
        {
            var (v, dx, dy) = HandWritten.BranchesGradient(_xs[i], _ys[i]);
            sum += v + dx + dy;
        }

        return sum;
    }
}
