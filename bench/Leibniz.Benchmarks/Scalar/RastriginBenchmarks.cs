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
        GradientAgreement.Check("Rastrigin", [v, dx, dy], [Primal(), dx, dy]);
    }

    [Benchmark]
    public double Primal() => Functions.Rastrigin(_x, _y);

    [Benchmark(Baseline = true)]
    public (double, double, double) HandWrittenGradient() => HandWritten.RastriginGradient(_x, _y);
}
