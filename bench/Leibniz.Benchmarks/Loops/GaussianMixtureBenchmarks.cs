using BenchmarkDotNet.Attributes;
using Leibniz.Testing;

namespace Leibniz.Benchmarks.Loops;

/// <summary>
/// The Gaussian-mixture log-likelihood (four nested loops) at n = 100, K = 3, d = 3 and at ADBench's
/// n = 1000, K = 5, d = 10: primal (the baseline of each shape), generated gradient and generated Jvp.
/// </summary>
public class GaussianMixtureBenchmarks
{
    private double[] _alphas = [];
    private double[] _means = [];
    private double[] _icf = [];
    private double[] _points = [];
    private double[] _dAlphas = [];
    private double[] _dMeans = [];
    private double[] _dIcf = [];
    private double[] _vAlphas = [];
    private double[] _vMeans = [];
    private double[] _vIcf = [];

    [ParamsSource(nameof(Shapes))]
    public MixtureShape Shape { get; set; } = new(100, 3, 3);

    public static IEnumerable<MixtureShape> Shapes => [new(100, 3, 3), new(1000, 5, 10)];

    [GlobalSetup]
    public void CheckAgreement()
    {
        var (n, k, d, m) = (Shape.N, Shape.K, Shape.D, Shape.FactorSize);
        _alphas = Scaled(LoopChecks.Point(k, 0.2), 1.0);
        _means = Scaled(LoopChecks.Point(k * d, 0.9), 1.5);
        _icf = Scaled(LoopChecks.Point(k * m, 2.1), 0.4);
        _points = Scaled(LoopChecks.Point(n * d, 3.7), 2.0);
        (_dAlphas, _dMeans, _dIcf) = (new double[k], new double[k * d], new double[k * m]);
        (_vAlphas, _vMeans, _vIcf) = (LoopChecks.Point(k, 5.0), LoopChecks.Point(k * d, 6.0), LoopChecks.Point(k * m, 7.0));

        var value = GeneratedGradient();
        LoopChecks.Close("GMM generated value", Primal(), value, 1e-12);
        var all = _alphas.Concat(_means).Concat(_icf).ToArray();
        var gradient = _dAlphas.Concat(_dMeans).Concat(_dIcf).ToArray();
        LoopChecks.AgainstDifferences("GMM generated gradient",
            v => GaussianMixture.LogLikelihood(v.AsSpan(0, k), v.AsSpan(k, k * d), v.AsSpan(k + k * d), _points, d),
            all, gradient, LoopChecks.Spread(all.Length, 60));
        var direction = _vAlphas.Concat(_vMeans).Concat(_vIcf).ToArray();
        LoopChecks.Close("GMM generated Jvp", LoopChecks.Dot(gradient, direction), GeneratedJvp(), 1e-9);
    }

    [Benchmark(Baseline = true)]
    public double Primal() => GaussianMixture.LogLikelihood(_alphas, _means, _icf, _points, Shape.D);

    [Benchmark]
    public double GeneratedGradient() =>
        GaussianMixture.LogLikelihoodGradient(_alphas, _means, _icf, _points, Shape.D, _dAlphas, _dMeans, _dIcf);

    [Benchmark]
    public double GeneratedJvp() =>
        GaussianMixture.LogLikelihoodJvp(_alphas, _means, _icf, _points, Shape.D, _vAlphas, _vMeans, _vIcf).Tangent;

    // Centres LoopChecks.Point's values (0.1..1.1) on zero and scales them.
    private static double[] Scaled(double[] values, double scale)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = scale * (values[i] - 0.6);
        }

        return values;
    }
}
