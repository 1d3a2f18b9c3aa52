using BenchmarkDotNet.Attributes;
using Leibniz.Benchmarks.Infrastructure;

namespace Leibniz.Benchmarks.Loops;

/// <summary>
/// The extended Rosenbrock function over a span, written with a for loop, at n = 10², 10⁴ and 10⁶: the primal (the
/// baseline of each n), the generated gradient and Jvp, and a hand-written gradient. The ns/element column shows
/// whether cost stays linear in n. n = 100 is under the generator's stackalloc limit (this loop needs no tape at
/// all: its only carried value is an accumulator), so every row should allocate nothing.
/// </summary>
[Config(typeof(PerElementConfig))]
public class SpanRosenbrockBenchmarks
{
    private double[] _x = [];
    private double[] _direction = [];
    private double[] _gradient = [];

    [Params(100, 10_000, 1_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void CheckAgreement()
    {
        _x = LoopChecks.Point(N, 0.0);
        _direction = LoopChecks.Point(N, 1.3);
        _gradient = new double[N];
        var hand = new double[N];
        var value = HandWrittenLoops.RosenbrockGradient(_x, hand);
        LoopChecks.Close("Rosenbrock primal", value, Primal());
        // ∂f/∂xᵢ involves only the terms i − 1 and i, so differences of f over the window x[i−1..i+1] give it
        // without the round-off of differencing a sum of a million terms.
        foreach (var i in LoopChecks.Spread(N, 40))
        {
            var start = Math.Max(0, i - 1);
            var window = _x[start..Math.Min(N, i + 2)];
            var expected = new double[window.Length];
            expected[i - start] = hand[i];
            LoopChecks.AgainstDifferences($"Rosenbrock hand-written at {i}", p => LoopFunctions.Rosenbrock(p), window,
                expected, [i - start]);
        }

        LoopChecks.Close("Rosenbrock generated value", value, GeneratedGradient());
        LoopChecks.Close("Rosenbrock generated gradient", hand, _gradient);
        var jvp = LoopFunctions.RosenbrockJvp(_x, _direction);
        LoopChecks.Close("Rosenbrock generated Jvp value", value, jvp.Value);
        LoopChecks.Close("Rosenbrock generated Jvp tangent", LoopChecks.Dot(hand, _direction), jvp.Tangent);
    }

    [Benchmark(Baseline = true)]
    public double Primal() => LoopFunctions.Rosenbrock(_x);

    [Benchmark]
    public double GeneratedGradient() => LoopFunctions.RosenbrockGradient(_x, _gradient);

    [Benchmark]
    public double GeneratedJvp() => LoopFunctions.RosenbrockJvp(_x, _direction).Tangent;

    [Benchmark]
    public double HandWrittenGradient() => HandWrittenLoops.RosenbrockGradient(_x, _gradient);
}
