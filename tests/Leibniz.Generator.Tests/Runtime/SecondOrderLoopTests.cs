using CsCheck;
using static Leibniz.Generator.Tests.Runtime.Numeric;
using Leibniz.Testing;

namespace Leibniz.Generator.Tests.Runtime;

/// <summary>
/// Hvps and Hessians of methods with loops, arrays, spans, int and [NoDerivative] parameters, against central
/// differences of the generated (first-order, independently tested) gradient and the analytic Rosenbrock Hessian.
/// Every function is seen through flat vectors of all its differentiated variables, in parameter order.
/// </summary>
public sealed class SecondOrderLoopTests
{
    private static readonly Gen<double[]> Vectors = Gen.Double[-1.5, 1.5].Array[1, 24];

    /// <summary>One Order-2 method: its gradient, Hvp and Hessian over the flat vector of its differentiated variables.</summary>
    private sealed record Case(
        string Name,
        Func<double[], double[]> Gradient,
        Func<double[], double[], (double Value, double[] Gradient, double[] Product)> Hvp,
        Func<double[], (double Value, double[] Gradient, double[] Hessian)> Hessian,
        Func<double[], double> Value);

    private static readonly double[] Data = Enumerable.Range(0, 64).Select(i => Math.Cos(i * 0.7)).ToArray();

