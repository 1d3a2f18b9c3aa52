using CsCheck;
using static Leibniz.Generator.Tests.Runtime.Numeric;

namespace Leibniz.Generator.Tests.Runtime;

/// <summary>Gradients of methods with loops, arrays and spans (compiled by the analyzer) against finite differences, Dual and hand-written gradients.</summary>
public sealed class LoopGradientTests
{
    private static readonly Gen<double[]> Vectors = Gen.Double[-1.5, 1.5].Array[1, 40];

    [Fact]
    public void RosenbrockSpanGradientMatchesFiniteDifferences() => Vectors.Sample(x =>
    {
        var dx = new double[x.Length];
        var value = LoopFunctions.RosenbrockGradient(x, dx);
        Close(LoopFunctions.Rosenbrock(x), value, 1e-14);
        var expected = CentralGradient(v => LoopFunctions.Rosenbrock(v), x);
        for (var i = 0; i < x.Length; i++)
        {
            Close(expected[i], dx[i], 1e-6);
        }
    }, iter: 200);

    [Fact]
    public void RosenbrockInAMillionDimensionsMatchesItsHandWrittenGradient()
    {
        const int n = 1_000_000;
        var x = new double[n];
        var random = new Random(7);
        for (var i = 0; i < n; i++)
        {
            x[i] = random.NextDouble() * 3 - 1.5;
        }

        var dx = new double[n];
        var value = LoopFunctions.RosenbrockGradient(x, dx);
        var expected = new double[n];
        var sum = 0.0;
        for (var i = 0; i < n - 1; i++)
        {
            var a = x[i + 1] - x[i] * x[i];
            var b = 1 - x[i];
            sum += 100 * a * a + b * b;
            expected[i] += -400 * x[i] * a - 2 * b;
            expected[i + 1] += 200 * a;
        }

        Close(sum, value, 1e-12);
        for (var i = 0; i < n; i++)
        {
            Close(expected[i], dx[i], 1e-12);
        }
    }

    [Fact]
    public void ArrayAndScalarGradientMatchesFiniteDifferences() =>
        Gen.Select(Vectors, Gen.Double[-2, 2]).Sample((x, s) =>
        {
            var dx = new double[x.Length];
            var value = LoopFunctions.ScaledNormGradient(x, s, dx, out var ds);
            Close(LoopFunctions.ScaledNorm(x, s), value, 1e-14);
            var all = x.Append(s).ToArray();
            var expected = CentralGradient(v => LoopFunctions.ScaledNorm(v[..^1], v[^1]), all);
            for (var i = 0; i < x.Length; i++)
            {
                Close(expected[i], dx[i], 1e-6);
            }

            Close(expected[^1], ds, 1e-6);
        }, iter: 200);

    [Fact]
    public void RecurrenceWithRunningProductAndBranchMatchesDual() =>
        Gen.Select(Gen.Double[-2, 2], Gen.Double[-1.5, 1.5], Gen.Int[0, 300]).Sample((x, r, steps) =>
        {
            var (value, dx, dr) = LoopFunctions.RecurrenceGradient(x, r, steps);
            Close(LoopFunctions.Recurrence(x, r, steps), value, 1e-14);
            Close(DualRecurrence(new Dual(x, 1), new Dual(r, 0), steps).Tangent, dx, 1e-9);
            Close(DualRecurrence(new Dual(x, 0), new Dual(r, 1), steps).Tangent, dr, 1e-9);
        }, iter: 200);

    [Fact]
    public void SwappingCarriedValuesMatchesDual() =>
        Gen.Select(Gen.Double[-2, 2], Gen.Double[-2, 2], Gen.Int[-1, 40]).Sample((a, b, n) =>
        {
            var (value, da, db) = LoopFunctions.SwapGradient(a, b, n);
            Close(LoopFunctions.Swap(a, b, n), value, 1e-14);
            Close(DualSwap(new Dual(a, 1), new Dual(b, 0), n).Tangent, da, 1e-9);
            Close(DualSwap(new Dual(a, 0), new Dual(b, 1), n).Tangent, db, 1e-9);
        }, iter: 200);

