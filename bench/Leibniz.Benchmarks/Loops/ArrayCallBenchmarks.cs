using BenchmarkDotNet.Attributes;
using Leibniz.Benchmarks.Infrastructure;

namespace Leibniz.Benchmarks.Loops;

/// <summary>
/// A method that passes its spans to a [Differentiable] helper (<see cref="ArrayCallFunctions.Margin"/> calls
/// <see cref="ArrayCallFunctions.Dot"/>; the spans are used nowhere else, so Dot's gradient is written into the
/// caller's) against the same method with the helper's loop inlined by hand
/// (<see cref="ArrayCallFunctions.MarginInlined"/>), and the same pair with the spans also read outside the call
/// (<see cref="ArrayCallFunctions.MarginShared"/>: scratch buffers, stack at n = 100, pooled at n = 10,000): the
/// primal of Margin (the baseline of each n), the generated gradients and the generated Jvp of Margin.
/// </summary>
[Config(typeof(PerElementConfig))]
public class ArrayCallBenchmarks
{
    private double[] _a = [];
    private double[] _b = [];
    private double[] _direction = [];
    private double[] _da = [];
    private double[] _db = [];

    [Params(100, 10_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void CheckAgreement()
    {
        _a = LoopChecks.Point(N, 0.4);
        _b = LoopChecks.Point(N, 2.1);
        _direction = LoopChecks.Point(N, 1.3);
        (_da, _db) = (new double[N], new double[N]);
        var (inlinedA, inlinedB) = (new double[N], new double[N]);
        var value = ArrayCallFunctions.MarginInlinedGradient(_a, _b, inlinedA, inlinedB);
        LoopChecks.Close("Margin primal", value, Primal());
        LoopChecks.Close("Margin generated value", value, GeneratedGradient());
        LoopChecks.Close("Margin generated gradient (a)", inlinedA, _da, 1e-12);
        LoopChecks.Close("Margin generated gradient (b)", inlinedB, _db, 1e-12);

        // ∂f/∂aᵢ = −σ(−a·b/n)·bᵢ/n, written out independently of the generated code.
        var sigma = 1 / (1 + Math.Exp(LoopChecks.Dot(_a, _b) / N));
        LoopChecks.Close("Margin gradient (a) analytic", _b.Select(v => -sigma * v / N).ToArray(), _da, 1e-12);
        var (sharedA, sharedB) = (new double[N], new double[N]);
        var shared = ArrayCallFunctions.MarginSharedInlinedGradient(_a, _b, sharedA, sharedB);
        LoopChecks.Close("MarginShared generated value", shared, SharedGradient());
        LoopChecks.Close("MarginShared generated gradient (a)", sharedA, _da, 1e-12);
        LoopChecks.Close("MarginShared generated gradient (b)", sharedB, _db, 1e-12);
        LoopChecks.Close("MarginShared gradient (a) analytic", _b.Select((v, i) => -sigma * v / N + (i == 0 ? 1e-3 * _b[0] : 0)).ToArray(), _da, 1e-12);
        GeneratedGradient();
        var jvp = ArrayCallFunctions.MarginJvp(_a, _b, _direction, _direction);
        LoopChecks.Close("Margin generated Jvp value", value, jvp.Value);
        LoopChecks.Close("Margin generated Jvp tangent", LoopChecks.Dot(_da, _direction) + LoopChecks.Dot(_db, _direction), jvp.Tangent);
    }

    [Benchmark(Baseline = true)]
    public double Primal() => ArrayCallFunctions.Margin(_a, _b);

    [Benchmark]
    public double GeneratedGradient() => ArrayCallFunctions.MarginGradient(_a, _b, _da, _db);

    [Benchmark]
    public double InlinedGeneratedGradient() => ArrayCallFunctions.MarginInlinedGradient(_a, _b, _da, _db);

    [Benchmark]
    public double SharedGradient() => ArrayCallFunctions.MarginSharedGradient(_a, _b, _da, _db);

    [Benchmark]
    public double InlinedSharedGradient() => ArrayCallFunctions.MarginSharedInlinedGradient(_a, _b, _da, _db);

    [Benchmark]
    public double GeneratedJvp() => ArrayCallFunctions.MarginJvp(_a, _b, _direction, _direction).Tangent;
}
