using System.Numerics;

namespace Leibniz.Generator.Tests.Runtime;

/// <summary>A point in space, as a physicist declares it.</summary>
public readonly record struct Vec3(double X, double Y, double Z);

/// <summary>A mutable struct with public fields and a constructor of assignments, the older C# style.</summary>
public struct Particle
{
    public double X;
    public double Y;

    public Particle(double x, double y)
    {
        X = x;
        Y = y;
    }
}

/// <summary>A 2-D vector with its own operators and members, which the generator inlines.</summary>
public readonly record struct Planar(double X, double Y)
{
    public double Length => Math.Sqrt(X * X + Y * Y);

    public static Planar operator +(Planar a, Planar b) => new(a.X + b.X, a.Y + b.Y);

    public static Planar operator -(Planar a, Planar b) => new(a.X - b.X, a.Y - b.Y);

    public static Planar operator *(double s, Planar v) => new(s * v.X, s * v.Y);

    public double Dot(Planar other) => X * other.X + Y * other.Y;

    public Planar Rotated(double angle)
    {
        var sin = Math.Sin(angle);
        var cos = Math.Cos(angle);
        return new Planar(cos * X - sin * Y, sin * X + cos * Y);
    }
}

/// <summary>[Differentiable] methods over structs of numbers, written the way their users write them.</summary>
public static partial class StructFunctions
{
    /// <summary>The Coulomb energy of two charges q at a and b.</summary>
    [Differentiable]
    public static double Coulomb(Vec3 a, Vec3 b, double q)
    {
        var d = new Vec3(a.X - b.X, a.Y - b.Y, a.Z - b.Z);
        return q / Math.Sqrt(d.X * d.X + d.Y * d.Y + d.Z * d.Z);
    }

    /// <summary>The Coulomb force on a (a struct result).</summary>
    [Differentiable]
    public static Vec3 Force(Vec3 a, Vec3 b, double q)
    {
        var d = new Vec3(a.X - b.X, a.Y - b.Y, a.Z - b.Z);
        var r2 = d.X * d.X + d.Y * d.Y + d.Z * d.Z;
        var s = q / (r2 * Math.Sqrt(r2));
        return d with { X = s * d.X, Y = s * d.Y, Z = s * d.Z };
    }

    /// <summary>A chain of springs between consecutive points.</summary>
    [Differentiable]
    public static double SpringChain(ReadOnlySpan<Vec3> points, double stiffness, double rest)
    {
        var energy = 0.0;
        for (int i = 0; i < points.Length - 1; i++)
        {
            var a = points[i];
            var b = points[i + 1];
            var dx = b.X - a.X;
            var dy = b.Y - a.Y;
            var dz = b.Z - a.Z;
            var stretch = Math.Sqrt(dx * dx + dy * dy + dz * dz) - rest;
            energy += 0.5 * stiffness * stretch * stretch;
        }

        return energy;
    }

    /// <summary>The same chain on System.Numerics.Vector3.</summary>
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

    /// <summary>How far points spread around their centroid: a struct accumulated in a loop.</summary>
    [Differentiable]
    public static float Spread(ReadOnlySpan<Vector3> points)
    {
        var centroid = Vector3.Zero;
        foreach (var p in points)
        {
            centroid += p;
        }

        centroid /= points.Length;
        var spread = 0f;
        foreach (var p in points)
        {
            spread += Vector3.DistanceSquared(p, centroid);
        }

        return spread;
    }

    /// <summary>|p(z)|² of the polynomial p(z) = z³ − cz + 1.</summary>
    [Differentiable]
    public static double PolynomialModulus(Complex z, Complex c)
    {
        var p = z * z * z - c * z + 1;
        return Complex.Abs(p) * p.Magnitude;
    }

    /// <summary>The functions and operators of Complex together.</summary>
    [Differentiable]
    public static double ComplexMix(Complex z, double t)
    {
        var w = Complex.Exp(z * t) / (z + Complex.One) + Complex.Conjugate(z) * Complex.ImaginaryOne - 2.0 / z;
        var v = Complex.Sin(z) * Complex.Cosh(z) + Complex.Pow(z, 1.5) - Complex.FromPolarCoordinates(t, z.Phase);
        return w.Real + 0.5 * w.Imaginary + Complex.Log(z).Imaginary + Complex.Sqrt(z).Real + v.Real * v.Imaginary;
    }

