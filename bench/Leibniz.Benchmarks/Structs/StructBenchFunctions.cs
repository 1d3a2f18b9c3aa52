using System.Numerics;

namespace Leibniz.Benchmarks.Structs;

/// <summary>A point of a physicist's code.</summary>
public readonly record struct Vec3(double X, double Y, double Z);

/// <summary>The same spring chain over a span of Vector3 and over a flat span of floats, and a Coulomb energy on Vec3.</summary>
public static partial class StructBenchFunctions
{
    [Differentiable]
    public static float Springs(ReadOnlySpan<Vector3> points, float stiffness, float rest)
    {
        var energy = 0f;
        for (int i = 1; i < points.Length; i++)
        {
            var stretch = Vector3.Distance(points[i - 1], points[i]) - rest;
            energy += 0.5f * stiffness * stretch * stretch;
        }

        return energy;
    }

    [Differentiable]
    public static float FlatSprings(ReadOnlySpan<float> x, float stiffness, float rest)
    {
        var energy = 0f;
        for (int i = 1; i < x.Length / 3; i++)
        {
            var dx = x[3 * i] - x[3 * i - 3];
            var dy = x[3 * i + 1] - x[3 * i - 2];
            var dz = x[3 * i + 2] - x[3 * i - 1];
            var stretch = MathF.Sqrt(dx * dx + dy * dy + dz * dz) - rest;
            energy += 0.5f * stiffness * stretch * stretch;
        }

        return energy;
    }

    [Differentiable]
    public static double Coulomb(Vec3 a, Vec3 b, double q)
    {
        var d = new Vec3(a.X - b.X, a.Y - b.Y, a.Z - b.Z);
        return q / Math.Sqrt(d.X * d.X + d.Y * d.Y + d.Z * d.Z);
    }
}