    [Fact]
    public void NestedLoopsWithDataGiveTheQuadraticFormGradient() =>
        Gen.Select(Gen.Int[1, 12], Gen.Double[-1, 1].Array[144], Gen.Double[-1, 1].Array[12], Gen.Double[-1, 1]).Sample((n, a, xs, w) =>
        {
            var x = xs[..n];
            var dx = new double[n];
            var value = LoopFunctions.QuadraticFormGradient(x, a, w, dx);
            Close(LoopFunctions.QuadraticForm(x, a, w), value, 1e-13);
            for (var i = 0; i < n; i++)
            {
                var expected = 2 * w * i * x[i];
                for (var j = 0; j < n; j++)
                {
                    expected += (a[i * n + j] + a[j * n + i]) * x[j];
                }

                Close(expected, dx[i], 1e-12);
            }
        }, iter: 200);

    [Fact]
    public void FloatSpanGradientMatchesFiniteDifferences() =>
        Gen.Select(Gen.Float[-1, 1].Array[1, 20], Gen.Float[0.5f, 2f]).Sample((x, t) =>
        {
            var dx = new float[x.Length];
            var value = LoopFunctions.SoftSumGradient(x, t, dx, out var dt);
            Assert.Equal(LoopFunctions.SoftSum(x, t), value, 1e-5f);
            var wide = x.Select(v => (double)v).Append(t).ToArray();
            var expected = CentralGradient(v => SoftSumDouble(v[..^1], v[^1]), wide);
            for (var i = 0; i < x.Length; i++)
            {
                Assert.Equal(expected[i], dx[i], 1e-3);
            }

            Assert.Equal(expected[^1], dt, 1e-3);
        }, iter: 100);

    [Fact]
    public void ForEachOverAnArrayGivesTheSoftmax() => Vectors.Sample(x =>
    {
        var dx = new double[x.Length];
        var value = LoopFunctions.LogSumExpGradient(x, dx);
        var sum = x.Sum(Math.Exp);
        Close(Math.Log(sum), value, 1e-14);
        for (var i = 0; i < x.Length; i++)
        {
            Close(Math.Exp(x[i]) / sum, dx[i], 1e-14);
        }
    });

    [Fact]
    public void WhileLoopsMatchDual() =>
        Gen.Select(Gen.Double[-2, 2], Gen.Double[0.5, 0.95], Gen.Double[0.99, 0.999]).Sample((x, a, slow) =>
        {
            var (value, dx, da) = LoopFunctions.ContractGradient(x, a);
            Close(LoopFunctions.Contract(x, a), value, 1e-14);
            Close(DualContract(new Dual(x, 1), new Dual(a, 0)).Tangent, dx, 1e-9);
            Close(DualContract(new Dual(x, 0), new Dual(a, 1)).Tangent, da, 1e-9);

            var (decay, ddx, dslow) = LoopFunctions.DecayGradient(x, slow);
            Close(LoopFunctions.Decay(x, slow), decay, 1e-14);
            Close(DualDecay(new Dual(x, 1), new Dual(slow, 0)).Tangent, ddx, 1e-9);
            Close(DualDecay(new Dual(x, 0), new Dual(slow, 1)).Tangent, dslow, 1e-9);
        }, iter: 100);

    [Fact]
    public void ContinueSkipsTheRestOfTheBody() =>
        Gen.Select(Vectors, Gen.Double[-2, 2]).Sample((x, s) =>
        {
            var dx = new double[x.Length];
            var value = LoopFunctions.SkipNegativesGradient(x, s, dx, out var ds);
            Close(LoopFunctions.SkipNegatives(x, s), value, 1e-14);
            var expectedS = 0.0;
            for (var i = 0; i < x.Length; i++)
            {
                Close(x[i] < 0 ? -0.1 * s : 0.5 / Math.Sqrt(x[i]) * s * s, dx[i], 1e-12);
                expectedS += x[i] < 0 ? -0.1 * x[i] : 2 * s * Math.Sqrt(x[i]);
            }

            Close(expectedS, ds, 1e-12);
        });

    [Fact]
    public void BreakStopsTheLoopAndTheReversePassStartsThere() =>
        Gen.Select(Vectors, Gen.Double[0.1, 2]).Sample((x, scale) =>
        {
            var dx = new double[x.Length];
            var value = LoopFunctions.UntilExceededGradient(x, scale, dx, out var dscale);
            Close(LoopFunctions.UntilExceeded(x, scale), value, 1e-14);
            for (var i = 0; i < x.Length; i++)
            {
                var seeded = x.Select((v, j) => new Dual(v, i == j ? 1 : 0)).ToArray();
                Close(DualUntilExceeded(seeded, new Dual(scale, 0)).Tangent, dx[i], 1e-10);
            }

            Close(DualUntilExceeded(x.Select(v => new Dual(v, 0)).ToArray(), new Dual(scale, 1)).Tangent, dscale, 1e-10);
        });

