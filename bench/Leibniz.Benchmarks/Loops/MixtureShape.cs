namespace Leibniz.Benchmarks.Loops;

/// <summary>The size of a Gaussian-mixture problem: n points, K components, d dimensions.</summary>
public sealed record MixtureShape(int N, int K, int D)
{
    /// <summary>Parameters of the inverse Cholesky factor per component: d + d(d−1)/2.</summary>
    public int FactorSize => D + D * (D - 1) / 2;

    /// <summary>Shown in the reports' Shape column (and parsed by bench/tools/collect.py): "n1000_K5_d10".</summary>
    public override string ToString() => $"n{N}_K{K}_d{D}";
}
