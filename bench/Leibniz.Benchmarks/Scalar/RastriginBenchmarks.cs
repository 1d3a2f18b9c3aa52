using BenchmarkDotNet.Attributes;

namespace Leibniz.Benchmarks.Scalar;

/// <summary>Every way to get Rastrigin's gradient in 2 variables; the hand-written gradient is the baseline.</summary>
public class RastriginBenchmarks
{
    private double _x = 1.1;
    private double _y = 2.3;

    [GlobalSetup]
    public void CheckAgreement()
    {
        var (v, dx, dy) = HandWritten.RastriginGradient(_x, _y);
        GradientAgreement.Check("Rastrigin primal", [v], [Primal()]);
        GradientAgreement.CheckAgainstDifferences(
            "Rastrigin hand-written", p => Functions.Rastrigin(p[0], p[1]), [_x, _y], [dx, dy]);
    }

    [Benchmark]
    public double Primal() => Functions.Rastrigin(_x, _y);

    [Benchmark(Baseline = true)]
    public (double, double, double) HandWrittenGradient() => HandWritten.RastriginGradient(_x, _y);
}
