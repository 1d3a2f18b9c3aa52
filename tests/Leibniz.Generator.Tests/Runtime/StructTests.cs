using System.Numerics;
using CsCheck;
using static Leibniz.Generator.Tests.Runtime.Numeric;

namespace Leibniz.Generator.Tests.Runtime;

/// <summary>
/// Gradients, vector-Jacobian products and Jvps of methods over structs of numbers (<see cref="StructFunctions"/>),
/// against the same functions written on <see cref="Dual"/> over the flattened fields, and against central differences.
/// </summary>
public sealed class StructTests
{
    private static readonly Gen<double[]> Points = Gen.Double[-2, 2].Array[9];

    [Fact]
    public void CoulombEnergyMatchesDualAndCentralDifferences() =>
        Points.Where(x => Distance(x, 0, 3) > 0.3).Sample(x =>
        {
            var (a, b, q) = (Vec(x, 0), Vec(x, 3), x[6]);
            var (value, da, db, dq) = StructFunctions.CoulombGradient(a, b, q);
            Close(StructFunctions.Coulomb(a, b, q), value, 1e-15);
            Check(x[..7], v => DualCoulomb(v), [.. Fields(da), .. Fields(db), dq], 1e-12,
                d => StructFunctions.CoulombJvp(a, b, q, Vec(d, 0), Vec(d, 3), d[6]));
        }, iter: 200);

    [Fact]
    public void CoulombForceVjpAndJvpMatchDual() =>
        Points.Where(x => Distance(x, 0, 3) > 0.3).Sample(x =>
        {
            var (a, b, q) = (Vec(x, 0), Vec(x, 3), x[6]);
            var seed = new Vec3(0.3, -1.1, 0.7);
            var (value, da, db, dq) = StructFunctions.ForceVjp(a, b, q, seed);
            Assert.Equal(StructFunctions.Force(a, b, q), value);
            Check(x[..7], v => Weighted(DualForce(v), [.. Fields(seed)]), [.. Fields(da), .. Fields(db), dq], 1e-12, null);
            var direction = Direction(7);
            var (jvpValue, tangent) = StructFunctions.ForceJvp(a, b, q, Vec(direction, 0), Vec(direction, 3), direction[6]);
            Assert.Equal(value, jvpValue);
            var expected = DualForce(Seeded(x[..7], direction));
            Close(expected[0].Tangent, tangent.X, 1e-12);
            Close(expected[1].Tangent, tangent.Y, 1e-12);
            Close(expected[2].Tangent, tangent.Z, 1e-12);
        }, iter: 200);

    [Fact]
    public void SpringChainOverASpanOfRecordStructsMatchesDual() =>
        Gen.Double[-2, 2].Array[3, 24].Where(x => x.Length % 3 == 0 && Separated(x)).Select(Gen.Double[0.1, 2], Gen.Double[0, 1]).Sample((x, k, rest) =>
        {
            var points = Enumerable.Range(0, x.Length / 3).Select(i => Vec(x, 3 * i)).ToArray();
            var dpoints = new Vec3[points.Length];
            var value = StructFunctions.SpringChainGradient(points, k, rest, dpoints, out var dk, out var drest);
            Close(StructFunctions.SpringChain(points, k, rest), value, 1e-14);
            Check([.. x, k, rest], v => DualSpringChain(v[..^2], v[^2], v[^1]), [.. dpoints.SelectMany(Fields), dk, drest], 1e-11,
                d => StructFunctions.SpringChainJvp(points, k, rest, Enumerable.Range(0, points.Length).Select(i => Vec(d, 3 * i)).ToArray(), d[^2], d[^1]));
        }, iter: 200);

