using System.Numerics;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;

namespace Leibniz.Benchmarks.Structs;

/// <summary>
/// A spring chain of 1,000 points over <c>ReadOnlySpan&lt;Vector3&gt;</c> against the same chain over a flat
/// <c>ReadOnlySpan&lt;float&gt;</c>: the primal of the Vector3 form is the baseline; the struct gradient should cost
/// what the flat one does (the generator reads a span of structs through a flat span of its fields). And the Coulomb
/// energy of two <c>Vec3</c> record structs: gradient against primal.
/// </summary>
public class StructBenchmarks
{
    private readonly Vector3[] _points = new Vector3[1000];
    private readonly Vector3[] _gradient = new Vector3[1000];
    private readonly float[] _flatGradient = new float[3000];
    private Vec3 _a = new(0.1, 0.2, 0.3);
    private Vec3 _b = new(1, -1, 0.5);
    private double _q = 1.5;

    [GlobalSetup]
    public void CheckAgreement()
    {
        for (var i = 0; i < _points.Length; i++)
        {
            _points[i] = new Vector3(i * 0.9f, MathF.Sin(i), MathF.Cos(0.5f * i));
        }

        var value = StructBenchFunctions.SpringsGradient(_points, 2f, 1f, _gradient, out _, out _);
        var flat = StructBenchFunctions.FlatSpringsGradient(MemoryMarshal.Cast<Vector3, float>(_points), 2f, 1f, _flatGradient, out _, out _);
        if (MathF.Abs(value - flat) > 1e-3f * MathF.Abs(flat) || MathF.Abs(value - StructBenchFunctions.Springs(_points, 2f, 1f)) > 1e-3f * MathF.Abs(value))
        {
            throw new InvalidOperationException($"The struct and flat spring chains disagree: {value} and {flat}.");
        }

        var fields = MemoryMarshal.Cast<Vector3, float>(_gradient);
        for (var i = 0; i < fields.Length; i++)
        {
            if (MathF.Abs(fields[i] - _flatGradient[i]) > 1e-3f * (1 + MathF.Abs(_flatGradient[i])))
            {
                throw new InvalidOperationException($"The struct and flat gradients disagree at {i}: {fields[i]} and {_flatGradient[i]}.");
            }
        }
    }

    [Benchmark(Baseline = true)]
    public float Primal() => StructBenchFunctions.Springs(_points, 2f, 1f);

    [Benchmark]
    public float StructGradient() => StructBenchFunctions.SpringsGradient(_points, 2f, 1f, _gradient, out _, out _);

    [Benchmark]
    public float FlatGradient() => StructBenchFunctions.FlatSpringsGradient(MemoryMarshal.Cast<Vector3, float>(_points), 2f, 1f, _flatGradient, out _, out _);

    [Benchmark]
    public double CoulombPrimal() => StructBenchFunctions.Coulomb(_a, _b, _q);

    [Benchmark]
    public double CoulombGradient()
    {
        var (value, da, db, dq) = StructBenchFunctions.CoulombGradient(_a, _b, _q);
        return value + da.X + db.Y + dq;
    }
}