    private static IEnumerable<Case> Cases()
    {
        yield return new Case("Rosenbrock",
            x => Gradient(x, (p, d) => SecondOrderLoopFunctions.RosenbrockGradient(p, d)),
            (x, v) =>
            {
                var (d, h) = (new double[x.Length], new double[x.Length]);
                return (SecondOrderLoopFunctions.RosenbrockHvp(x, v, d, h), d, h);
            },
            x =>
            {
                var (d, h) = (new double[x.Length], new double[x.Length * x.Length]);
                return (SecondOrderLoopFunctions.RosenbrockHessian(x, d, h), d, h);
            },
            x => SecondOrderLoopFunctions.Rosenbrock(x));

        // Mixed(x, s, power = 3, data, weight = 0.7): the flat vector is x followed by s.
        yield return new Case("Mixed",
            all =>
            {
                var d = new double[all.Length - 1];
                SecondOrderLoopFunctions.MixedGradient(all[..^1], all[^1], 3, Data, 0.7, d, out var ds);
                return [.. d, ds];
            },
            (all, v) =>
            {
                var (d, h) = (new double[all.Length - 1], new double[all.Length - 1]);
                var value = SecondOrderLoopFunctions.MixedHvp(all[..^1], all[^1], 3, Data, 0.7, v[..^1], v[^1], d, out var ds, h, out var hs);
                return (value, [.. d, ds], [.. h, hs]);
            },
            all =>
            {
                var (d, h) = (new double[all.Length - 1], new double[all.Length * all.Length]);
                var value = SecondOrderLoopFunctions.MixedHessian(all[..^1], all[^1], 3, Data, 0.7, d, out var ds, h);
                return (value, [.. d, ds], h);
            },
            all => SecondOrderLoopFunctions.Mixed(all[..^1], all[^1], 3, Data, 0.7));

        yield return new Case("SkipAndStop",
            all =>
            {
                var d = new double[all.Length - 1];
                SecondOrderLoopFunctions.SkipAndStopGradient(all[..^1], all[^1], d, out var ds);
                return [.. d, ds];
            },
            (all, v) =>
            {
                var (d, h) = (new double[all.Length - 1], new double[all.Length - 1]);
                var value = SecondOrderLoopFunctions.SkipAndStopHvp(all[..^1], all[^1], v[..^1], v[^1], d, out var ds, h, out var hs);
                return (value, [.. d, ds], [.. h, hs]);
            },
            all =>
            {
                var (d, h) = (new double[all.Length - 1], new double[all.Length * all.Length]);
                var value = SecondOrderLoopFunctions.SkipAndStopHessian(all[..^1], all[^1], d, out var ds, h);
                return (value, [.. d, ds], h);
            },
            all => SecondOrderLoopFunctions.SkipAndStop(all[..^1], all[^1]));

        yield return new Case("Table",
            all =>
            {
                var d = new double[all.Length - 1];
                SecondOrderLoopFunctions.TableGradient(all[..^1], all[^1], d, out var ds);
                return [.. d, ds];
            },
            (all, v) =>
            {
                var (d, h) = (new double[all.Length - 1], new double[all.Length - 1]);
                var value = SecondOrderLoopFunctions.TableHvp(all[..^1], all[^1], v[..^1], v[^1], d, out var ds, h, out var hs);
                return (value, [.. d, ds], [.. h, hs]);
            },
            all =>
            {
                var (d, h) = (new double[all.Length - 1], new double[all.Length * all.Length]);
                var value = SecondOrderLoopFunctions.TableHessian(all[..^1], all[^1], d, out var ds, h);
                return (value, [.. d, ds], h);
            },
            all => SecondOrderLoopFunctions.Table(all[..^1], all[^1]));

        yield return new Case("Smooth",
            all =>
            {
                var d = new double[all.Length - 1];
                SecondOrderLoopFunctions.SmoothGradient(all[..^1], all[^1], d, out var ds);
                return [.. d, ds];
            },
            (all, v) =>
            {
                var (d, h) = (new double[all.Length - 1], new double[all.Length - 1]);
                var value = SecondOrderLoopFunctions.SmoothHvp(all[..^1], all[^1], v[..^1], v[^1], d, out var ds, h, out var hs);
                return (value, [.. d, ds], [.. h, hs]);
            },
            all =>
            {
                var (d, h) = (new double[all.Length - 1], new double[all.Length * all.Length]);
                var value = SecondOrderLoopFunctions.SmoothHessian(all[..^1], all[^1], d, out var ds, h);
                return (value, [.. d, ds], h);
            },
            all => SecondOrderLoopFunctions.Smooth(all[..^1], all[^1]));

        yield return new Case("Horner",
            all =>
            {
                var d = new double[all.Length - 1];
                SecondOrderLoopFunctions.HornerGradient(all[..^1], all[^1], d, out var ds);
                return [.. d, ds];
            },
            (all, v) =>
            {
                var (d, h) = (new double[all.Length - 1], new double[all.Length - 1]);
                var value = SecondOrderLoopFunctions.HornerHvp(all[..^1], all[^1], v[..^1], v[^1], d, out var ds, h, out var hs);
                return (value, [.. d, ds], [.. h, hs]);
            },
            all =>
            {
                var (d, h) = (new double[all.Length - 1], new double[all.Length * all.Length]);
                var value = SecondOrderLoopFunctions.HornerHessian(all[..^1], all[^1], d, out var ds, h);
                return (value, [.. d, ds], h);
            },
            all => SecondOrderLoopFunctions.Horner(all[..^1], all[^1]));

        yield return new Case("Settle",
            p =>
            {
                var (_, dx, da) = SecondOrderLoopFunctions.SettleGradient(p[0], p[1]);
                return [dx, da];
            },
            (p, v) =>
            {
                var (value, dx, da, hx, ha) = SecondOrderLoopFunctions.SettleHvp(p[0], p[1], v[0], v[1]);
                return (value, [dx, da], [hx, ha]);
            },
            p =>
            {
                var (value, dx, da, dxdx, dxda, dada) = SecondOrderLoopFunctions.SettleHessian(p[0], p[1]);
                return (value, [dx, da], [dxdx, dxda, dxda, dada]);
            },
            p => SecondOrderLoopFunctions.Settle(p[0], p[1]));

        yield return new Case("Awkward",
            all =>
            {
                var d = new double[all.Length - 1];
                SecondOrderLoopFunctions.AwkwardGradient(all[..^1], all[^1], all.Length - 1, 0.3, d, out var dvx);
                return [.. d, dvx];
            },
            (all, v) =>
            {
                var (d, h) = (new double[all.Length - 1], new double[all.Length - 1]);
                var value = SecondOrderLoopFunctions.AwkwardHvp(all[..^1], all[^1], all.Length - 1, 0.3, _vx: v[..^1], vvx: v[^1], dx: d, dvx: out var dvx, hvx: h, hvvx: out var hvvx);
                return (value, [.. d, dvx], [.. h, hvvx]);
            },
            all =>
            {
                var (d, h) = (new double[all.Length - 1], new double[all.Length * all.Length]);
                var value = SecondOrderLoopFunctions.AwkwardHessian(all[..^1], all[^1], all.Length - 1, 0.3, d, out var dvx, _hessian: h);
                return (value, [.. d, dvx], h);
            },
            all => SecondOrderLoopFunctions.Awkward(all[..^1], all[^1], all.Length - 1, 0.3));

        yield return new Case("Bumps",
            all =>
            {
                var d = new double[all.Length - 1];
                SecondOrderLoopFunctions.BumpsGradient(all[..^1], all[^1], d, out var ds);
                return [.. d, ds];
            },
            (all, v) =>
            {
                var (d, h) = (new double[all.Length - 1], new double[all.Length - 1]);
                var value = SecondOrderLoopFunctions.BumpsHvp(all[..^1], all[^1], v[..^1], v[^1], d, out var ds, h, out var hs);
                return (value, [.. d, ds], [.. h, hs]);
            },
            all =>
            {
                var (d, h) = (new double[all.Length - 1], new double[all.Length * all.Length]);
                var value = SecondOrderLoopFunctions.BumpsHessian(all[..^1], all[^1], d, out var ds, h);
                return (value, [.. d, ds], h);
            },
            all => SecondOrderLoopFunctions.Bumps(all[..^1], all[^1]));

        yield return new Case("CallsBump",
            p =>
            {
                var (_, dx, dy) = SecondOrderLoopFunctions.CallsBumpGradient(p[0], p[1]);
                return [dx, dy];
            },
            (p, v) =>
            {
                var (value, dx, dy, hx, hy) = SecondOrderLoopFunctions.CallsBumpHvp(p[0], p[1], v[0], v[1]);
                return (value, [dx, dy], [hx, hy]);
            },
            p =>
            {
                var (value, dx, dy, dxdx, dxdy, dydy) = SecondOrderLoopFunctions.CallsBumpHessian(p[0], p[1]);
                return (value, [dx, dy], [dxdx, dxdy, dxdy, dydy]);
            },
            p => SecondOrderLoopFunctions.CallsBump(p[0], p[1]));

        yield return new Case("Branchy",
            all =>
            {
                var d = new double[all.Length - 1];
                SecondOrderLoopFunctions.BranchyGradient(all[..^1], all[^1], d, out var ds);
                return [.. d, ds];
            },
            (all, v) =>
            {
                var (d, h) = (new double[all.Length - 1], new double[all.Length - 1]);
                var value = SecondOrderLoopFunctions.BranchyHvp(all[..^1], all[^1], v[..^1], v[^1], d, out var ds, h, out var hs);
                return (value, [.. d, ds], [.. h, hs]);
            },
            all =>
            {
                var (d, h) = (new double[all.Length - 1], new double[all.Length * all.Length]);
                var value = SecondOrderLoopFunctions.BranchyHessian(all[..^1], all[^1], d, out var ds, h);
                return (value, [.. d, ds], h);
            },
            all => SecondOrderLoopFunctions.Branchy(all[..^1], all[^1]));

        yield return new Case("Nested",
            x => Gradient(x, (p, d) => SecondOrderLoopFunctions.NestedGradient(p, d)),
            (x, v) =>
            {
                var (d, h) = (new double[x.Length], new double[x.Length]);
                return (SecondOrderLoopFunctions.NestedHvp(x, v, d, h), d, h);
            },
            x =>
            {
                var (d, h) = (new double[x.Length], new double[x.Length * x.Length]);
                return (SecondOrderLoopFunctions.NestedHessian(x, d, h), d, h);
            },
            x => SecondOrderLoopFunctions.Nested(x));

        yield return new Case("FreshBuffers",
            x => Gradient(x, (p, d) => SecondOrderLoopFunctions.FreshBuffersGradient(p, d)),
            (x, v) =>
            {
                var (d, h) = (new double[x.Length], new double[x.Length]);
                return (SecondOrderLoopFunctions.FreshBuffersHvp(x, v, d, h), d, h);
            },
            x =>
            {
                var (d, h) = (new double[x.Length], new double[x.Length * x.Length]);
                return (SecondOrderLoopFunctions.FreshBuffersHessian(x, d, h), d, h);
            },
            x => SecondOrderLoopFunctions.FreshBuffers(x));

        yield return new Case("Gated",
            x => Gradient(x, (p, d) => SecondOrderLoopFunctions.GatedGradient(p, d)),
            (x, v) =>
            {
                var (d, h) = (new double[x.Length], new double[x.Length]);
                return (SecondOrderLoopFunctions.GatedHvp(x, v, d, h), d, h);
            },
            x =>
            {
                var (d, h) = (new double[x.Length], new double[x.Length * x.Length]);
                return (SecondOrderLoopFunctions.GatedHessian(x, d, h), d, h);
            },
            x => SecondOrderLoopFunctions.Gated(x));

        yield return new Case("Logistic",
            x => Gradient(x, (p, d) => SecondOrderLoopFunctions.LogisticGradient(p, Data.AsSpan(0, p.Length), d)),
            (x, v) =>
            {
                var (d, h) = (new double[x.Length], new double[x.Length]);
                return (SecondOrderLoopFunctions.LogisticHvp(x, Data.AsSpan(0, x.Length), v, d, h), d, h);
            },
            x =>
            {
                var (d, h) = (new double[x.Length], new double[x.Length * x.Length]);
                return (SecondOrderLoopFunctions.LogisticHessian(x, Data.AsSpan(0, x.Length), d, h), d, h);
            },
            x => SecondOrderLoopFunctions.Logistic(x, Data.AsSpan(0, x.Length)));

        // Tuple forms (loops, no array): the first two entries of the flat vector are the scalars.
        yield return new Case("Contract",
            p =>
            {
                var (_, dx, da) = SecondOrderLoopFunctions.ContractGradient(p[0], p[1]);
                return [dx, da];
            },
            (p, v) =>
            {
                var (value, dx, da, hx, ha) = SecondOrderLoopFunctions.ContractHvp(p[0], p[1], v[0], v[1]);
                return (value, [dx, da], [hx, ha]);
            },
            p =>
            {
                var (value, dx, da, dxdx, dxda, dada) = SecondOrderLoopFunctions.ContractHessian(p[0], p[1]);
                return (value, [dx, da], [dxdx, dxda, dxda, dada]);
            },
            p => SecondOrderLoopFunctions.Contract(p[0], p[1]));

        yield return new Case("Recurrence",
            p =>
            {
                var (_, dx, dr) = SecondOrderLoopFunctions.RecurrenceGradient(p[0], p[1], 7);
                return [dx, dr];
            },
            (p, v) =>
            {
                var (value, dx, dr, hx, hr) = SecondOrderLoopFunctions.RecurrenceHvp(p[0], p[1], 7, v[0], v[1]);
                return (value, [dx, dr], [hx, hr]);
            },
            p =>
            {
                var (value, dx, dr, dxdx, dxdr, drdr) = SecondOrderLoopFunctions.RecurrenceHessian(p[0], p[1], 7);
                return (value, [dx, dr], [dxdx, dxdr, dxdr, drdr]);
            },
            p => SecondOrderLoopFunctions.Recurrence(p[0], p[1], 7));
    }