    [Fact]
    public void Vector3SpringsAndSpreadMatchDualInFloat() =>
        Gen.Float[-2, 2].Array[3, 24].Where(x => x.Length % 3 == 0 && Separated(x.Select(f => (double)f).ToArray())).Sample(x =>
        {
            var points = Enumerable.Range(0, x.Length / 3).Select(i => new Vector3(x[3 * i], x[3 * i + 1], x[3 * i + 2])).ToArray();
            var flat = x.Select(f => (double)f).ToArray();
            var dpoints = new Vector3[points.Length];
            var value = StructFunctions.SpringsGradient(points, 1.5f, 0.5f, dpoints, out var dk, out var drest);
            Close(StructFunctions.Springs(points, 1.5f, 0.5f), value, 1e-5);
            Check([.. flat, 1.5, 0.5], v => DualSprings(v[..^2], v[^2], v[^1]), [.. dpoints.SelectMany(Fields), dk, drest], 2e-3,
                d => StructFunctions.SpringsJvp(points, 1.5f, 0.5f, Vectors(d[..^2]), (float)d[^2], (float)d[^1]));

            var dspread = new Vector3[points.Length];
            var spread = StructFunctions.SpreadGradient(points, dspread);
            Close(StructFunctions.Spread(points), spread, 1e-5);
            Check(flat, DualSpread, [.. dspread.SelectMany(Fields)], 2e-3, d => StructFunctions.SpreadJvp(points, Vectors(d)));
        }, iter: 100);

    [Fact]
    public void ComplexPolynomialAndFunctionsMatchDualAndCentralDifferences() =>
        // Away from z = 0, z = −1 (poles of the mix) and the branch cut of Log, Sqrt and Phase on the negative real axis.
        Gen.Double[-1.5, 1.5].Array[5].Where(x => Math.Abs(x[0]) + Math.Abs(x[1]) > 0.2 && Math.Abs(x[0] + 1) + Math.Abs(x[1]) > 0.2 && (x[0] > 0.1 || Math.Abs(x[1]) > 0.2)).Sample(x =>
        {
            var (z, c) = (new Complex(x[0], x[1]), new Complex(x[2], x[3]));
            var (value, dz, dc) = StructFunctions.PolynomialModulusGradient(z, c);
            Close(StructFunctions.PolynomialModulus(z, c), value, 1e-14);
            Check(x[..4], DualPolynomialModulus, [dz.Real, dz.Imaginary, dc.Real, dc.Imaginary], 1e-11,
                d => StructFunctions.PolynomialModulusJvp(z, c, new Complex(d[0], d[1]), new Complex(d[2], d[3])));

            var t = 0.5 + 0.25 * x[4];
            var mix = StructFunctions.ComplexMixGradient(z, t);
            Close(StructFunctions.ComplexMix(z, t), mix.Value, 1e-12);
            Check([x[0], x[1], t], DualComplexMix, [mix.dz.Real, mix.dz.Imaginary, mix.dt], 1e-10,
                d => StructFunctions.ComplexMixJvp(z, t, new Complex(d[0], d[1]), d[2]));
        }, iter: 200);

    [Fact]
    public void ShadingTermMatchesDualInFloat() =>
        Gen.Float[-1, 1].Array[9].Where(x => Norm(x, 0) > 0.3 && Norm(x, 3) > 0.3 && Norm(x, 6) > 0.3 && AwayFromKinks(x)).Sample(x =>
        {
            var (normal, light, view) = (new Vector3(x[0], x[1], x[2]), new Vector3(x[3], x[4], x[5]), new Vector3(x[6], x[7], x[8]));
            var (value, dnormal, dlight, dview, dshininess) = StructFunctions.ShadeGradient(normal, light, view, 8f);
            Close(StructFunctions.Shade(normal, light, view, 8f), value, 1e-5);
            Check([.. x.Select(f => (double)f), 8], DualShade, [.. Fields(dnormal), .. Fields(dlight), .. Fields(dview), dshininess], 5e-3,
                d => StructFunctions.ShadeJvp(normal, light, view, 8f, Vectors(d[..3])[0], Vectors(d[3..6])[0], Vectors(d[6..9])[0], (float)d[9]));
        }, iter: 200);

