using BenchmarkDotNet.Attributes;
using Leibniz.Testing;

namespace Leibniz.Benchmarks.Loops;

/// <summary>
/// What a running index costs: the Gaussian-mixture log-likelihood at ADBench's n = 1000, K = 25, d = 10, written as
/// ADBench's C++ does (buffers for x − μ and Q·(x − μ), the packed triangle walked with <c>idx++</c>), its twin with
/// computed indices, and the row-wise version of <see cref="GaussianMixtureBenchmarks"/>: primal and generated gradient
/// of each (the running index's primal is the baseline; compare each gradient with its own primal).
/// </summary>
public class IndexedMixtureBenchmarks
{
    private double[] _alphas = [];
    private double[] _means = [];
    private double[] _icf = [];
    private double[] _points = [];
    private double[] _dAlphas = [];
    private double[] _dMeans = [];
    private double[] _dIcf = [];

    [ParamsSource(nameof(Shapes))]
    public MixtureShape Shape { get; set; } = new(1000, 25, 10);

    public static IEnumerable<MixtureShape> Shapes => [new(1000, 25, 10)];

    [GlobalSetup]
    public void CheckAgreement()
    {
        var (n, k, d, m) = (Shape.N, Shape.K, Shape.D, Shape.FactorSize);
        _alphas = Scaled(LoopChecks.Point(k, 0.2), 1.0);
        _means = Scaled(LoopChecks.Point(k * d, 0.9), 1.5);
        _icf = Scaled(LoopChecks.Point(k * m, 2.1), 0.4);
        _points = Scaled(LoopChecks.Point(n * d, 3.7), 2.0);
        (_dAlphas, _dMeans, _dIcf) = (new double[k], new double[k * d], new double[k * m]);

        var value = RowWiseGradient();
        var expected = _dAlphas.Concat(_dMeans).Concat(_dIcf).ToArray();
        foreach (var (name, gradient) in new (string, Func<double>)[] { ("running index", RunningIndexGradient), ("computed index", ComputedIndexGradient) })
        {
            LoopChecks.Close("GMM " + name + " value", value, gradient(), 1e-10);
            var actual = _dAlphas.Concat(_dMeans).Concat(_dIcf).ToArray();
            for (var i = 0; i < expected.Length; i++)
            {
                LoopChecks.Close("GMM " + name + " gradient", expected[i], actual[i], 1e-9);
            }
        }
    }

    [Benchmark(Baseline = true)]
    public double RunningIndexPrimal() => IndexedMixture.RunningIndex(_alphas, _means, _icf, _points, Shape.D);

    [Benchmark]
    public double RunningIndexGradient() => IndexedMixture.RunningIndexGradient(_alphas, _means, _icf, _points, Shape.D, _dAlphas, _dMeans, _dIcf);

    [Benchmark]
    public double ComputedIndexPrimal() => IndexedMixture.ComputedIndex(_alphas, _means, _icf, _points, Shape.D);

    [Benchmark]
    public double ComputedIndexGradient() => IndexedMixture.ComputedIndexGradient(_alphas, _means, _icf, _points, Shape.D, _dAlphas, _dMeans, _dIcf);

    [Benchmark]
    public double RowWisePrimal() => GaussianMixture.LogLikelihood(_alphas, _means, _icf, _points, Shape.D);

    [Benchmark]
    public double RowWiseGradient() => GaussianMixture.LogLikelihoodGradient(_alphas, _means, _icf, _points, Shape.D, _dAlphas, _dMeans, _dIcf);

    private static double[] Scaled(double[] values, double scale)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = scale * (values[i] - 0.6);
        }

        return values;
    }
}
