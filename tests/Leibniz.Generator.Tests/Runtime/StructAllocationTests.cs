using System.Numerics;

namespace Leibniz.Generator.Tests.Runtime;

/// <summary>Generated derivatives over structs allocate nothing per call (measured after warm-up).</summary>
public sealed class StructAllocationTests
{
    private static readonly Vec3[] Chain = [new(0, 0, 0), new(1, 0.2, 0), new(1.5, 1, 0.3), new(2.4, 1.1, 0.2)];
    private static readonly Vec3[] ChainGradient = new Vec3[4];
    private static readonly Vector3[] Points = [new(0, 0, 0), new(1, 0.5f, 0), new(2, 0.5f, 1)];
    private static readonly Vector3[] PointsGradient = new Vector3[3];

    [Fact]
    public void StructGradientsVjpsAndJvpsDoNotAllocate()
    {
        Allocations.AssertNoneOnceTheJitSettles(Run, warmUp: 50_000, measured: 10_000);
    }

    private static double Run(int iterations)
    {
        var sink = 0.0;
        for (var i = 0; i < iterations; i++)
        {
            var x = 0.1 + (i % 17) * 0.05;
            var a = new Vec3(x, 0.5, -0.2);
            var b = new Vec3(-0.3, x, 1);
            sink += StructFunctions.CoulombGradient(a, b, 1.5).da.X;
            sink += StructFunctions.ForceVjp(a, b, 1.5, new Vec3(1, 0, 0)).db.Y;
            sink += StructFunctions.ForceJvp(a, b, 1.5, a, b, 1).Tangent.Z;
            sink += StructFunctions.SpringChainGradient(Chain, x, 0.5, ChainGradient, out _, out _);
            sink += StructFunctions.SpringsGradient(Points, (float)x, 0.5f, PointsGradient, out _, out _);
            sink += StructFunctions.PolynomialModulusGradient(new Complex(x, 0.3), new Complex(0.2, -x)).dz.Imaginary;
            sink += StructFunctions.ShadeGradient(new Vector3(0.1f, 1, 0.2f), new Vector3(1, 1, (float)x), Vector3.UnitY, 8).dlight.Z;
            sink += StructFunctions.TotalEnergyGradient(Chain, x, ChainGradient, out _);
        }

        return sink;
    }
}
