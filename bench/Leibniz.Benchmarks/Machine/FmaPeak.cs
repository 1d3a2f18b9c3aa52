using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Leibniz.Benchmarks.Infrastructure;

namespace Leibniz.Benchmarks.Machine;

/// <summary>
/// The float32 FMA throughput .NET code reaches on one core: 12 independent accumulator chains (enough to cover
/// the FMA latency on both pipes), nothing but fused multiply-adds. This is the measured ceiling matrix-multiply
/// GFLOP/s are judged against, next to the theoretical peak computed from the clock in BENCHMARKS.md.
/// </summary>
[Config(typeof(FmaPeakConfig))]
public class FmaPeak
{
    /// <summary>Loop trips per invocation; each trip is 12 FMAs.</summary>
    public const int Trips = 1 << 16;

    [Benchmark(Baseline = true)]
    public float Vector256Fma() => Run256(Trips);

    [Benchmark]
    public float Vector512Fma() => Avx512F.IsSupported ? Run512(Trips) : float.NaN;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static float Run256(int trips)
    {
        var m = Vector256.Create(0.9999f);
        var c = Vector256.Create(1e-4f);
        Vector256<float> a0 = Vector256.Create(1f), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0;
        Vector256<float> a6 = a0, a7 = a0, a8 = a0, a9 = a0, a10 = a0, a11 = a0;
        for (var i = 0; i < trips; i++)
        {
            a0 = Fma.MultiplyAdd(a0, m, c);
            a1 = Fma.MultiplyAdd(a1, m, c);
            a2 = Fma.MultiplyAdd(a2, m, c);
            a3 = Fma.MultiplyAdd(a3, m, c);
            a4 = Fma.MultiplyAdd(a4, m, c);
            a5 = Fma.MultiplyAdd(a5, m, c);
            a6 = Fma.MultiplyAdd(a6, m, c);
            a7 = Fma.MultiplyAdd(a7, m, c);
            a8 = Fma.MultiplyAdd(a8, m, c);
            a9 = Fma.MultiplyAdd(a9, m, c);
            a10 = Fma.MultiplyAdd(a10, m, c);
            a11 = Fma.MultiplyAdd(a11, m, c);
        }

        return Vector256.Sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static float Run512(int trips)
    {
        var m = Vector512.Create(0.9999f);
        var c = Vector512.Create(1e-4f);
        Vector512<float> a0 = Vector512.Create(1f), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0;
        Vector512<float> a6 = a0, a7 = a0, a8 = a0, a9 = a0, a10 = a0, a11 = a0;
        for (var i = 0; i < trips; i++)
        {
            a0 = Avx512F.FusedMultiplyAdd(a0, m, c);
            a1 = Avx512F.FusedMultiplyAdd(a1, m, c);
            a2 = Avx512F.FusedMultiplyAdd(a2, m, c);
            a3 = Avx512F.FusedMultiplyAdd(a3, m, c);
            a4 = Avx512F.FusedMultiplyAdd(a4, m, c);
            a5 = Avx512F.FusedMultiplyAdd(a5, m, c);
            a6 = Avx512F.FusedMultiplyAdd(a6, m, c);
            a7 = Avx512F.FusedMultiplyAdd(a7, m, c);
            a8 = Avx512F.FusedMultiplyAdd(a8, m, c);
            a9 = Avx512F.FusedMultiplyAdd(a9, m, c);
            a10 = Avx512F.FusedMultiplyAdd(a10, m, c);
            a11 = Avx512F.FusedMultiplyAdd(a11, m, c);
        }

        return Vector512.Sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11);
    }

    private sealed class FmaPeakConfig : ManualConfig
    {
        public FmaPeakConfig() => AddColumn(new RateColumn(
            "GFLOP/s", "float32 floating-point operations per second (an FMA counts as 2), from the median",
            (c, ns) => (double)Trips * 12 * 2 * (c.Descriptor.WorkloadMethod.Name == nameof(Vector512Fma) ? 16 : 8) / ns,
            "F1"));
    }
}