    [Fact]
    public void Vector3ResultsMatchDual() =>
        // r.Length() has no derivative at r = 0 (as in JAX, the gradient there is NaN).
        Gen.Float[-1, 1].Array[7].Where(x => Norm(x, 0) > 0.1).Sample(x =>
        {
            var (r, f, t) = (new Vector3(x[0], x[1], x[2]), new Vector3(x[3], x[4], x[5]), x[6]);
            var seed = new Vector3(0.5f, -1f, 2f);
            var (value, dr, df, dt) = StructFunctions.TorqueVjp(r, f, t, seed);
            // System.Numerics computes with SIMD instructions, which may round the last bit differently.
            CloseFields(StructFunctions.Torque(r, f, t), value, 1e-6);
            var point = x.Select(v => (double)v).ToArray();
            Check(point, v => Weighted(DualTorque(v), [0.5, -1, 2]), [.. Fields(dr), .. Fields(df), dt], 2e-4, null);
            var direction = Direction(7);
            var (_, tangent) = StructFunctions.TorqueJvp(r, f, t, Vectors(direction[..3])[0], Vectors(direction[3..6])[0], (float)direction[6]);
            var expected = DualTorque(Seeded(point, direction));
            Assert.All(new[] { (expected[0], tangent.X), (expected[1], tangent.Y), (expected[2], tangent.Z) }, e => Close(e.Item1.Tangent, e.Item2, 2e-4));
        }, iter: 200);

    [Fact]
    public void StructCarriedThroughALoopMatchesDual() =>
        Gen.Float[-1, 1].Array[5].Select(Gen.Int[0, 30]).Sample((x, steps) =>
        {
            var (position, velocity, k) = (new Vector2(x[0], x[1]), new Vector2(x[2], x[3]), 1 + x[4]);
            var seed = new Vector2(1f, -0.5f);
            var (value, dposition, dvelocity, dk) = StructFunctions.VerletVjp(position, velocity, k, steps, seed);
            var expectedValue = StructFunctions.Verlet(position, velocity, k, steps);
            CloseFields(new Vector3(expectedValue, 0), new Vector3(value, 0), 1e-5);
            var point = new double[] { x[0], x[1], x[2], x[3], k };
            Check(point, v => Weighted(DualVerlet(v, steps), [1, -0.5]), [dposition.X, dposition.Y, dvelocity.X, dvelocity.Y, dk], 2e-3, null);
        }, iter: 100);

    [Fact]
    public void MutableStructWithBranchesMatchesDualAndCentralDifferences() =>
        Gen.Double[-2, 2].Array[3].Where(x => Math.Abs(x[0]) > 0.05 && Math.Abs(x[1] - x[2]) > 0.05).Sample(x =>
        {
            var p = new Particle(x[0], x[1]);
            var (value, dp, dfloor) = StructFunctions.BounceGradient(p, x[2]);
            Close(StructFunctions.Bounce(p, x[2]), value, 1e-15);
            Check(x, DualBounce, [dp.X, dp.Y, dfloor], 1e-12, d => StructFunctions.BounceJvp(p, x[2], new Particle(d[0], d[1]), d[2]));
        }, iter: 200);

    [Fact]
    public void SpanGradientNextToAnOutStructMatchesDual() =>
        Gen.Double[-2, 2].Array[4, 20].Where(x => x.Length % 4 == 0).Select(Gen.Double[-1, 1].Array[3]).Sample((x, probe) =>
        {
            var n = x.Length / 4;
            var charges = x[..n];
            var sites = Enumerable.Range(0, n).Select(i => Vec(x, n + 3 * i)).ToArray();
            var at = Vec(probe, 0);
            var dcharges = new double[n];
            var value = StructFunctions.PotentialGradient(charges, sites, at, dcharges, out var dprobe);
            Close(StructFunctions.Potential(charges, sites, at), value, 1e-14);
            Check([.. charges, .. probe], v => DualPotential(v[..n], sites, v[n..]), [.. dcharges, .. Fields(dprobe)], 1e-11,
                d => StructFunctions.PotentialJvp(charges, sites, at, d[..n], Vec(d, n)));
        }, iter: 200);

