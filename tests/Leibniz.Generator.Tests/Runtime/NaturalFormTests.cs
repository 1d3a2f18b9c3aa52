using CsCheck;
using static Leibniz.Generator.Tests.Runtime.Numeric;

namespace Leibniz.Generator.Tests.Runtime;

/// <summary>
/// Constant tables, generic-math conversions, local functions, switch and float casts, each against central
/// differences and against the same code run on <see cref="Dual"/> (forward mode), with a Jvp check.
/// </summary>
public sealed class NaturalFormTests
{
    private static readonly double[] Nodes = [-0.9061798459386640, -0.5384693101056831, 0, 0.5384693101056831, 0.9061798459386640];
    private static readonly double[] Weights = [0.2369268850561891, 0.4786286704993665, 0.5688888888888889, 0.4786286704993665, 0.2369268850561891];
    private static readonly Gen<double[]> Vectors = Gen.Double[-2, 2].Array[1, 12];

    [Fact]
    public void ConstantTablesAreReadAsConstants() =>
        Gen.Select(Gen.Double[-2, 2], Gen.Double[-2, 2]).Sample((a, b) =>
        {
            Scalar2(NaturalFormFunctions.GaussIntegral, NaturalFormFunctions.GaussIntegralGradient, NaturalFormFunctions.GaussIntegralJvp, DualGaussIntegral, a, b);
            var (value, dx) = NaturalFormFunctions.Log1pSeriesGradient(a / 4);
            Close(NaturalFormFunctions.Log1pSeries(a / 4), value, 1e-15);
            var x = new Dual(a / 4, 1);
            Close((x - x * x / 2 + x * x * x / 3 - x * x * x * x / 4 + x * x * x * x * x / 5).Tangent, dx, 1e-13);
            Close(dx, NaturalFormFunctions.Log1pSeriesJvp(a / 4, 1).Tangent, 1e-15);

            var (called, dcalled) = NaturalFormFunctions.TableCallGradient(a);
            Close(NaturalFormFunctions.TableCall(a), called, 1e-15);
            var slope = 0.0;
            for (var k = 1; k < Nodes.Length; k++)
            {
                slope += k * Nodes[k] * Math.Pow(a, k - 1);
            }

            Close(2.5 * 0.75 * slope, dcalled, 1e-13);
            Close(dcalled, NaturalFormFunctions.TableCallJvp(a, 1).Tangent, 1e-14);
        });

    [Fact]
    public void SwitchInALocalFunctionInABranch() =>
        Gen.Select(Gen.Double[-2, 3], Gen.Int[-1, 5]).Sample((x, tier) =>
        {
            var (value, dx) = NaturalFormFunctions.TieredGradient(x, tier);
            Close(NaturalFormFunctions.Tiered(x, tier), value, 1e-15);
            var dual = new Dual(x, 1);
            var expected = x <= 0 ? dual : (tier < 1 ? 0.1 * dual : tier > 3 ? Dual.Sqrt(dual) : 0.2 + 0.01 * dual * dual) * dual;
            Close(expected.Tangent, dx, 1e-13);
            Close(dx, NaturalFormFunctions.TieredJvp(x, tier, 1).Tangent, 1e-15);
        });

    [Fact]
    public void FloatTablesInAFloatMethod() => Gen.Single[-2, 2].Array[3, 10].Sample(x =>
    {
        var dx = new float[x.Length];
        var value = NaturalFormFunctions.SmoothGradient(x, dx);
        Close(NaturalFormFunctions.Smooth(x), value, 1e-6);
        var wide = x.Select(v => (double)v).ToArray();
        var expected = CentralGradient(v => DualSmooth(v.Select(e => new Dual(e, 0)).ToArray()).Value, wide);
        for (var i = 0; i < x.Length; i++)
        {
            Close(expected[i], dx[i], 1e-4);
        }

        var direction = x.Select((_, i) => (float)Math.Cos(i)).ToArray();
        var tangent = DualSmooth(wide.Select((v, i) => new Dual(v, direction[i])).ToArray()).Tangent;
        Close(tangent, NaturalFormFunctions.SmoothJvp(x, direction).Tangent, 1e-4);
    });

