using BenchmarkDotNet.Attributes;
using Leibniz.Benchmarks.Infrastructure;

namespace Leibniz.Benchmarks.Loops;

/// <summary>
/// A local array filled by one loop and read by another (<see cref="LoopFunctions.Centred"/>) at n = 100 (its copy
/// and adjoint buffer on the stack in the generated code) and n = 10,000 (rented from the pool): the primal (the
/// baseline of each n), the generated gradient and Jvp.
/// </summary>
[Config(typeof(PerElementConfig))]
public class LocalArrayBenchmarks
{
    private double[] _x = [];
    private double[] _direction = [];
    private double[] _gradient = [];

    [Params(100, 10_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void CheckAgreement()
    {
        _x = LoopChecks.Point(N, 0.4);
        _direction = LoopChecks.Point(N, 2.1);
        _gradient = new double[N];
        var value = GeneratedGradient();
        LoopChecks.Close("Centred generated value", Primal(), value);
        if (N <= 100)
        {
            LoopChecks.AgainstDifferences("Centred generated gradient", p => LoopFunctions.Centred(p), (double[])_x.Clone(), _gradient,
                LoopChecks.Spread(N, 20));
        }

        var jvp = LoopFunctions.CentredJvp(_x, _direction);
        LoopChecks.Close("Centred generated Jvp value", value, jvp.Value);
        LoopChecks.Close("Centred generated Jvp tangent", LoopChecks.Dot(_gradient, _direction), jvp.Tangent);
    }

    [Benchmark(Baseline = true)]
    public double Primal() => LoopFunctions.Centred(_x);

    [Benchmark]
    public double GeneratedGradient() => LoopFunctions.CentredGradient(_x, _gradient);

    [Benchmark]
    public double GeneratedJvp() => LoopFunctions.CentredJvp(_x, _direction).Tangent;
}
