using Leibniz.Generator.Tests.Infrastructure;

namespace Leibniz.Generator.Tests.Snapshots;

/// <summary>Snapshots of the code generated for structs of numbers: user record structs, System.Numerics vectors and Complex.</summary>
public sealed class StructSnapshotTests
{
    [Fact]
    public void CoulombEnergyOfTwoRecordStructs() => Snapshot.Verify(GeneratorHarness.Run("""
        using System;
        using Leibniz;

        namespace Physics;

        public readonly record struct Vec3(double X, double Y, double Z);

        public static partial class Electrostatics
        {
            [Differentiable]
            public static double Coulomb(Vec3 a, Vec3 b, double q)
            {
                var d = new Vec3(a.X - b.X, a.Y - b.Y, a.Z - b.Z);
                return q / Math.Sqrt(d.X * d.X + d.Y * d.Y + d.Z * d.Z);
            }
        }
        """));

    [Fact]
    public void SpringChainOverASpanOfVector3() => Snapshot.Verify(GeneratorHarness.Run("""
        using System;
        using System.Numerics;
        using Leibniz;

        public static partial class Springs
        {
            [Differentiable]
            public static float Energy(ReadOnlySpan<Vector3> points, float stiffness, float rest)
            {
                var energy = 0f;
                for (int i = 0; i < points.Length - 1; i++)
                {
                    var stretch = Vector3.Distance(points[i], points[i + 1]) - rest;
                    energy += 0.5f * stiffness * stretch * stretch;
                }

                return energy;
            }
        }
        """));

    [Fact]
    public void ComplexPolynomial() => Snapshot.Verify(GeneratorHarness.Run("""
        using System.Numerics;
        using Leibniz;

        public static partial class Roots
        {
            [Differentiable]
            public static double SquaredModulus(Complex z, Complex c)
            {
                var p = z * z * z - c * z + 1;
                return p.Real * p.Real + p.Imaginary * p.Imaginary;
            }
        }
        """));

    [Fact]
    public void StructResult() => Snapshot.Verify(GeneratorHarness.Run("""
        using System;
        using System.Numerics;
        using Leibniz;

        public static partial class Lighting
        {
            [Differentiable]
            public static Vector3 Reflect(Vector3 incoming, Vector3 normal)
            {
                var n = Vector3.Normalize(normal);
                return incoming - 2 * Vector3.Dot(incoming, n) * n;
            }
        }
        """));

    [Fact]
    public void UserOperatorsAndDataStructs() => Snapshot.Verify(GeneratorHarness.Run("""
        using System;
        using System.Numerics;
        using Leibniz;

        public readonly record struct Vec2(double X, double Y)
        {
            public static Vec2 operator -(Vec2 a, Vec2 b) => new(a.X - b.X, a.Y - b.Y);

            public double Length => Math.Sqrt(X * X + Y * Y);
        }

        public static partial class Fields
        {
            [Differentiable]
            public static double Tether(Vec2 anchor, [NoDerivative] Vec2 post, double slack) => (anchor - post).Length - slack;

            [Differentiable]
            public static double Ratio(Complex z, Complex w) => (z / w).Imaginary;
        }
        """));
}