    [Fact]
    public void GenericConversionsOfCountersMatchDualAndFloat() =>
        Gen.Select(Vectors, Gen.Int[1, 6], Gen.Double[0.1, 2]).Sample((x, n, y) =>
        {
            var dx = new double[x.Length];
            var value = NaturalFormFunctions.HarmonicsGradient<double>(x, n, dx);
            Close(NaturalFormFunctions.Harmonics<double>(x, n), value, 1e-14);
            for (var i = 0; i < x.Length; i++)
            {
                var seeded = x.Select((v, j) => new Dual(v, i == j ? 1 : 0)).ToArray();
                Close(NaturalFormFunctions.Harmonics<Dual>(seeded, n).Tangent, dx[i], 1e-12);
            }

            var direction = x.Select((_, i) => Math.Sin(i + 1.0)).ToArray();
            Close(NaturalFormFunctions.Harmonics<Dual>(x.Select((v, i) => new Dual(v, direction[i])).ToArray(), n).Tangent,
                NaturalFormFunctions.HarmonicsJvp<double>(x, n, direction).Tangent, 1e-12);
            var single = x.Select(v => (float)v).ToArray();
            var dsingle = new float[x.Length];
            Close(value, NaturalFormFunctions.HarmonicsGradient<float>(single, n, dsingle), 1e-4);
            Close(dx[0], dsingle[0], 1e-3);

            var (damped, dy) = NaturalFormFunctions.DampedGradient(y, n);
            Close(NaturalFormFunctions.Damped(y, n), damped, 1e-14);
            Close(NaturalFormFunctions.Damped(new Dual(y, 1), n).Tangent, dy, 1e-12);
            Close(CentralGradient(v => NaturalFormFunctions.Damped(v[0], n), [y])[0], dy, 1e-7);
            Close(dy, NaturalFormFunctions.DampedJvp(y, n, 1).Tangent, 1e-14);
        });

    [Fact]
    public void LocalFunctionsAreInlined() =>
        Gen.Select(Gen.Double[-3, 3], Gen.Double[-3, 3], Gen.Double[0.5, 10]).Sample((theta, omega, g) =>
        {
            var (value, dtheta, domega, dg) = NaturalFormFunctions.PendulumGradient(theta, omega, g);
            Close(NaturalFormFunctions.Pendulum(theta, omega, g), value, 1e-15);
            Close(g * Math.Sin(theta), dtheta, 1e-14);
            Close(omega, domega, 1e-14);
            Close(1 - Math.Cos(theta), dg, 1e-14);
            Close(g * Math.Sin(theta) * 0.5 - omega, NaturalFormFunctions.PendulumJvp(theta, omega, g, 0.5, -1, 0).Tangent, 1e-14);
        });

    [Fact]
    public void LocalFunctionsWithBranchesLoopsAndArraysMatchDual() =>
        Gen.Select(Vectors, Gen.Double[0.2, 1.5]).Sample((r, beta) =>
        {
            var dr = new double[r.Length];
            var value = NaturalFormFunctions.SmoothL1Gradient(r, beta, dr, out var dbeta);
            Close(NaturalFormFunctions.SmoothL1(r, beta), value, 1e-15);
            AgreesWithDual(r, beta, dr, dbeta, DualSmoothL1);
            Close(JvpOfDual(r, beta, DualSmoothL1), NaturalFormFunctions.SmoothL1Jvp(r, beta, Direction(r), 0.5).Tangent, 1e-12);

            value = NaturalFormFunctions.InsideBandGradient(r, beta, dr, out var dwidth);
            Close(NaturalFormFunctions.InsideBand(r, beta), value, 1e-15);
            AgreesWithDual(r, beta, dr, dwidth, DualInsideBand);
            Close(JvpOfDual(r, beta, DualInsideBand), NaturalFormFunctions.InsideBandJvp(r, beta, Direction(r), 0.5).Tangent, 1e-12);

            value = NaturalFormFunctions.EnergyGradient(r, beta, dr, out var dk);
            Close(NaturalFormFunctions.Energy(r, beta), value, 1e-15);
            AgreesWithDual(r, beta, dr, dk, DualEnergy);
            Close(JvpOfDual(r, beta, DualEnergy), NaturalFormFunctions.EnergyJvp(r, beta, Direction(r), 0.5).Tangent, 1e-12);
            var expected = CentralGradient(v => NaturalFormFunctions.Energy(v, beta), r);
            for (var i = 0; i < r.Length; i++)
            {
                Close(expected[i], dr[i], 1e-6);
            }
        });

