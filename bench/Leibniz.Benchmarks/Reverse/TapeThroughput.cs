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

        // The recorded chain must compute what the plain one does, and its derivative what Dual computes.
        var dual = Dual.Variable(_x);
        for (var i = 0; i < Operations; i += 4)
        {
            dual = Dual.Sin(dual * 0.9 + 0.1);
            dual *= dual;
        }

        var gradient = TapeMixed();
        if (Math.Abs(gradient - dual.Tangent) > 1e-12 * Math.Max(1, Math.Abs(dual.Tangent)))
        {
            throw new InvalidOperationException($"Tape gradient {gradient:R}, Dual derivative {dual.Tangent:R}.");
        }
    }

    [BenchmarkCategory("Mixed"), Benchmark(Baseline = true)]
    public double DoubleMixed() => DoubleChain.Mixed(_x, Operations);

    [BenchmarkCategory("Mixed"), Benchmark]
    public double TapeMixed()
    {
        _tape.Clear();
        var x = _tape.Variable(_x);
        var v = x;
        for (var i = 0; i < Operations; i += 4)
        {
            v *= 0.9;
            v += 0.1;
            v = Var.Sin(v);
            v *= v;
        }

        _tape.Backward(v);
        return x.Gradient;
    }

    /// <summary>Recording alone (no backward sweep): splits the Tape row's cost into forward and backward.</summary>
    [BenchmarkCategory("Mixed"), Benchmark]
    public double TapeMixedForwardOnly()
    {
        _tape.Clear();
        var v = _tape.Variable(_x);
        for (var i = 0; i < Operations; i += 4)
        {
            v *= 0.9;
            v += 0.1;
            v = Var.Sin(v);
            v *= v;
        }

        return v.Value;
    }

    [BenchmarkCategory("Arithmetic"), Benchmark(Baseline = true)]
    public double DoubleArithmetic() => DoubleChain.Arithmetic(_x, Operations);

    [BenchmarkCategory("Arithmetic"), Benchmark]
    public double TapeArithmetic()
    {
        _tape.Clear();
        var x = _tape.Variable(_x);
        var v = x;
        for (var i = 0; i < Operations; i += 4)
        {
            v *= 0.9;
            v += 0.1;
            v *= v;
            v -= 0.05;
        }

        _tape.Backward(v);
        return x.Gradient;
    }

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new RateColumn(
            "ns/op", "median nanoseconds per operation of the chain (recorded forward + backward for the Tape rows)",
            (c, ns) => RateColumn.Parameter(c, nameof(Operations)) is { } n ? ns / n : null, "F2"));
    }
}