    /// <summary>A Blinn–Phong lighting term.</summary>
    [Differentiable]
    public static float Shade(Vector3 normal, Vector3 light, Vector3 view, float shininess)
    {
        var n = Vector3.Normalize(normal);
        var l = Vector3.Normalize(light);
        var h = Vector3.Normalize(l + Vector3.Normalize(view));
        var diffuse = MathF.Max(Vector3.Dot(n, l), 0f);
        var specular = MathF.Pow(MathF.Max(Vector3.Dot(n, h), 0f), shininess);
        return diffuse + 0.5f * specular;
    }

    /// <summary>A torque with a blended force (a Vector3 result).</summary>
    [Differentiable]
    public static Vector3 Torque(Vector3 r, Vector3 f, float t) => Vector3.Cross(r, Vector3.Lerp(f, -f, t)) + new Vector3(t, 0, 1) * r.Length();

    /// <summary>Branches, field assignments, an object initializer and ?: on a mutable struct.</summary>
    [Differentiable]
    public static double Bounce(Particle p, double floor)
    {
        var q = new Particle { X = p.X, Y = p.Y };
        if (q.Y < floor)
        {
            q.Y = 2 * floor - q.Y;
        }

        var r = q.X > 0 ? q : new Particle(-q.X, q.Y);
        r.X *= 1.5;
        r.Y++;
        return r.X * r.Y + Math.Sin(r.Y);
    }

    /// <summary>The potential of charges at fixed sites, at a probe: a span gradient next to an out Vec3.</summary>
    [Differentiable]
    public static double Potential(ReadOnlySpan<double> charges, [NoDerivative] ReadOnlySpan<Vec3> sites, Vec3 probe)
    {
        var v = 0.0;
        for (int i = 0; i < charges.Length; i++)
        {
            var d = new Vec3(probe.X - sites[i].X, probe.Y - sites[i].Y, probe.Z - sites[i].Z);
            v += charges[i] / Math.Sqrt(1e-3 + d.X * d.X + d.Y * d.Y + d.Z * d.Z);
        }

        return v;
    }

    /// <summary>Velocity Verlet steps of a particle in a spring: a struct carried through a loop, the final position returned.</summary>
    [Differentiable]
    public static Vector2 Verlet(Vector2 position, Vector2 velocity, float k, int steps)
    {
        var x = position;
        var v = velocity;
        for (int s = 0; s < steps; s++)
        {
            var a = -k * x;
            x += 0.1f * v + 0.005f * a;
            v += 0.05f * (a - k * x);
        }

        return x;
    }

    /// <summary>A two-link arm's reach error: user operators, methods and a computed property of <see cref="Planar"/>.</summary>
    [Differentiable]
    public static double ArmError(Planar target, double shoulder, double elbow)
    {
        var upper = new Planar(1, 0).Rotated(shoulder);
        var hand = upper + 0.8 * upper.Rotated(elbow);
        var miss = hand - target;
        return miss.Dot(miss) + 0.1 * (hand.Length - target.Length);
    }

    /// <summary>The Coulomb energy of all pairs: a [Differentiable] method over structs called in a triangular loop.</summary>
    [Differentiable]
    public static double TotalEnergy(ReadOnlySpan<Vec3> points, double q)
    {
        var energy = 0.0;
        for (int i = 0; i < points.Length; i++)
        {
            for (int j = i + 1; j < points.Length; j++)
            {
                energy += Coulomb(points[i], points[j], q);
            }
        }

        return energy;
    }

    /// <summary>The weighted centroid of points: a struct result of a span method.</summary>
    [Differentiable]
    public static Vector3 Centroid(ReadOnlySpan<Vector3> points, float sharpness)
    {
        var sum = Vector3.Zero;
        var total = 0f;
        foreach (var p in points)
        {
            var weight = MathF.Exp(-sharpness * p.LengthSquared());
            sum += weight * p;
            total += weight;
        }

        return sum / total;
    }
}
