using CsCheck;
using static Leibniz.Generator.Tests.Runtime.Numeric;

namespace Leibniz.Generator.Tests.Runtime;

/// <summary>Loops counting down or by other steps, and do-while loops, against finite differences and Dual.</summary>
public sealed class LoopFormTests
{
    private static readonly Gen<double[]> Vectors = Gen.Double[-1.5, 1.5].Array[0, 30];

    [Fact]
    public void HornerCountingDownGivesThePolynomialAndItsDerivatives() =>
        Gen.Select(Vectors, Gen.Double[-1.5, 1.5]).Sample((c, x) =>
        {
            var dc = new double[c.Length];
            var value = LoopFormFunctions.HornerGradient(c, x, dc, out var dx);
            double expected = 0, slope = 0;
            for (var k = 0; k < c.Length; k++)
            {
                expected += c[k] * Math.Pow(x, k);
                slope += k == 0 ? 0 : k * c[k] * Math.Pow(x, k - 1);
                Close(Math.Pow(x, k), dc[k], 1e-12);
            }

            Close(expected, value, 1e-12);
            Close(slope, dx, 1e-12);
        }, iter: 200);

    [Fact]
    public void SteppedLoopsMatchFiniteDifferences() => Vectors.Sample(x =>
    {
        foreach (var (f, gradient) in new (Func<double[], double> F, Func<double[], double[], double> Gradient)[]
                 {
                     (v => LoopFormFunctions.EveryOther(v), (v, d) => LoopFormFunctions.EveryOtherGradient(v, d)),
                     (v => LoopFormFunctions.DownByThree(v), (v, d) => LoopFormFunctions.DownByThreeGradient(v, d)),
                 })
        {
            var dx = new double[x.Length];
            Close(f(x), gradient(x, dx), 1e-14);
            var expected = CentralGradient(f, x);
            for (var i = 0; i < x.Length; i++)
            {
                Close(expected[i], dx[i], 1e-6);
            }
        }
    }, iter: 200);

    [Fact]
    public void BoundsFromMinMaxAndNegationMatchFiniteDifferencesAndTheJvp() =>
        Gen.Select(Vectors, Gen.Int[0, 4]).Sample((x, w) =>
        {
            var dx = new double[x.Length];
            var value = LoopFormFunctions.ClippedWindowGradient(x, w, dx);
            Close(LoopFormFunctions.ClippedWindow(x, w), value, 1e-14);
            var expected = CentralGradient(v => LoopFormFunctions.ClippedWindow(v, w), x);
            var direction = x.Select((_, i) => 1.0 / (i + 1)).ToArray();
            var slope = 0.0;
            for (var i = 0; i < x.Length; i++)
            {
                Close(expected[i], dx[i], 1e-6);
                slope += dx[i] * direction[i];
            }

            Close(slope, LoopFormFunctions.ClippedWindowJvp(x, w, direction).Tangent, 1e-12);
        }, iter: 100);

    [Fact]
    public void DoWhileLoopsMatchDual() =>
        Gen.Select(Gen.Double[-2, 2], Gen.Double[0.5, 0.9]).Sample((x, a) =>
        {
            var (value, dx, da) = LoopFormFunctions.SettleGradient(x, a);
            Close(LoopFormFunctions.Settle(x, a), value, 1e-14);
            Close(DualSettle(new Dual(x, 1), new Dual(a, 0)).Tangent, dx, 1e-10);
            Close(DualSettle(new Dual(x, 0), new Dual(a, 1)).Tangent, da, 1e-10);
            var (grown, slope) = LoopFormFunctions.GrowGradient(x);
            Close(LoopFormFunctions.Grow(x), grown, 1e-14);
            Close(DualGrow(new Dual(x, 1)).Tangent, slope, 1e-10);
            Close(slope, LoopFormFunctions.GrowJvp(x, 1).Tangent, 1e-12);
        }, iter: 300);

    [Fact]
    public void LoopsAfterGuardClausesInBranchesAndAfterALoopThatReturnsMatchDual() =>
        Gen.Select(Gen.Double[-1.2, 1.2].Array[0, 12], Gen.Double[-2, 2]).Sample((x, a) =>
        {
            var dx = new double[x.Length];
            var value = LoopFormFunctions.GuardedGradient(x, a, dx, out var da);
            Close(LoopFormFunctions.Guarded(x, a), value, 1e-14);
            AgreesWithDual(x, a, dx, da, DualGuarded);
            if (x.Length > 0)
            {
                value = LoopFormFunctions.BranchesGradient(x, a, dx, out da);
                Close(LoopFormFunctions.Branches(x, a), value, 1e-14);
                AgreesWithDual(x, a, dx, da, DualBranches);
            }

            value = LoopFormFunctions.FirstLargeThenSumGradient(x, dx);
            Close(LoopFormFunctions.FirstLargeThenSum(x), value, 1e-14);
            AgreesWithDual(x, a, dx, 0, (v, _) => DualFirstLargeThenSum(v));
            var direction = x.Select((_, i) => Math.Cos(i)).ToArray();
            LoopFormFunctions.GuardedGradient(x, a, dx, out da);
            Close(dx.Zip(direction, (g, v) => g * v).Sum() + 0.5 * da, LoopFormFunctions.GuardedJvp(x, a, direction, 0.5).Tangent, 1e-12);
        }, iter: 300);