    /// <summary>SkipAndStop, Table and Branchy have kinks at 0 (a continue branch; Abs, Sign; the branch on s), Recurrence where an iterate is 0: their points keep away from 0.</summary>
    private static readonly Gen<double[]> AwayFromZero = Gen.Select(Gen.Double[0.01, 1.5], Gen.Bool, (m, negative) => negative ? -m : m).Array[1, 24];

    private static Gen<double[]> Points(Case c) => c.Name switch
    {
        "Contract" or "Settle" => Gen.Select(Gen.Double[-1.5, 1.5], Gen.Double[0.55, 0.9], (x, a) => new[] { x, a }),
        // r = −0.1 makes 0 a fixed point of y ↦ r·sin(y) + 0.1·y, where the loop's branch has its kink.
        "CallsBump" => Gen.Double[-1.5, 1.5].Array[2],
        "Recurrence" => Gen.Select(AwayFromZero, Gen.Double[0.15, 1.5], Gen.Bool, (x, r, negative) => new[] { x[0], negative ? -r : r }),
        "SkipAndStop" or "Table" or "Branchy" => AwayFromZero,
        // A polynomial of degree up to 22: with |x| ≤ 1 its third derivative stays small enough for central differences.
        "Horner" => Gen.Double[-1, 1].Array[1, 24],
        _ => Vectors,
    };