    [Fact]
    public void InlinedUserOperatorsAndMembersMatchDualAndCentralDifferences() =>
        Gen.Double[-2, 2].Array[4].Where(x => Math.Abs(x[0]) + Math.Abs(x[1]) > 0.1).Sample(x =>
        {
            var target = new Planar(x[0], x[1]);
            var (value, dtarget, dshoulder, delbow) = StructFunctions.ArmErrorGradient(target, x[2], x[3]);
            Close(StructFunctions.ArmError(target, x[2], x[3]), value, 1e-14);
            Check(x, DualArmError, [dtarget.X, dtarget.Y, dshoulder, delbow], 1e-12,
                d => StructFunctions.ArmErrorJvp(target, x[2], x[3], new Planar(d[0], d[1]), d[2], d[3]));
        }, iter: 200);

    [Fact]
    public void DifferentiableCalleeOverStructsInATriangularLoopMatchesDual() =>
        Gen.Double[-2, 2].Array[6, 18].Where(x => x.Length % 3 == 0 && Enumerable.Range(0, x.Length / 3).All(i => Enumerable.Range(0, i).All(j => Distance(x, 3 * i, 3 * j) > 0.3)))
            .Select(Gen.Double[0.5, 2]).Sample((x, q) =>
        {
            var points = Enumerable.Range(0, x.Length / 3).Select(i => Vec(x, 3 * i)).ToArray();
            var dpoints = new Vec3[points.Length];
            var value = StructFunctions.TotalEnergyGradient(points, q, dpoints, out var dq);
            Close(StructFunctions.TotalEnergy(points, q), value, 1e-13);
            Check([.. x, q], v => DualTotalEnergy(v[..^1], v[^1]), [.. dpoints.SelectMany(Fields), dq], 1e-8,
                d => StructFunctions.TotalEnergyJvp(points, q, Enumerable.Range(0, points.Length).Select(i => Vec(d, 3 * i)).ToArray(), d[^1]));
        }, iter: 100);

    [Fact]
    public void StructResultOfASpanMethodMatchesDual() =>
        Gen.Float[-1, 1].Array[3, 15].Where(x => x.Length % 3 == 0).Select(Gen.Float[0.1f, 1]).Sample((x, sharpness) =>
        {
            var points = Vectors(x.Select(f => (double)f).ToArray());
            var seed = new Vector3(0.5f, -1f, 2f);
            var dpoints = new Vector3[points.Length];
            var value = StructFunctions.CentroidVjp(points, sharpness, seed, dpoints, out var dsharpness);
            CloseFields(StructFunctions.Centroid(points, sharpness), value, 1e-5);
            double[] point = [.. x.Select(f => (double)f), sharpness];
            Check(point, v => Weighted(DualCentroid(v[..^1], v[^1]), [0.5, -1, 2]), [.. dpoints.SelectMany(Fields), dsharpness], 2e-4, null);
            var direction = Direction(point.Length);
            var (_, tangent) = StructFunctions.CentroidJvp(points, sharpness, Vectors(direction[..^1]), (float)direction[^1]);
            var expected = DualCentroid(Seeded(point, direction)[..^1], Seeded(point, direction)[^1]);
            Close(expected[0].Tangent, tangent.X, 2e-4);
            Close(expected[1].Tangent, tangent.Y, 2e-4);
            Close(expected[2].Tangent, tangent.Z, 2e-4);
        }, iter: 100);

