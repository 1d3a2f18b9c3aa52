using BenchmarkDotNet.Attributes;
using Leibniz.Benchmarks.Infrastructure;

namespace Leibniz.Benchmarks.SecondOrder;

/// <summary>
/// Building a <see cref="SparseHessian"/> pattern once (the symmetric CSR pattern, its star coloring and the recovery
/// plan): a tridiagonal one at n = 10⁴ and 10⁶, so the one-off cost before many <c>Evaluate</c> calls is on record.
/// </summary>
[Config(typeof(PerElementConfig))]
public class SparseHessianPatternBenchmarks
{
    [Params(10_000, 1_000_000)]
    public int N { get; set; }

    [Benchmark]
    public int BandedTridiagonal() => SparseHessian.Banded(N, 1).ColorCount;
}