    [Fact]
    public void HvpEqualsCentralDifferencesOfTheGradient()
    {
        foreach (var c in Cases())
        {
            Gen.Select(Points(c), Gen.Int[0, int.MaxValue]).Sample((x, seed) =>
            {
                var v = RandomVector(x.Length, seed);
                var (value, gradient, product) = c.Hvp(x, v);
                Close(c.Value(x), value, 1e-13, c.Name + " value");
                var expectedGradient = c.Gradient(x);
                for (var i = 0; i < x.Length; i++)
                {
                    Close(expectedGradient[i], gradient[i], 1e-12, c.Name + " gradient");
                }

                if ((c.Name == "Contract" && ContractNearAStep(x)) || (c.Name == "Settle" && SettleNearAStep(x)))
                {
                    return;
                }

                var h = 1e-6;
                var plus = c.Gradient(x.Zip(v, (a, b) => a + h * b).ToArray());
                var minus = c.Gradient(x.Zip(v, (a, b) => a - h * b).ToArray());
                var scale = 1 + expectedGradient.Sum(Math.Abs) + product.Sum(Math.Abs);
                for (var i = 0; i < x.Length; i++)
                {
                    var difference = (plus[i] - minus[i]) / (2 * h);
                    Assert.True(Math.Abs(difference - product[i]) <= 1e-5 * scale, $"{c.Name}: (H·v)[{i}] = {product[i]:R}, central difference {difference:R}");
                }
            }, iter: 60);
        }
    }

