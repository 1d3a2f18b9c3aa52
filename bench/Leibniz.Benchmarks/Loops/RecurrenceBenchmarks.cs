using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Leibniz.Benchmarks.Infrastructure;

namespace Leibniz.Benchmarks.Loops;

/// <summary>
/// A loop whose reverse pass needs the carried-value tape: y ← r·sin(y) + x/2 for k steps (from y = x). At k = 100
/// the generated gradient keeps its 100 doubles in stackalloc'd memory (limit 256 values); at k = 10,000 it rents
/// 80 KB from ArrayPool&lt;double&gt;.Shared. Rows: the primal (baseline), the generated gradient and Jvp, a
/// hand-written reverse pass storing the ys in a preallocated buffer, and two Dual passes (forward mode, one per
/// input). Both r make the map a contraction, so the adjoint shrinks geometrically (×|r·cos y*| per step) and
/// underflows after some 500–800 steps: with r = 0.3 it reaches exactly 0; with r = 0.8 the generated code's order
/// (r·ȳ)·cos y rounds the smallest subnormal back to itself, so every later step computes with subnormals.
/// </summary>
[Config(typeof(Config))]
public class RecurrenceBenchmarks
{
    // The x/2 (rather than issue 7's bare x) is deliberate: with y ← r·sin(y) + x the generated ∂/∂x is wrong (it
    // accumulates the adjoint after the carried adjoint's update; see BENCHMARKS.md), and no row times a wrong answer.
    private const double X = 0.7;
    private double[] _ys = [];

    [Params(0.3, 0.8)]
    public double R { get; set; }

    [Params(100, 10_000)]
    public int Steps { get; set; }

    [GlobalSetup]
    public void CheckAgreement()
    {
        _ys = new double[Steps];
        var dualX = DualRecurrence(new Dual(X, 1), new Dual(R, 0), Steps);
        var dualR = DualRecurrence(new Dual(X, 0), new Dual(R, 1), Steps);
        var generated = LoopFunctions.RecurrenceGradient(X, R, Steps);
        var hand = HandWrittenLoops.RecurrenceGradient(X, R, Steps, _ys);
        LoopChecks.Close("Recurrence primal", dualX.Value, Primal(), 1e-14);
        LoopChecks.Close("Recurrence generated", [dualX.Value, dualX.Tangent, dualR.Tangent],
            [generated.Value, generated.dx, generated.dr]);
        LoopChecks.Close("Recurrence hand-written", [dualX.Value, dualX.Tangent, dualR.Tangent],
            [hand.Value, hand.dx, hand.dr]);
        LoopChecks.Close("Recurrence generated Jvp", 0.3 * dualX.Tangent - 0.4 * dualR.Tangent,
            LoopFunctions.RecurrenceJvp(X, R, Steps, 0.3, -0.4).Tangent);
        LoopChecks.Close("Recurrence Dual pair", dualX.Tangent + dualR.Tangent, DualGradient());
    }

    [Benchmark(Baseline = true)]
    public double Primal() => LoopFunctions.Recurrence(X, R, Steps);

    [Benchmark]
    public (double, double, double) GeneratedGradient() => LoopFunctions.RecurrenceGradient(X, R, Steps);

    [Benchmark]
    public double GeneratedJvp() => LoopFunctions.RecurrenceJvp(X, R, Steps, 0.3, -0.4).Tangent;

    [Benchmark]
    public (double, double, double) HandWrittenGradient() => HandWrittenLoops.RecurrenceGradient(X, R, Steps, _ys);

    /// <summary>Forward mode, one Dual pass per input; returns the sum of both partials.</summary>
    [Benchmark]
    public double DualGradient() =>
        DualRecurrence(new Dual(X, 1), new Dual(R, 0), Steps).Tangent
        + DualRecurrence(new Dual(X, 0), new Dual(R, 1), Steps).Tangent;

    private static Dual DualRecurrence(Dual x, Dual r, int steps)
    {
        var y = x;
        for (var k = 0; k < steps; k++)
        {
            y = r * Dual.Sin(y) + 0.5 * x;
        }

        return y;
    }

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new RateColumn(
            "ns/step", "median nanoseconds per step of the recurrence",
            (c, ns) => RateColumn.Parameter(c, nameof(Steps)) is { } k ? ns / k : null, "F2"));
    }
}