    [Fact]
    public void LoopsInsideBranchesInsideALoopMatchDual() =>
        Gen.Select(Gen.Double[-1.5, 1.5].Array[0, 16], Gen.Double[-0.9, 0.9]).Sample((x, s) =>
        {
            var dx = new double[x.Length];
            var value = LoopFormFunctions.GatedRecurrenceGradient(x, s, dx, out var ds);
            Close(LoopFormFunctions.GatedRecurrence(x, s), value, 1e-14);
            AgreesWithDual(x, s, dx, ds, DualGatedRecurrence);
            var direction = x.Select((_, i) => Math.Sin(i + 1)).ToArray();
            Close(dx.Zip(direction, (g, v) => g * v).Sum() - 0.7 * ds, LoopFormFunctions.GatedRecurrenceJvp(x, s, direction, -0.7).Tangent, 1e-12);

            value = LoopFormFunctions.GatedCountedGradient(x, s, dx, out ds);
            Close(LoopFormFunctions.GatedCounted(x, s), value, 1e-14);
            AgreesWithDual(x, s, dx, ds, DualGatedCounted);
            Close(dx.Zip(direction, (g, v) => g * v).Sum() - 0.7 * ds, LoopFormFunctions.GatedCountedJvp(x, s, direction, -0.7).Tangent, 1e-12);
        }, iter: 300);

    private static void AgreesWithDual(double[] x, double a, double[] dx, double da, Func<Dual[], Dual, Dual> f)
    {
        var duals = x.Select(v => new Dual(v, 0)).ToArray();
        Close(f(duals, new Dual(a, 1)).Tangent, da, 1e-9);
        for (var i = 0; i < x.Length; i++)
        {
            duals[i] = new Dual(x[i], 1);
            Close(f(duals, new Dual(a, 0)).Tangent, dx[i], 1e-9);
            duals[i] = new Dual(x[i], 0);
        }
    }

    private static Dual DualGuarded(Dual[] x, Dual s)
    {
        if (x.Length == 0)
        {
            return s * s;
        }

        if (s.Value < -1)
        {
            return -s * x[0];
        }

        var p = new Dual(1, 0);
        foreach (var v in x)
        {
            p = p * Dual.Sin(v * s) + 1;
        }

        return p;
    }

    private static Dual DualBranches(Dual[] x, Dual a)
    {
        var r = new Dual(0, 0);
        if (a.Value > 0)
        {
            var y = 1 + a * a;
            while (y.Value > 0.2)
            {
                y = y * 0.7 * (1 + 0.1 * Dual.Cos(y));
                r += y * x[0];
                if (r.Value > 3)
                {
                    break;
                }
            }
        }
        else
        {
            for (var i = 0; i < x.Length; i++)
            {
                var q = a;
                for (var j = 0; j <= i; j++)
                {
                    q = Dual.Sin(q) * x[j] + a;
                }

                r += q * q;
            }
        }

        return r * a;
    }

    private static Dual DualFirstLargeThenSum(Dual[] x)
    {
        var product = new Dual(1, 0);
        foreach (var v in x)
        {
            product *= 1 + v * v;
            if (product.Value > 20)
            {
                return Dual.Log(product) * v;
            }
        }

        var sum = product;
        foreach (var v in x)
        {
            sum = sum * 0.5 + Dual.Exp(v) * sum;
        }

        return sum;
    }

    private static Dual DualSettle(Dual x, Dual a)
    {
        var y = x * x + 1;
        var total = new Dual(0, 0);
        do
        {
            y = Dual.Sqrt(y) * a + 0.01 * y;
            total += y;
        }
        while (y.Value > 1.2);

        return total;
    }

    private static Dual DualGrow(Dual x)
    {
        var y = 1 + x * x;
        var steps = 0;
        do
        {
            steps++;
            if (steps > 6)
            {
                break;
            }

            if (y.Value < 2)
            {
                y = y * 1.5 + x;
                continue;
            }

            y = Dual.Log(y) * y + 1;
        }
        while (y.Value < 10);

        return y;
    }

    private static Dual DualGatedRecurrence(Dual[] x, Dual s)
    {
        var total = new Dual(0, 0);
        for (var i = 0; i < x.Length; i++)
        {
            var p = x[i];
            if (x[i].Value > 0)
            {
                for (var j = 0; j < 3; j++)
                {
                    p = p * 0.5 + Dual.Sin(p * s);
                }
            }
            else if (x[i].Value > -0.5)
            {
                var acc = new Dual(0, 0);
                for (var j = 0; j <= i; j++)
                {
                    acc += x[j] * s;
                }

                p += acc;
            }
            else
            {
                while (p.Value < 1)
                {
                    p = p * p + 0.6 + s * s;
                }
            }

            total += p * p;
        }

        return total;
    }

    private static Dual DualGatedCounted(Dual[] x, Dual s)
    {
        var total = new Dual(0, 0);
        for (var i = 0; i < x.Length; i++)
        {
            var p = x[i];
            if (p.Value > 0)
            {
                for (var j = 0; j < 3; j++)
                {
                    p = p * 0.5 + Dual.Sin(p * s);
                }
            }
            else
            {
                for (var j = 0; j <= i; j++)
                {
                    p = p * Dual.Cos(x[j]) + s;
                }
            }

            total += p * p;
        }

        return total;
    }
}
