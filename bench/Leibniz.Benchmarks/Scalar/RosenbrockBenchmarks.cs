using BenchmarkDotNet.Attributes;

namespace Leibniz.Benchmarks.Scalar;

/// <summary>Every way to get the extended Rosenbrock gradient in 10 variables; hand-written is the baseline.</summary>
public class RosenbrockBenchmarks
{
    private readonly double[] _x = [-1.2, 1.0, -1.1, 0.9, 0.5, 0.3, 1.3, 1.7, -0.4, 0.2];

    [GlobalSetup]
    public void CheckAgreement()
    {
        var h = HandWrittenGradient();
        GradientAgreement.Check("Rosenbrock10 primal", [h.Item1], [Primal()]);
        GradientAgreement.CheckAgainstDifferences(
            "Rosenbrock10 hand-written",
            p => Functions.Rosenbrock10(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9]),
            _x, [h.Item2, h.Item3, h.Item4, h.Item5, h.Item6, h.Item7, h.Item8, h.Item9, h.Item10, h.Item11]);
    }

    [Benchmark]
    public double Primal() =>
        Functions.Rosenbrock10(_x[0], _x[1], _x[2], _x[3], _x[4], _x[5], _x[6], _x[7], _x[8], _x[9]);

    [Benchmark(Baseline = true)]
    public (double, double, double, double, double, double, double, double, double, double, double)
        HandWrittenGradient() =>
        HandWritten.Rosenbrock10Gradient(_x[0], _x[1], _x[2], _x[3], _x[4], _x[5], _x[6], _x[7], _x[8], _x[9]);
}