    [Fact]
    public void LocalFunctionsThatComputeAnIndex() =>
        Gen.Int[1, 5].SelectMany(n => Gen.Select(Gen.Double[-2, 2].Array[n * n], Gen.Double[-2, 2].Array[n])).Sample((a, x) =>
        {
            var dx = new double[x.Length];
            var value = NaturalFormFunctions.QuadraticGradient(a, x, dx);
            Close(NaturalFormFunctions.Quadratic(a, x), value, 1e-14);
            for (var i = 0; i < x.Length; i++)
            {
                var expected = 0.0;
                for (var j = 0; j < x.Length; j++)
                {
                    expected += (a[i * x.Length + j] + a[j * x.Length + i]) * x[j];
                }

                Close(expected, dx[i], 1e-13);
            }

            var direction = Direction(x);
            Close(dx.Zip(direction, (g, v) => g * v).Sum(), NaturalFormFunctions.QuadraticJvp(a, x, direction).Tangent, 1e-12);
        });

    [Fact]
    public void SwitchExpressionsTakeTheArmThatMatches()
    {
        // The breakpoints and the guard's tie are edge cases: each side's own derivative.
        var points = Gen.OneOf(Gen.Int[0, 4].Select(i => new[] { -1.0, 1.0, 0.0, -2.0, 5.0 }[i]), Gen.Double[-4, 7]);
        Gen.Select(points, Gen.Double[-3, 3]).Sample((x, y) =>
        {
            var (value, dx) = NaturalFormFunctions.PiecewiseGradient(x);
            Close(NaturalFormFunctions.Piecewise(x), value, 1e-15);
            Close(DualPiecewise(new Dual(x, 1)).Tangent, dx, 1e-13);
            Close(dx, NaturalFormFunctions.PiecewiseJvp(x, 1).Tangent, 1e-15);
            if (Math.Abs(Math.Abs(x) - 1) > 1e-3)
            {
                Close(CentralGradient(v => NaturalFormFunctions.Piecewise(v[0]), [x], 0.1)[0], dx, 1e-6);
            }

            Scalar2(NaturalFormFunctions.Guarded, NaturalFormFunctions.GuardedGradient, NaturalFormFunctions.GuardedJvp, DualGuarded, x, y);
            Scalar2(NaturalFormFunctions.Guarded, NaturalFormFunctions.GuardedGradient, NaturalFormFunctions.GuardedJvp, DualGuarded, x, x);
        });
    }

