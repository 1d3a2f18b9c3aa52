using BenchmarkDotNet.Attributes;
using Leibniz.Symbolic;

namespace Leibniz.Benchmarks.Symbolic;

/// <summary>
/// Model evaluations of symbolic regression on one core: 1,000 random expressions (lengths 1–30, the arithmetic set)
/// over 256 rows, (1) evaluated by the batched interpreter, (2) with their Jacobian, and (3) fitted as the search fits
/// an offspring (5 Levenberg–Marquardt steps; each value or Jacobian evaluation counts one). Divide 1,000 — or the
/// evaluations counted by <see cref="Fit"/> — by the mean time to get evaluations per second. The baseline is a
/// node-by-node scalar evaluation of the same expressions, row by row.
/// </summary>
[MemoryDiagnoser]
public class EvaluationBenchmarks
{
    private readonly List<Node[]> _trees = [];
    private readonly Interpreter _interpreter = new();
    private readonly ConstantFitter _fitter = new();
    private RegressionData _data = null!;
    private double[] _output = [];
    private double[] _jacobian = [];

    /// <summary>Evaluations the fitting benchmark spends per invocation (set in GlobalSetup).</summary>
    public static long FitEvaluations { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        const int rows = 256;
        var x = Enumerable.Range(0, rows).Select(_ => random.NextDouble() * 4 - 2).ToArray();
        var y = Enumerable.Range(0, rows).Select(_ => random.NextDouble() * 4 - 2).ToArray();
        _data = new RegressionData(["x", "y"], [x, y], [.. x.Zip(y, (a, b) => a * b + Math.Sin(a))]);
        var creator = new TreeCreator(FunctionSet.Arithmetic, 2);
        for (var i = 0; i < 1000; i++)
        {
            var rng = Rng.For(1, 0, i);
            _trees.Add(creator.Create(ref rng, 1 + (int)rng.NextInt(30)));
        }

        _output = new double[rows];
        _jacobian = new double[rows * _trees.Max(t => Tree.ParameterCount(t))];
        FitEvaluations = Fit();
        Console.WriteLine($"// Fit spends {FitEvaluations} evaluations per invocation");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 1000)]
    public double ScalarNodeByNode()
    {
        var sum = 0.0;
        var point = new double[2];
        foreach (var tree in _trees)
        {
            for (var r = 0; r < _data.Rows; r++)
            {
                point[0] = _data.Column(0)[r];
                point[1] = _data.Column(1)[r];
                sum += Tree.Evaluate(tree, point);
            }
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = 1000)]
    public double Batched()
    {
        var sum = 0.0;
        foreach (var tree in _trees)
        {
            _interpreter.Evaluate(tree, _data, 0, _output);
            sum += _output[0];
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = 1000)]
    public double BatchedWithJacobian()
    {
        var sum = 0.0;
        foreach (var tree in _trees)
        {
            _interpreter.Jacobian(tree, _data, 0, _output, _jacobian.AsSpan(0, Tree.ParameterCount(tree) * _data.Rows));
            sum += _output[0];
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = 1000)]
    public long Fit()
    {
        long evaluations = 0;
        foreach (var tree in _trees)
        {
            evaluations += _fitter.Fit((Node[])tree.Clone(), _data, 5).Evaluations;
        }

        return evaluations;
    }
}