    [Fact]
    public void LoopJvpsEqualTheGradientAlongTheDirection() =>
        Gen.Select(Vectors, Gen.Double[-1, 1].Array[40], Gen.Double[0.2, 1.5], Gen.Double[-1, 1]).Sample((x, direction, s, ds) =>
        {
            var v = direction[..x.Length];
            var dx = new double[x.Length];
            var value = LoopFunctions.RosenbrockGradient(x, dx);
            var (jvpValue, tangent) = LoopFunctions.RosenbrockJvp(x, v);
            Close(value, jvpValue, 1e-14);
            Close(Dot(dx, v), tangent, 1e-10);

            value = LoopFunctions.ScaledNormGradient(x, s, dx, out var gs);
            (jvpValue, tangent) = LoopFunctions.ScaledNormJvp(x, s, v, ds);
            Close(value, jvpValue, 1e-14);
            Close(Dot(dx, v) + gs * ds, tangent, 1e-10);

            value = LoopFunctions.UntilExceededGradient(x, s, dx, out gs);
            (jvpValue, tangent) = LoopFunctions.UntilExceededJvp(x, s, v, ds);
            Close(value, jvpValue, 1e-14);
            Close(Dot(dx, v) + gs * ds, tangent, 1e-10);

            var (r, rx, rr) = LoopFunctions.RecurrenceGradient(s, ds, x.Length * 7);
            Close(rx * v[0] + rr * 0.5, LoopFunctions.RecurrenceJvp(s, ds, x.Length * 7, v[0], 0.5).Tangent, 1e-10);
            var (_, cx, ca) = LoopFunctions.ContractGradient(ds, 0.5 + 0.25 * s);
            Close(cx * v[0] - ca, LoopFunctions.ContractJvp(ds, 0.5 + 0.25 * s, v[0], -1).Tangent, 1e-10);
            Assert.True(double.IsFinite(r));
        });

    private static double Dot(double[] a, double[] b) => a.Zip(b, (p, q) => p * q).Sum();

    [Fact]
    public void EarlyReturnInsideALoopMatchesDual() =>
        Gen.Select(Vectors, Gen.Double[1, 8]).Sample((x, threshold) =>
        {
            var dx = new double[x.Length];
            var value = LoopFunctions.FirstPastGradient(x, threshold, dx, out var dthreshold);
            Close(LoopFunctions.FirstPast(x, threshold), value, 1e-14);
            for (var i = 0; i < x.Length; i++)
            {
                var seeded = x.Select((v, j) => new Dual(v, i == j ? 1 : 0)).ToArray();
                Close(DualFirstPast(seeded, new Dual(threshold, 0)).Tangent, dx[i], 1e-10);
            }

            Close(DualFirstPast(x.Select(v => new Dual(v, 0)).ToArray(), new Dual(threshold, 1)).Tangent, dthreshold, 1e-10);
            var direction = x.Select((_, i) => Math.Cos(i)).ToArray();
            Close(Dot(dx, direction) + 0.5 * dthreshold, LoopFunctions.FirstPastJvp(x, threshold, direction, 0.5).Tangent, 1e-10);
        });

    [Fact]
    public void NestedRecurrencesOnTheMethodsStacksMatchDual() =>
        Gen.Select(Gen.Double[-1, 1].Array[1, 30], Gen.Double[-0.9, 0.9], Gen.Int[0, 40]).Sample((x, a, inner) =>
        {
            var dx = new double[x.Length];
            var value = LoopFunctions.NestedRecurrencesGradient(x, a, inner, dx, out var da);
            Close(LoopFunctions.NestedRecurrences(x, a, inner), value, 1e-14);
            var duals = x.Select(v => new Dual(v, 0)).ToArray();
            Close(DualNestedRecurrences(duals, new Dual(a, 1), inner).Tangent, da, 1e-9);
            for (var i = 0; i < x.Length; i++)
            {
                duals[i] = new Dual(x[i], 1);
                Close(DualNestedRecurrences(duals, new Dual(a, 0), inner).Tangent, dx[i], 1e-9);
                duals[i] = new Dual(x[i], 0);
            }
        }, iter: 100);