    [Fact]
    public void SwitchStatementsOnIntegersAndNumbers() =>
        Gen.Select(Vectors, Gen.Double[0.1, 1], Gen.Int[-1, 5]).Sample((u, h, kind) =>
        {
            var x = u[0];
            var (value, dx) = NaturalFormFunctions.ActivationGradient(x, kind);
            Close(NaturalFormFunctions.Activation(x, kind), value, 1e-15);
            Close(DualActivation(new Dual(x, 1), kind).Tangent, dx, 1e-14);
            Close(dx, NaturalFormFunctions.ActivationJvp(x, kind, 1).Tangent, 1e-15);

            (value, dx) = NaturalFormFunctions.BandedGradient(x, kind);
            Close(NaturalFormFunctions.Banded(x, kind), value, 1e-15);
            var d = new Dual(x, 1);
            var banded = kind switch
            {
                0 => 2 * Dual.Exp(0.5 * d),
                1 or 2 => d * Dual.Exp(0.5 * d) + Dual.Sin(d),
                >= 3 => Dual.Exp(0.5 * d) - d * d,
                _ => Dual.Exp(0.5 * d),
            };
            Close(banded.Tangent, dx, 1e-13);
            Close(dx, NaturalFormFunctions.BandedJvp(x, kind, 1).Tangent, 1e-15);

            var du = new double[u.Length];
            value = NaturalFormFunctions.SimpsonGradient(u, h, du, out var dh);
            Close(NaturalFormFunctions.Simpson(u, h), value, 1e-15);
            AgreesWithDual(u, h, du, dh, DualSimpson);
            Close(JvpOfDual(u, h, DualSimpson), NaturalFormFunctions.SimpsonJvp(u, h, Direction(u), 0.5).Tangent, 1e-12);

            var scaled = u.Select(v => 2 * v).ToArray();
            value = NaturalFormFunctions.ClippedGradient(scaled, h, du, out var dlimit);
            Close(NaturalFormFunctions.Clipped(scaled, h), value, 1e-15);
            AgreesWithDual(scaled, h, du, dlimit, DualClipped);
            Close(JvpOfDual(scaled, h, DualClipped), NaturalFormFunctions.ClippedJvp(scaled, h, Direction(u), 0.5).Tangent, 1e-12);
        });

    [Fact]
    public void FloatCastsOfDoubleMathInAFloatMethod() =>
        Gen.Select(Gen.Single[-2, 2], Gen.Single[0.1f, 2]).Sample((a, b) =>
        {
            var (distance, dx, dy) = NaturalFormFunctions.DistanceGradient(a, b);
            var r = Math.Sqrt((double)a * a + (double)b * b);
            Close(NaturalFormFunctions.Distance(a, b), distance, 1e-6);
            Close(a / r, dx, 1e-5);
            Close(b / r, dy, 1e-5);
            Close(dx - dy, NaturalFormFunctions.DistanceJvp(a, b, 1, -1).Tangent, 1e-5);

            var (blend, da, db) = NaturalFormFunctions.BlendGradient(a, b);
            var dual = DualBlend(new Dual(a, 1), new Dual(b, 0)).Tangent;
            Close(NaturalFormFunctions.Blend(a, b), blend, 1e-6);
            Close(dual, da, 1e-5);
            Close(DualBlend(new Dual(a, 0), new Dual(b, 1)).Tangent, db, 1e-5);
            Close(da, NaturalFormFunctions.BlendJvp(a, b, 1, 0).Tangent, 1e-6);
        });

    private static void Scalar2(Func<double, double, double> f, Func<double, double, (double Value, double, double)> gradient,
        Func<double, double, double, double, (double Value, double Tangent)> jvp, Func<Dual, Dual, Dual> dual, double x, double y)
    {
        var (value, dx, dy) = gradient(x, y);
        Close(f(x, y), value, 1e-15);
        Close(dual(new Dual(x, 1), new Dual(y, 0)).Tangent, dx, 1e-12);
        Close(dual(new Dual(x, 0), new Dual(y, 1)).Tangent, dy, 1e-12);
        Close(0.5 * dx - 2 * dy, jvp(x, y, 0.5, -2).Tangent, 1e-12);
    }

    private static double[] Direction(double[] x) => x.Select((_, i) => Math.Cos(i)).ToArray();