    [Fact]
    public void HessianIsSymmetricAndTimesVIsTheHvp()
    {
        foreach (var c in Cases())
        {
            Gen.Select(Points(c), Gen.Int[0, int.MaxValue]).Sample((x, seed) =>
            {
                var n = x.Length;
                var (value, gradient, hessian) = c.Hessian(x);
                Close(c.Value(x), value, 1e-13, c.Name + " value");
                var expectedGradient = c.Gradient(x);
                var v = RandomVector(n, seed);
                var (_, _, product) = c.Hvp(x, v);
                for (var i = 0; i < n; i++)
                {
                    Close(expectedGradient[i], gradient[i], 1e-12, c.Name + " gradient");
                }

                AssertSymmetricWithProduct(c.Name, hessian, v, product);
            }, iter: 30);
        }
    }

    [Fact]
    public void RosenbrockHessianIsTheAnalyticTridiagonalOne() => Vectors.Sample(x =>
    {
        var n = x.Length;
        var hessian = new double[n * n];
        SecondOrderLoopFunctions.RosenbrockHessian(x, new double[n], hessian);
        var expected = new double[n * n];
        for (var i = 0; i < n - 1; i++)
        {
            expected[i * n + i] += 1200 * x[i] * x[i] - 400 * x[i + 1] + 2;
            expected[(i + 1) * n + i + 1] += 200;
            expected[i * n + i + 1] = expected[(i + 1) * n + i] = -400 * x[i];
        }

        for (var k = 0; k < n * n; k++)
        {
            Close(expected[k], hessian[k], 1e-12, "H[" + k + "]");
        }
    }, iter: 100);