    [Fact]
    public void AGradientSpanOfTheWrongLengthIsAnArgumentExceptionNamingIt()
    {
        var exception = Assert.Throws<ArgumentException>(() => LoopFunctions.ScaledNormGradient([1.0, 2.0], 1.0, new double[3], out _));
        Assert.Equal("dx", exception.ParamName);
        Assert.Contains("length", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoopGradientsDoNotAllocate()
    {
        var small = new double[50];
        var large = new double[5000];
        for (var i = 0; i < large.Length; i++)
        {
            large[i] = Math.Sin(i);
            if (i < small.Length)
            {
                small[i] = Math.Cos(i);
            }
        }

        var dSmall = new double[small.Length];
        var dLarge = new double[large.Length];
        Allocations.AssertNoneAfterWarmUp(() => Run(small, large, dSmall, dLarge), repetitions: 200);
    }

    private static double Run(double[] small, double[] large, double[] dSmall, double[] dLarge) =>
        LoopFunctions.RosenbrockGradient(large, dLarge) + LoopFunctions.ScaledNormGradient(small, 0.7, dSmall, out var ds) + ds
        + LoopFunctions.RecurrenceGradient(0.3, 1.1, 100).dr + LoopFunctions.RecurrenceGradient(0.3, 1.1, 1000).dx
        + LoopFunctions.QuadraticFormGradient(small.AsSpan(0, 7), small, 0.5, dSmall.AsSpan(0, 7))
        + LoopFunctions.ContractGradient(1.5, 0.8).da + LoopFunctions.NestedRecurrencesGradient(small, 0.3, 30, dSmall, out var da) + da;

    private static Dual DualRecurrence(Dual x, Dual r, int steps)
    {
        var y = x;
        var product = new Dual(1, 0);
        for (var k = 0; k < steps; k++)
        {
            y = r * Dual.Sin(y) + 0.1 * y;
            product = y.Value > 0 ? product * (1 + 0.1 * y) : product - 0.05 * y * product;
        }

        return y + product;
    }

    private static Dual DualNestedRecurrences(Dual[] x, Dual a, int inner)
    {
        var total = new Dual(0, 0);
        for (var i = 0; i < x.Length; i++)
        {
            var p = x[i];
            for (var j = 0; j < inner; j++)
            {
                var q = p * a;
                for (var k = 0; k <= j % 3; k++)
                {
                    q = Dual.Sin(q) * p + 0.25 * x[(i + k) % x.Length];
                }

                p = 0.5 * p + q * a;
            }

            total = total * 0.9 + p * x[i];
        }

        return total;
    }

    private static Dual DualContract(Dual x, Dual a)
    {
        var y = x * x + 2;
        var path = new Dual(0, 0);
        while (y.Value > 1.1)
        {
            y = Dual.Sqrt(y) * a;
            path += y;
        }

        return y + path;
    }

    private static Dual DualDecay(Dual x, Dual a)
    {
        var y = 1 + x * x;
        var total = new Dual(0, 0);
        while (y.Value > 0.01)
        {
            y *= a;
            total += Dual.Sin(y) * y;
        }

        return total;
    }

    private static Dual DualUntilExceeded(Dual[] x, Dual scale)
    {
        var sum = new Dual(0, 0);
        for (var i = 0; i < x.Length; i++)
        {
            sum += x[i] * x[i] * scale;
            if (sum.Value > 1)
            {
                sum = Dual.Log(sum) + Dual.Sin(sum);
                break;
            }
        }

        return sum * scale;
    }

    private static Dual DualFirstPast(Dual[] x, Dual threshold)
    {
        var product = new Dual(1, 0);
        for (var i = 0; i < x.Length; i++)
        {
            product *= 1 + x[i] * x[i];
            if (product.Value > threshold.Value)
            {
                return Dual.Log(product) * x[i];
            }
        }

        return product - threshold;
    }

    private static Dual DualSwap(Dual a, Dual b, int n)
    {
        for (var i = 0; i <= n; i++)
        {
            var next = a + 0.5 * b * Dual.Cos(a);
            a = b;
            b = next;
        }

        return a * b;
    }

    private static double SoftSumDouble(double[] x, double t) => Math.Log(x.Sum(v => Math.Exp(t * v))) / t;
}