    /// <summary>
    /// The gradient against Dual (one sweep per parameter) and central differences of the Dual reference's value;
    /// the Jvp (when given) against Dual in a fixed direction.
    /// </summary>
    private static void Check(double[] point, Func<Dual[], Dual> reference, double[] gradient, double tolerance, Func<double[], (double Value, double Tangent)>? jvp)
    {
        Assert.Equal(point.Length, gradient.Length);
        var numeric = CentralGradient(v => reference(v.Select(c => new Dual(c, 0)).ToArray()).Value, point);
        for (var i = 0; i < point.Length; i++)
        {
            var unit = point.Select((_, j) => i == j ? 1.0 : 0.0).ToArray();
            Close(reference(Seeded(point, unit)).Tangent, gradient[i], tolerance);

            // Fourth-order differences with steps of 10⁻³ are good to about 10⁻⁵ on these steep functions (1/r at small r).
            Close(numeric[i], gradient[i], Math.Max(tolerance, 1e-4));
        }

        if (jvp is null)
        {
            return;
        }

        var direction = Direction(point.Length);
        var (value, tangent) = jvp(direction);
        var expected = reference(Seeded(point, direction));
        Close(expected.Value, value, tolerance);
        Close(expected.Tangent, tangent, tolerance);
    }

    private static void CloseFields(Vector3 expected, Vector3 actual, double tolerance)
    {
        Close(expected.X, actual.X, tolerance);
        Close(expected.Y, actual.Y, tolerance);
        Close(expected.Z, actual.Z, tolerance);
    }

    private static double[] Direction(int length) => Enumerable.Range(0, length).Select(i => Math.Sin(1.7 * i + 0.3)).ToArray();

    private static Dual[] Seeded(double[] point, double[] direction) => point.Select((v, i) => new Dual(v, direction[i])).ToArray();

    private static Dual Weighted(Dual[] fields, double[] seed) => fields.Select((f, j) => seed[j] * f).Aggregate((a, b) => a + b);

    private static Vec3 Vec(double[] x, int at) => new(x[at], x[at + 1], x[at + 2]);

    private static Vector3[] Vectors(double[] x) => Enumerable.Range(0, x.Length / 3).Select(i => new Vector3((float)x[3 * i], (float)x[3 * i + 1], (float)x[3 * i + 2])).ToArray();

    private static double[] Fields(Vec3 v) => [v.X, v.Y, v.Z];

    private static double[] Fields(Vector3 v) => [v.X, v.Y, v.Z];

    private static double Distance(double[] x, int a, int b) => Math.Sqrt(Enumerable.Range(0, 3).Sum(j => (x[a + j] - x[b + j]) * (x[a + j] - x[b + j])));

    /// <summary>Consecutive points at least 0.1 apart (a spring's length is not differentiable at 0).</summary>
    private static bool Separated(double[] x) => Enumerable.Range(0, x.Length / 3 - 1).All(i => Distance(x, 3 * i, 3 * i + 3) > 0.1);

    /// <summary>The shading's max(·, 0) away from its kink: n·l and n·h not near 0.</summary>
    private static bool AwayFromKinks(float[] x)
    {
        var (n, l, v) = (Vector3.Normalize(new(x[0], x[1], x[2])), Vector3.Normalize(new(x[3], x[4], x[5])), Vector3.Normalize(new(x[6], x[7], x[8])));
        return MathF.Abs(Vector3.Dot(n, l)) > 0.05f && MathF.Abs(Vector3.Dot(n, Vector3.Normalize(l + v))) > 0.05f && (l + v).Length() > 0.3f;
    }

    private static float Norm(float[] x, int at) => MathF.Sqrt(x[at] * x[at] + x[at + 1] * x[at + 1] + x[at + 2] * x[at + 2]);

    private static Dual DualCoulomb(Dual[] v)
    {
        var (dx, dy, dz) = (v[0] - v[3], v[1] - v[4], v[2] - v[5]);
        return v[6] / Dual.Sqrt(dx * dx + dy * dy + dz * dz);
    }

    private static Dual[] DualForce(Dual[] v)
    {
        var d = new[] { v[0] - v[3], v[1] - v[4], v[2] - v[5] };
        var r2 = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
        var s = v[6] / (r2 * Dual.Sqrt(r2));
        return [s * d[0], s * d[1], s * d[2]];
    }

