using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Leibniz.Benchmarks.Infrastructure;

namespace Leibniz.Benchmarks.Reverse;

/// <summary>
/// Nanoseconds per recorded operation, forward (recording) plus backward (one reverse sweep), for chains of 10² to
/// 10⁶ operations, next to the plain double evaluation of the same chain (the baseline of each group). The tape is
/// grown once in setup and cleared before every recording, as a training loop uses it.
/// </summary>
[Config(typeof(Config))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class TapeThroughput
{
    private readonly Tape _tape = new();
    private double _x = 0.5;

    [Params(100, 1_000, 10_000, 100_000, 1_000_000)]
    public int Operations { get; set; }

    [GlobalSetup]
    public void GrowAndCheck()
    {
        _tape.Clear();
        _ = TapeMixed();
        _ = TapeArithmetic();
        if (_tape.Count != Operations + 1)
        {
            throw new InvalidOperationException($"Recorded {_tape.Count} values, expected {Operations} + 1 input.");
        }

        // Both chains' derivatives in closed form: a sum over the terms of c·cos(c·x + 0.1) or 2c·(c·x + 0.1).
        var (mixed, arithmetic) = (0.0, 0.0);
        var c = DoubleChain.Start;
        for (var i = 0; i < Operations; i += 4, c += DoubleChain.Step)
        {
            mixed += c * Math.Cos(c * _x + 0.1);
            arithmetic += 2 * c * (c * _x + 0.1);
        }

        Expect("mixed", TapeMixed(), mixed);
        Expect("arithmetic", TapeArithmetic(), arithmetic);
        Expect("mixed forward", TapeMixedForwardOnly(), DoubleMixed());
    }

    [BenchmarkCategory("Mixed"), Benchmark(Baseline = true)]
    public double DoubleMixed() => DoubleChain.Mixed(_x, Operations);

    [BenchmarkCategory("Mixed"), Benchmark]
    public double TapeMixed()
    {
        _tape.Clear();
        var x = _tape.Variable(_x);
        var acc = RecordMixed(x);
        _tape.Backward(acc);
        return x.Gradient;
    }

    /// <summary>Recording alone (no backward sweep): splits the Tape row's cost into forward and backward.</summary>
    [BenchmarkCategory("Mixed"), Benchmark]
    public double TapeMixedForwardOnly()
    {
        _tape.Clear();
        return RecordMixed(_tape.Variable(_x)).Value;
    }

    [BenchmarkCategory("Arithmetic"), Benchmark(Baseline = true)]
    public double DoubleArithmetic() => DoubleChain.Arithmetic(_x, Operations);

    [BenchmarkCategory("Arithmetic"), Benchmark]
    public double TapeArithmetic()
    {
        _tape.Clear();
        var x = _tape.Variable(_x);
        Var acc = 0.0;
        var c = DoubleChain.Start;
        for (var i = 0; i < Operations; i += 4, c += DoubleChain.Step)
        {
            var t = x * c;
            t += 0.1;
            t *= t;
            acc += t;
        }

        _tape.Backward(acc);
        return x.Gradient;
    }

    private Var RecordMixed(Var x)
    {
        Var acc = 0.0;
        var c = DoubleChain.Start;
        for (var i = 0; i < Operations; i += 4, c += DoubleChain.Step)
        {
            var t = x * c;
            t += 0.1;
            t = Var.Sin(t);
            acc += t;
        }

        return acc;
    }

    private static void Expect(string what, double actual, double expected)
    {
        if (!(Math.Abs(actual - expected) <= 1e-9 * Math.Max(1, Math.Abs(expected))))
        {
            throw new InvalidOperationException($"Tape {what} chain: {actual:R}, expected {expected:R}.");
        }
    }

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new RateColumn(
            "ns/op", "median nanoseconds per operation of the chain (recorded forward + backward for the Tape rows)",
            (c, ns) => RateColumn.Parameter(c, nameof(Operations)) is { } n ? ns / n : null, "F2"));
    }
}