    [Fact]
    public void ColoredSparseHessiansFromTheGeneratedHvpEqualTheGeneratedDenseHessian() => Vectors.Sample(x =>
    {
        var n = x.Length;
        var all = Enumerable.Range(0, n).SelectMany(i => Enumerable.Range(0, i).Select(j => (i, j))).ToArray();
        foreach (var (pattern, hvp, hessian) in new (SparseHessian, HessianVectorProduct<double>, SpanHessian)[]
        {
            (SparseHessian.Banded(n, 1), SecondOrderLoopFunctions.RosenbrockHvp, SecondOrderLoopFunctions.RosenbrockHessian),
            (SparseHessian.FromPattern(n, all), SecondOrderLoopFunctions.NestedHvp, SecondOrderLoopFunctions.NestedHessian),
        })
        {
            var values = new double[pattern.NonzeroCount];
            var fromColors = new double[n * n];
            var dense = new double[n * n];
            var (gradient, denseGradient) = (new double[n], new double[n]);

            var value = pattern.Evaluate(hvp, x, gradient, values);
            pattern.ToDense<double>(values, fromColors);

            Close(hessian(x, denseGradient, dense), value, 1e-14, "value");
            for (var i = 0; i < n; i++)
            {
                Close(denseGradient[i], gradient[i], 1e-14, $"gradient[{i}]");
            }

            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    // The dense Hessian's two triangles come from different Hvps and may differ in the last bit;
                    // the colored one reads both from one product, so it is exactly symmetric.
                    Close(dense[i * n + j], fromColors[i * n + j], 1e-14, $"H[{i}, {j}]");
                    Assert.Equal(fromColors[j * n + i], fromColors[i * n + j]);
                }
            }
        }
    }, iter: 50);

    [Fact]
    public void DetectFindsTheRosenbrockTridiagonalExceptWhereAnEntryVanishes() =>
        Gen.Double[0.1, 1.5].Array[3, 24].Sample(x =>
        {
            var tridiagonal = SparseHessian.Banded(x.Length, 1);

            var detected = SparseHessian.Detect<double>(SecondOrderLoopFunctions.RosenbrockHvp, x);
            Assert.Equal(tridiagonal.Columns.ToArray(), detected.Columns.ToArray());
            Assert.Equal(x.Length < 4 ? 2 : 3, detected.ColorCount);

            // ∂²f/∂x₀∂x₁ = −400·x₀ is 0 at x₀ = 0: detected there, the entry is missing (as documented).
            x[0] = 0;
            var atZero = SparseHessian.Detect<double>(SecondOrderLoopFunctions.RosenbrockHvp, x);
            Assert.Equal(tridiagonal.NonzeroCount - 2, atZero.NonzeroCount);
        }, iter: 50);

    [Fact]
    public void FloatHvpMatchesTheFloatGradientAndFiniteDifferences() =>
        Gen.Select(Gen.Float[-1.5f, 1.5f].Array[1, 16], Gen.Float[0.5f, 2f]).Sample((x, t) =>
        {
            var v = x.Select((_, i) => (float)Math.Cos(i)).ToArray();
            var (d, h) = (new float[x.Length], new float[x.Length]);
            var value = SecondOrderLoopFunctions.SoftSumHvp(x, t, v, 0.5f, d, out var dt, h, out var ht);
            var g = new float[x.Length];
            var expectedValue = SecondOrderLoopFunctions.SoftSumGradient(x, t, g, out var gt);
            Close(expectedValue, value, 1e-6, "value");
            Close(gt, dt, 1e-5, "dt");
            for (var i = 0; i < x.Length; i++)
            {
                Close(g[i], d[i], 1e-5, "dx");
            }

            // Central differences of the float gradient in double arithmetic would be noise; the double Hessian
            // of log-sum-exp/t is known: with p = softmax(t·x), ∂²/∂xᵢ∂xⱼ = t(pᵢδᵢⱼ − pᵢpⱼ).
            var weights = x.Select(xi => Math.Exp(t * (double)xi)).ToArray();
            var p = weights.Select(w => w / weights.Sum()).ToArray();
            var pv = p.Zip(v, (a, b) => a * b).Sum();
            for (var i = 0; i < x.Length; i++)
            {
                var fromX = t * (p[i] * v[i] - p[i] * pv);
                var mixed = 0.5 * p[i] * (x[i] - p.Zip(x, (a, b) => a * b).Sum());
                Close(fromX + mixed, h[i], 1e-4, "hvx");
            }

            Assert.True(float.IsFinite(ht));
        });

    [Fact]
    public void FloatHessiansAgreeWithTheFloatHvpAndTheDoubleMethod() =>
        Gen.Select(Gen.Float[-1.5f, 1.5f].Array[1, 12], Gen.Float[0.5f, 2f], Gen.Float[0.05f, 1.5f], Gen.Float[0.15f, 1.5f], Gen.Bool).Sample((x, t, y, magnitude, negative) =>
        {
            // |r| ≥ 0.15 keeps away from r = −0.1, where the iterates approach the recurrence's branch at 0.
            var r = negative ? -magnitude : magnitude;
            var n = x.Length + 1;
            var hessian = new float[n * n];
            SecondOrderLoopFunctions.SoftSumHessian(x, t, new float[x.Length], out _, hessian);
            var v = new float[x.Length];
            for (var j = 0; j < n; j++)
            {
                var h = new float[x.Length];
                if (j < x.Length)
                {
                    v[j] = 1;
                }

                SecondOrderLoopFunctions.SoftSumHvp(x, t, v, j == x.Length ? 1 : 0, new float[x.Length], out _, h, out var ht);
                Array.Clear(v);
                for (var i = 0; i < n; i++)
                {
                    Assert.Equal(i < x.Length ? h[i] : ht, hessian[j * n + i]);
                    Close(hessian[i * n + j], hessian[j * n + i], 1e-5, "symmetry");
                }
            }

            var single = SecondOrderLoopFunctions.RecurrenceSingleHessian(y, r, 6);
            var reference = SecondOrderLoopFunctions.RecurrenceHessian(y, r, 6);
            Close(reference.Value, single.Value, 1e-4, "value");
            Close(reference.dx, single.dx, 1e-4, "dx");
            Close(reference.dr, single.dr, 1e-4, "dr");
            Close(reference.dxdx, single.dxdx, 1e-4, "dxdx");
            Close(reference.dxdr, single.dxdr, 1e-4, "dxdr");
            Close(reference.drdr, single.drdr, 1e-4, "drdr");
        });

    [Fact]
    public void WrongLengthsThrowNamingTheSpan()
    {
        var x = new double[4];
        var ok = new double[4];
        Assert.Equal("vx", Assert.Throws<ArgumentException>(() => SecondOrderLoopFunctions.RosenbrockHvp(x, new double[3], ok, ok)).ParamName);
        Assert.Equal("dx", Assert.Throws<ArgumentException>(() => SecondOrderLoopFunctions.RosenbrockHvp(x, ok, new double[5], ok)).ParamName);
        Assert.Equal("hvx", Assert.Throws<ArgumentException>(() => SecondOrderLoopFunctions.RosenbrockHvp(x, ok, ok, new double[2])).ParamName);
        Assert.Equal("dx", Assert.Throws<ArgumentException>(() => SecondOrderLoopFunctions.RosenbrockHessian(x, new double[3], new double[16])).ParamName);
        var wrong = Assert.Throws<ArgumentException>(() => SecondOrderLoopFunctions.MixedHessian(x, 1, 2, Data, 0.5, ok, out _, new double[16]));
        Assert.Equal("hessian", wrong.ParamName);
        Assert.Contains("N² = 25", wrong.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptySpansGiveAnEmptyHessian()
    {
        var value = SecondOrderLoopFunctions.RosenbrockHessian([], [], []);
        Assert.Equal(0, value);
    }

    [Fact]
    public void HvpsAndHessiansDoNotAllocate()
    {
        var small = Enumerable.Range(0, 200).Select(i => Math.Sin(i)).ToArray();
        var large = Enumerable.Range(0, 5000).Select(i => Math.Sin(i)).ToArray();
        var buffers = (new double[5000], new double[5000], new double[300 * 300]);
        Allocations.AssertNoneAfterWarmUp(() => Run(small, large, buffers), repetitions: 20);
    }

    private static double Run(double[] small, double[] large, (double[] D, double[] H, double[] Hessian) b)
    {
        var sink = SecondOrderLoopFunctions.RosenbrockHvp(small, small, b.D.AsSpan(0, 200), b.H.AsSpan(0, 200));
        sink += SecondOrderLoopFunctions.RosenbrockHvp(large, large, b.D, b.H);
        sink += SecondOrderLoopFunctions.MixedHvp(small.AsSpan(0, 40), 0.3, 4, Data, 0.5, small.AsSpan(0, 40), 1, b.D.AsSpan(0, 40), out var ds, b.H.AsSpan(0, 40), out var hs) + ds + hs;
        sink += SecondOrderLoopFunctions.NestedHessian(small.AsSpan(0, 20), b.D.AsSpan(0, 20), b.Hessian.AsSpan(0, 400));
        sink += SecondOrderLoopFunctions.RosenbrockHessian(large.AsSpan(0, 300), b.D.AsSpan(0, 300), b.Hessian);
        sink += SecondOrderLoopFunctions.ContractHessian(0.3, 0.8).dxda + SecondOrderLoopFunctions.RecurrenceHvp(0.2, 0.9, 40, 1, -1).hvr;
        return sink;
    }

    /// <summary>Contract's trip count jumps where some iterate crosses 1.1; a difference across that jump is meaningless.</summary>
    private static bool ContractNearAStep(double[] p)
    {
        var (x, a) = (p[0], p[1]);
        var y = x * x + 2;
        while (y > 1.1)
        {
            y = Math.Sqrt(y) * a;
            if (Math.Abs(y - 1.1) < 1e-4)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Settle's trip count jumps where some iterate crosses 1.2.</summary>
    private static bool SettleNearAStep(double[] p)
    {
        var (x, a) = (p[0], p[1]);
        var y = x * x + 1;
        do
        {
            y = Math.Sqrt(y) * a + 0.01 * y;
            if (Math.Abs(y - 1.2) < 1e-4)
            {
                return true;
            }
        }
        while (y > 1.2);

        return false;
    }

    private static double[] Gradient(double[] x, Func<double[], double[], double> gradient)
    {
        var d = new double[x.Length];
        gradient(x, d);
        return d;
    }

    private delegate double SpanHessian(ReadOnlySpan<double> x, Span<double> gradient, Span<double> hessian);
}