    private static Dual DualSpringChain(Dual[] x, Dual k, Dual rest)
    {
        Dual energy = 0;
        for (var i = 0; i + 1 < x.Length / 3; i++)
        {
            var (dx, dy, dz) = (x[3 * i + 3] - x[3 * i], x[3 * i + 4] - x[3 * i + 1], x[3 * i + 5] - x[3 * i + 2]);
            var stretch = Dual.Sqrt(dx * dx + dy * dy + dz * dz) - rest;
            energy += 0.5 * k * stretch * stretch;
        }

        return energy;
    }

    private static Dual DualSprings(Dual[] x, Dual k, Dual rest) => DualSpringChain(x, k, rest);

    private static Dual DualSpread(Dual[] x)
    {
        var n = x.Length / 3;
        var centroid = Enumerable.Range(0, 3).Select(j => Enumerable.Range(0, n).Select(i => x[3 * i + j]).Aggregate((a, b) => a + b) / n).ToArray();
        Dual spread = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                spread += (x[3 * i + j] - centroid[j]) * (x[3 * i + j] - centroid[j]);
            }
        }

        return spread;
    }

    /// <summary>Complex arithmetic on pairs of Duals.</summary>
    private readonly record struct DualComplex(Dual Re, Dual Im)
    {
        public static DualComplex operator +(DualComplex a, DualComplex b) => new(a.Re + b.Re, a.Im + b.Im);

        public static DualComplex operator -(DualComplex a, DualComplex b) => new(a.Re - b.Re, a.Im - b.Im);

        public static DualComplex operator *(DualComplex a, DualComplex b) => new(a.Re * b.Re - a.Im * b.Im, a.Re * b.Im + a.Im * b.Re);

        public static DualComplex operator /(DualComplex a, DualComplex b)
        {
            var denominator = b.Re * b.Re + b.Im * b.Im;
            return new((a.Re * b.Re + a.Im * b.Im) / denominator, (a.Im * b.Re - a.Re * b.Im) / denominator);
        }

        public Dual Abs => Dual.Hypot(Re, Im);

        public Dual Phase => Dual.Atan2(Im, Re);

        public static DualComplex Polar(Dual magnitude, Dual angle) => new(magnitude * Dual.Cos(angle), magnitude * Dual.Sin(angle));
    }

    private static Dual DualPolynomialModulus(Dual[] v)
    {
        var (z, c) = (new DualComplex(v[0], v[1]), new DualComplex(v[2], v[3]));
        var p = z * z * z - c * z + new DualComplex(1, 0);
        return p.Abs * p.Abs;
    }

    private static Dual DualComplexMix(Dual[] v)
    {
        var (z, t) = (new DualComplex(v[0], v[1]), v[2]);
        var zt = new DualComplex(z.Re * t, z.Im * t);
        var w = DualComplex.Polar(Dual.Exp(zt.Re), zt.Im) / (z + new DualComplex(1, 0)) + new DualComplex(z.Re, -z.Im) * new DualComplex(0, 1)
            - new DualComplex(2, 0) / z;
        var sin = new DualComplex(Dual.Sin(z.Re) * Dual.Cosh(z.Im), Dual.Cos(z.Re) * Dual.Sinh(z.Im));
        var cosh = new DualComplex(Dual.Cosh(z.Re) * Dual.Cos(z.Im), Dual.Sinh(z.Re) * Dual.Sin(z.Im));
        var v2 = sin * cosh + DualComplex.Polar(Dual.Pow(z.Abs, 1.5), 1.5 * z.Phase) - DualComplex.Polar(t, z.Phase);
        var root = DualComplex.Polar(Dual.Sqrt(z.Abs), 0.5 * z.Phase);
        return w.Re + 0.5 * w.Im + z.Phase + root.Re + v2.Re * v2.Im;
    }

    private static Dual[] Normalize(Dual[] v)
    {
        var length = Dual.Sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        return [v[0] / length, v[1] / length, v[2] / length];
    }

    private static Dual Dot(Dual[] a, Dual[] b) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];

    private static Dual DualShade(Dual[] v)
    {
        var n = Normalize(v[..3]);
        var l = Normalize(v[3..6]);
        var view = Normalize(v[6..9]);
        var h = Normalize([l[0] + view[0], l[1] + view[1], l[2] + view[2]]);
        return Dual.Max(Dot(n, l), 0) + 0.5 * Dual.Pow(Dual.Max(Dot(n, h), 0), v[9]);
    }

    private static Dual[] DualTorque(Dual[] v)
    {
        var (r, f, t) = (v[..3], v[3..6], v[6]);
        var g = f.Select(c => c * (1 - t) + -c * t).ToArray();
        var length = Dual.Sqrt(Dot(r, r));
        return [r[1] * g[2] - r[2] * g[1] + t * length, r[2] * g[0] - r[0] * g[2], r[0] * g[1] - r[1] * g[0] + length];
    }

    private static Dual[] DualVerlet(Dual[] v, int steps)
    {
        var (x, y, vx, vy, k) = (v[0], v[1], v[2], v[3], v[4]);
        for (var s = 0; s < steps; s++)
        {
            var (ax, ay) = (-k * x, -k * y);
            (x, y) = (x + 0.1 * vx + 0.005 * ax, y + 0.1 * vy + 0.005 * ay);
            (vx, vy) = (vx + 0.05 * (ax - k * x), vy + 0.05 * (ay - k * y));
        }

        return [x, y];
    }

    private static Dual DualBounce(Dual[] v)
    {
        var (x, y, floor) = (v[0], v[1], v[2]);
        if (y.Value < floor.Value)
        {
            y = 2 * floor - y;
        }

        if (x.Value <= 0)
        {
            x = -x;
        }

        x *= 1.5;
        y += 1;
        return x * y + Dual.Sin(y);
    }

    private static Dual[] DualCentroid(Dual[] x, Dual sharpness)
    {
        var sum = new Dual[] { 0, 0, 0 };
        Dual total = 0;
        for (var i = 0; i < x.Length / 3; i++)
        {
            var weight = Dual.Exp(-sharpness * (x[3 * i] * x[3 * i] + x[3 * i + 1] * x[3 * i + 1] + x[3 * i + 2] * x[3 * i + 2]));
            for (var j = 0; j < 3; j++)
            {
                sum[j] += weight * x[3 * i + j];
            }

            total += weight;
        }

        return [sum[0] / total, sum[1] / total, sum[2] / total];
    }

    private static Dual DualArmError(Dual[] v)
    {
        var (s, e) = (v[2], v[3]);
        var (ux, uy) = (Dual.Cos(s), Dual.Sin(s));
        var (hx, hy) = (ux + 0.8 * (Dual.Cos(e) * ux - Dual.Sin(e) * uy), uy + 0.8 * (Dual.Sin(e) * ux + Dual.Cos(e) * uy));
        var (mx, my) = (hx - v[0], hy - v[1]);
        return mx * mx + my * my + 0.1 * (Dual.Sqrt(hx * hx + hy * hy) - Dual.Sqrt(v[0] * v[0] + v[1] * v[1]));
    }

    private static Dual DualTotalEnergy(Dual[] x, Dual q)
    {
        Dual energy = 0;
        for (var i = 0; i < x.Length / 3; i++)
        {
            for (var j = i + 1; j < x.Length / 3; j++)
            {
                energy += DualCoulomb([x[3 * i], x[3 * i + 1], x[3 * i + 2], x[3 * j], x[3 * j + 1], x[3 * j + 2], q]);
            }
        }

        return energy;
    }

    private static Dual DualPotential(Dual[] charges, Vec3[] sites, Dual[] probe)
    {
        Dual v = 0;
        for (var i = 0; i < charges.Length; i++)
        {
            var (dx, dy, dz) = (probe[0] - sites[i].X, probe[1] - sites[i].Y, probe[2] - sites[i].Z);
            v += charges[i] / Dual.Sqrt(1e-3 + dx * dx + dy * dy + dz * dz);
        }

        return v;
    }
}