    private static void AgreesWithDual(double[] x, double s, double[] dx, double ds, Func<Dual[], Dual, Dual> dual)
    {
        for (var i = 0; i < x.Length; i++)
        {
            Close(dual(x.Select((v, j) => new Dual(v, i == j ? 1 : 0)).ToArray(), new Dual(s, 0)).Tangent, dx[i], 1e-12);
        }

        Close(dual(x.Select(v => new Dual(v, 0)).ToArray(), new Dual(s, 1)).Tangent, ds, 1e-12);
    }

    private static double JvpOfDual(double[] x, double s, Func<Dual[], Dual, Dual> dual)
    {
        var direction = Direction(x);
        return dual(x.Select((v, i) => new Dual(v, direction[i])).ToArray(), new Dual(s, 0.5)).Tangent;
    }

    private static Dual DualGaussIntegral(Dual a, Dual b)
    {
        var half = 0.5 * (b - a);
        var mid = 0.5 * (a + b);
        Dual sum = 0;
        for (var i = 0; i < Nodes.Length; i++)
        {
            var t = mid + half * Nodes[i];
            sum += Weights[i] * Dual.Exp(-t * t);
        }

        return half * sum;
    }

    private static Dual DualSmooth(Dual[] x)
    {
        double[] w = [0.25f, 0.5f, 0.25f];
        Dual total = 0;
        for (var i = 0; i + w.Length <= x.Length; i++)
        {
            for (var j = 0; j < w.Length; j++)
            {
                total += w[j] * x[i + j] * x[i + j];
            }
        }

        return total / w.Sum();
    }

    private static Dual DualSmoothL1(Dual[] r, Dual beta)
    {
        Dual total = 0;
        foreach (var v in r)
        {
            var a = Dual.Abs(v);
            total += a < beta ? 0.5 * v * v / beta : a - 0.5 * beta;
        }

        return total / r.Length;
    }

    private static Dual DualInsideBand(Dual[] x, Dual width)
    {
        Dual s = 0;
        foreach (var v in x)
        {
            s += v.Value > -width.Value && v.Value < width.Value ? v * v * width : Dual.Abs(v);
        }

        return s;
    }

    private static Dual DualEnergy(Dual[] q, Dual k)
    {
        Dual bonds = 0;
        for (var i = 0; i + 1 < q.Length; i++)
        {
            bonds += (q[i + 1] - q[i]) * (q[i + 1] - q[i]);
        }

        return q[0] * q[0] + q[^1] * q[^1] + k * bonds;
    }

    private static Dual DualPiecewise(Dual x) =>
        x.Value < -1 ? -Dual.Log(-x) - 1 : x.Value < 1 ? x * x * x / 3 - 2.0 / 3 : Dual.Sqrt(x) - 1;

    private static Dual DualGuarded(Dual x, Dual y) =>
        x.Value == 0 ? y : x.Value > y.Value ? x * y : x.Value is < -2 or > 5 ? Dual.Exp(0.1 * x) : x - y;

    private static Dual DualActivation(Dual x, int kind) => kind switch
    {
        0 => Dual.Tanh(x),
        1 => Dual.Sigmoid(x),
        2 or 3 => Dual.Softplus(x),
        _ => x,
    };

    private static Dual DualSimpson(Dual[] u, Dual h)
    {
        Dual s = 0;
        for (var i = 0; i < u.Length; i++)
        {
            var w = i == 0 || i == u.Length - 1 ? 1 : i % 2 == 1 ? 4 : 2;
            s += w * Dual.Sin(u[i]);
        }

        return s * h / 3;
    }

    private static Dual DualClipped(Dual[] x, Dual limit)
    {
        Dual s = 0;
        foreach (var v in x)
        {
            if (v.Value > 3)
            {
                continue;
            }

            var c = v.Value < 0 ? -v * limit : v;
            s += c * c;
        }

        return s;
    }

    private static Dual DualBlend(Dual a, Dual b)
    {
        var t = 0.25 * Dual.Exp(a) + b * b;
        return t * b + (float)Math.PI * a;
    }
}
