using CsCheck;
using static Leibniz.Generator.Tests.Runtime.Numeric;

namespace Leibniz.Generator.Tests.Runtime;

/// <summary>
/// Gradients and Jvps of methods that pass arrays and spans to other [Differentiable] methods, against the same
/// functions written on <see cref="Dual"/> (one forward sweep per direction) and against finite differences.
/// </summary>
public sealed class ArrayCallTests
{
    private static readonly Gen<double[]> Vectors = Gen.Double[-1.5, 1.5].Array[1, 12];

    [Fact]
    public void LeastSquaresWithARidgePenaltyMatchesDual() =>
        Gen.Select(Vectors, Gen.Double[-1, 1], Gen.Double[-1, 1].Array[20], Gen.Double[-2, 2].Array[20], Gen.Int[1, 20]).Sample((w, bias, x, y, n) =>
        {
            var dw = new double[w.Length];
            var value = ArrayCallFunctions.LossGradient(w, bias, x, y, n, dw, out var dbias);
            Close(ArrayCallFunctions.Loss(w, bias, x, y, n), value, 1e-14);
            Check(w.Append(bias).ToArray(), v => DualLoss(v[..^1], v[^1], x, y, n), dw.Append(dbias).ToArray(),
                direction => ArrayCallFunctions.LossJvp(w, bias, x, y, n, direction[..^1], direction[^1]));
        }, iter: 200);

    [Fact]
    public void ACallInALoopWhoseReverseRecomputesTheBodyMatchesDual() =>
        Gen.Select(Vectors, Gen.Double[-1, 1], Gen.Int[0, 40]).Sample((w, y0, steps) =>
        {
            var dw = new double[w.Length];
            var value = ArrayCallFunctions.RecurrenceGradient(w, y0, steps, dw, out var dy0);
            Close(ArrayCallFunctions.Recurrence(w, y0, steps), value, 1e-14);
            Check(w.Append(y0).ToArray(), v => DualRecurrence(v[..^1], v[^1], steps), dw.Append(dy0).ToArray(),
                direction => ArrayCallFunctions.RecurrenceJvp(w, y0, steps, direction[..^1], direction[^1]));
        }, iter: 200);

    [Fact]
    public void ALocalArrayPassedTwiceAndNextToAParameterMatchesDual() =>
        Gen.Select(Vectors, Gen.Double[-2, 2]).Sample((x, s) =>
        {
            var dx = new double[x.Length];
            var value = ArrayCallFunctions.CentredEnergyGradient(x, s, dx, out var ds);
            Close(ArrayCallFunctions.CentredEnergy(x, s), value, 1e-14);
            Check(x.Append(s).ToArray(), v => DualCentredEnergy(v[..^1], v[^1]), dx.Append(ds).ToArray(),
                direction => ArrayCallFunctions.CentredEnergyJvp(x, s, direction[..^1], direction[^1]));
        }, iter: 200);

    [Fact]
    public void DataArraysPassedToDifferentiatedAndToDataParametersMatchDual() =>
        Gen.Select(Vectors, Gen.Double[-1, 1].Array[12], Gen.Double[-1, 1]).Sample((w, allData, s) =>
        {
            var data = allData[..w.Length];
            var dw = new double[w.Length];
            var value = ArrayCallFunctions.AgainstDataGradient(w, data, s, dw, out var ds);
            Close(ArrayCallFunctions.AgainstData(w, data, s), value, 1e-14);
            Check(w.Append(s).ToArray(), v => DualAgainstData(v[..^1], data, v[^1]), dw.Append(ds).ToArray(),
                direction => ArrayCallFunctions.AgainstDataJvp(w, data, s, direction[..^1], direction[^1]));
        }, iter: 200);

    [Fact]
    public void CallsInBothSidesOfABranchMatchDual() =>
        Gen.Select(Gen.Int[1, 10], Gen.Double[-1.5, 1.5].Array[20], Gen.Double[-2, 2]).Sample((n, ab, s) =>
        {
            var (a, b) = (ab[..n], ab[10..(10 + n)]);
            var (da, db) = (new double[n], new double[n]);
            var value = ArrayCallFunctions.BranchesGradient(a, b, s, da, db, out var ds);
            Close(ArrayCallFunctions.Branches(a, b, s), value, 1e-14);
            Check(a.Concat(b).Append(s).ToArray(), v => DualBranches(v[..n], v[n..^1], v[^1]), da.Concat(db).Append(ds).ToArray(),
                direction => ArrayCallFunctions.BranchesJvp(a, b, s, direction[..n], direction[n..^1], direction[^1]));
        }, iter: 200);

    [Fact]
    public void ACallInABranchInALoopWithAnIntArgumentMatchesDual() =>
        Gen.Select(Vectors, Gen.Double[-1.2, 1.2]).SelectMany((a, s) => Gen.Int[0, a.Length].Select(m => (a, s, m))).Sample(c =>
        {
            var da = new double[c.a.Length];
            var value = ArrayCallFunctions.PrefixesGradient(c.a, c.s, c.m, da, out var ds);
            Close(ArrayCallFunctions.Prefixes(c.a, c.s, c.m), value, 1e-14);
            Check(c.a.Append(c.s).ToArray(), v => DualPrefixes(v[..^1], v[^1], c.m), da.Append(ds).ToArray(),
                direction => ArrayCallFunctions.PrefixesJvp(c.a, c.s, c.m, direction[..^1], direction[^1]));
        }, iter: 200);

    [Fact]
    public void ACalleeWithADataScalarIsDifferentiatedOnlyInTheOthers() =>
        Gen.Select(Gen.Double[-2, 2], Gen.Double[-2, 2]).Sample((x, y) =>
        {
            var (value, dx, dy) = ArrayCallFunctions.UsesShiftGradient(x, y);
            Close(ArrayCallFunctions.UsesShift(x, y), value, 1e-14);
            static Dual Shift(Dual u, double c) => (u - c) * (u - c) * Math.Exp(-0.1 * c);
            Dual Reference(Dual u, Dual v) => Shift(u * v, 2.5) + Shift(v, u.Value);
            Close(Reference(new Dual(x, 1), new Dual(y, 0)).Tangent, dx, 1e-12);
            Close(Reference(new Dual(x, 0), new Dual(y, 1)).Tangent, dy, 1e-12);
            var (jvpValue, tangent) = ArrayCallFunctions.UsesShiftJvp(x, y, 0.3, -0.7);
            Close(value, jvpValue, 1e-14);
            Close(Reference(new Dual(x, 0.3), new Dual(y, -0.7)).Tangent, tangent, 1e-12);
        }, iter: 200);

    [Fact]
    public void SpansLongerThanTheStackLimitUsePooledScratchBuffers() =>
        Gen.Select(Gen.Int[257, 700], Gen.Double[-1, 1]).Sample((n, s) =>
        {
            var x = Enumerable.Range(0, n).Select(i => Math.Sin(0.37 * i + s)).ToArray();
            var dx = new double[n];
            var value = ArrayCallFunctions.CentredEnergyGradient(x, s, dx, out var ds);
            Close(ArrayCallFunctions.CentredEnergy(x, s), value, 1e-13);
            Check(x.Append(s).ToArray(), v => DualCentredEnergy(v[..^1], v[^1]), dx.Append(ds).ToArray(),
                direction => ArrayCallFunctions.CentredEnergyJvp(x, s, direction[..^1], direction[^1]));
        }, iter: 10);

    [Fact]
    public void FloatMethodsAgreeWithTheDoubleReference() =>
        Gen.Select(Gen.Float[-1.5f, 1.5f].Array[1, 12], Gen.Float[-1.5f, 1.5f]).Sample((x, s) =>
        {
            var dx = new float[x.Length];
            var value = ArrayCallFunctions.CentredEnergyFGradient(x, s, dx, out var ds);
            Assert.Equal(ArrayCallFunctions.CentredEnergyF(x, s), value, 1e-5f);
            var wide = x.Select(v => (double)v).Append(s).ToArray();
            var expected = DualGradient(wide, v => DualCentredEnergyF(v[..^1], v[^1]));
            for (var i = 0; i < x.Length; i++)
            {
                Close(expected[i], dx[i], 1e-4);
            }

            Close(expected[^1], ds, 1e-4);
            var direction = x.Select((_, i) => (float)Math.Cos(i)).ToArray();
            var (_, tangent) = ArrayCallFunctions.CentredEnergyFJvp(x, s, direction, 0.5f);
            Close(DualTangent(wide, direction.Select(d => (double)d).Append(0.5).ToArray(), v => DualCentredEnergyF(v[..^1], v[^1])), tangent, 1e-4);
        }, iter: 200);

    [Fact]
    public void ACallInAnAccumulatorLoopReversedAsItRunsMatchesFiniteDifferences() =>
        Gen.Select(Vectors, Gen.Double[-1, 1].Array[0, 15]).Sample((w, x) =>
        {
            var dw = new double[w.Length];
            var value = ArrayCallFunctions.SumOfPredictionsGradient(w, x, dw);
            Close(ArrayCallFunctions.SumOfPredictions(w, x), value, 1e-14);
            var expected = CentralGradient(v => ArrayCallFunctions.SumOfPredictions(v, x), w);
            for (var i = 0; i < w.Length; i++)
            {
                Close(expected[i], dw[i], 1e-6);
            }

            var direction = w.Select((_, i) => Math.Cos(i)).ToArray();
            Close(dw.Zip(direction, (g, d) => g * d).Sum(), ArrayCallFunctions.SumOfPredictionsJvp(w, x, direction).Tangent, 1e-12);
        }, iter: 200);

    [Fact]
    public void CallsInNestedAndWhileLoopsMatchDual() =>
        Gen.Select(Gen.Double[-1, 1].Array[1, 6], Gen.Double[-1, 1], Gen.Int[0, 4]).Sample((w, t, rows) =>
        {
            var dw = new double[w.Length];
            var value = ArrayCallFunctions.NestedGradient(w, t, rows, dw, out var dt);
            Close(ArrayCallFunctions.Nested(w, t, rows), value, 1e-14);
            Check(w.Append(t).ToArray(), v => DualNested(v[..^1], v[^1], rows), dw.Append(dt).ToArray(),
                direction => ArrayCallFunctions.NestedJvp(w, t, rows, direction[..^1], direction[^1]));
        }, iter: 200);

    [Fact]
    public void CallsInARecordedNestAndInALoopWithABreakMatchDual() =>
        Gen.Select(Gen.Double[-1, 1].Array[1, 6], Gen.Double[-1, 1], Gen.Int[0, 4]).Sample((w, t, rows) =>
        {
            var dw = new double[w.Length];
            var value = ArrayCallFunctions.RecordedGradient(w, t, rows, dw, out var dt);
            Close(ArrayCallFunctions.Recorded(w, t, rows), value, 1e-14);
            Check(w.Append(t).ToArray(), v => DualRecorded(v[..^1], v[^1], rows), dw.Append(dt).ToArray(),
                direction => ArrayCallFunctions.RecordedJvp(w, t, rows, direction[..^1], direction[^1]));
        }, iter: 200);

    [Fact]
    public void AnArrayDeclaredInALoopBodyPassedToCalleesMatchesDual() =>
        Gen.Select(Gen.Int[1, 5], Gen.Int[0, 4], Gen.Double[-1.5, 1.5].Array[5], Gen.Double[-1, 1].Array[20]).Sample((d, points, weights, data) =>
        {
            var (w, x) = (weights[..d], data[..(d * points)]);
            var dw = new double[d];
            var value = ArrayCallFunctions.PerPointGradient(w, x, d, dw);
            Close(ArrayCallFunctions.PerPoint(w, x, d), value, 1e-14);
            Check(w, v => DualPerPoint(v, x, d), dw, direction => ArrayCallFunctions.PerPointJvp(w, x, d, direction));
        }, iter: 200);

    [Fact]
    public void SpansUsedOnlyByOneCallMatchDual() =>
        Gen.Select(Gen.Int[1, 10], Gen.Double[-1.5, 1.5].Array[20], Gen.Double[-2, 2]).Sample((n, ab, s) =>
        {
            var (a, b) = (ab[..n], ab[10..(10 + n)]);
            var (da, db) = (new double[n], new double[n]);
            double[] Both() => da.Concat(db).ToArray();
            var point = a.Concat(b).ToArray();

            Close(ArrayCallFunctions.Wrapped(a, b), ArrayCallFunctions.WrappedGradient(a, b, da, db), 1e-14);
            Check(point, v => DualDot(v[..n], v[n..]), Both(), d => ArrayCallFunctions.WrappedJvp(a, b, d[..n], d[n..]));

            Close(ArrayCallFunctions.Margin(a, b), ArrayCallFunctions.MarginGradient(a, b, da, db), 1e-14);
            Check(point, v => Dual.Log(1 + Dual.Exp(-DualDot(v[..n], v[n..]) / n)), Both(), d => ArrayCallFunctions.MarginJvp(a, b, d[..n], d[n..]));

            Close(ArrayCallFunctions.Gate(a, b, s), ArrayCallFunctions.GateGradient(a, b, s, da, db, out var ds), 1e-14);
            Check(point.Append(s).ToArray(), v => DualDot(v[..n], v[n..^1]).Value > v[^1].Value ? v[^1] * v[^1] : Dual.Sin(v[^1]), Both().Append(ds).ToArray(),
                d => ArrayCallFunctions.GateJvp(a, b, s, d[..n], d[n..^1], d[^1]));

            Close(ArrayCallFunctions.Either(a, b, s), ArrayCallFunctions.EitherGradient(a, b, s, da, db, out ds), 1e-14);
            Check(point.Append(s).ToArray(), v => v[^1].Value > 0 ? v[^1] * DualDot(v[..n], v[n..^1]) : Dual.Exp(v[^1]) * DualDot(v[n..^1], v[n..^1]),
                Both().Append(ds).ToArray(), d => ArrayCallFunctions.EitherJvp(a, b, s, d[..n], d[n..^1], d[^1]));
        }, iter: 200);

    [Fact]
    public void GenericMethodsCallingGenericMethodsMatchThemselvesOnDual() =>
        Gen.Select(Vectors, Gen.Double[-1.5, 1.5], Gen.Double[-1, 1].Array[12]).Sample((w, s, allData) =>
        {
            var data = allData[..w.Length];
            var dw = new double[w.Length];
            var value = GenericArrayCallFunctions.FitGradient<double>(w, s, data, dw, out var ds);
            Close(GenericArrayCallFunctions.Fit<double>(w, s, data), value, 1e-14);
            var dualData = data.Select(d => new Dual(d, 0)).ToArray();
            Check(w.Append(s).ToArray(), v => GenericArrayCallFunctions.Fit<Dual>(v[..^1], v[^1], dualData), dw.Append(ds).ToArray(),
                direction => GenericArrayCallFunctions.FitJvp<double>(w, s, data, direction[..^1], direction[^1]));

            var single = w.Select(v => (float)v).ToArray();
            var dwSingle = new float[w.Length];
            Close(value, GenericArrayCallFunctions.FitGradient<float>(single, (float)s, data.Select(d => (float)d).ToArray(), dwSingle, out var dsSingle), 1e-4);
            for (var i = 0; i < w.Length; i++)
            {
                Close(dw[i], dwSingle[i], 1e-3);
            }

            Close(ds, dsSingle, 1e-3);
        }, iter: 200);

    /// <summary>
    /// The generated gradient equals the Dual one (one sweep per variable), and the generated Jvp in a direction
    /// equals the Dual tangent in it.
    /// </summary>
    private static void Check(double[] point, Func<Dual[], Dual> reference, double[] gradient, Func<double[], (double Value, double Tangent)> jvp)
    {
        var expected = DualGradient(point, reference);
        for (var i = 0; i < point.Length; i++)
        {
            Close(expected[i], gradient[i], 1e-11);
        }

        var direction = point.Select((_, i) => Math.Sin(1.7 * i + 0.3)).ToArray();
        var (value, tangent) = jvp(direction);
        Close(reference(point.Select(v => new Dual(v, 0)).ToArray()).Value, value, 1e-14);
        Close(DualTangent(point, direction, reference), tangent, 1e-11);
    }

    private static double[] DualGradient(double[] point, Func<Dual[], Dual> f) =>
        point.Select((_, i) => DualTangent(point, point.Select((_, j) => i == j ? 1.0 : 0.0).ToArray(), f)).ToArray();

    private static double DualTangent(double[] point, double[] direction, Func<Dual[], Dual> f) =>
        f(point.Select((v, i) => new Dual(v, direction[i])).ToArray()).Tangent;

    private static Dual DualDot(Dual[] a, Dual[] b)
    {
        var s = new Dual(0, 0);
        for (var i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }

    private static Dual DualLoss(Dual[] w, Dual bias, double[] x, double[] y, int n)
    {
        var sum = new Dual(0, 0);
        for (var i = 0; i < n; i++)
        {
            var p = new Dual(0, 0);
            for (var k = w.Length - 1; k >= 0; k--)
            {
                p = p * x[i] + w[k];
            }

            var r = p + bias - y[i];
            sum += r * r;
        }

        return sum / n + 0.01 * DualDot(w, w);
    }

    private static Dual DualRecurrence(Dual[] w, Dual y0, int steps)
    {
        var y = y0;
        for (var i = 0; i < steps; i++)
        {
            var response = new Dual(0, 0);
            for (var k = 0; k < w.Length; k++)
            {
                response += Dual.Tanh(w[k] * y) / (k + 1);
            }

            y = Dual.Sin(y) + 0.5 * response;
        }

        return y * y;
    }

    private static Dual DualResponse(Dual[] w, Dual t)
    {
        var s = new Dual(0, 0);
        for (var k = 0; k < w.Length; k++)
        {
            s += Dual.Tanh(w[k] * t) / (k + 1);
        }

        return s;
    }

    private static Dual DualRecorded(Dual[] w, Dual t, int rows)
    {
        var total = new Dual(0, 0);
        for (var r = 0; r < rows; r++)
        {
            var inner = t * (r + 1);
            for (var j = 0; j < 3; j++)
            {
                inner = Dual.Sin(inner) + 0.3 * DualResponse(w, inner);
            }

            total = total * 0.5 + inner * DualDot(w, w);
        }

        var y = t;
        for (var k = 0; k < 10; k++)
        {
            y = 0.8 * y + 0.1 * DualResponse(w, y + total);
            if (y.Value > 2)
            {
                break;
            }
        }

        return y + total;
    }

    private static Dual DualPerPoint(Dual[] w, double[] x, int d)
    {
        var total = new Dual(0, 0);
        for (var p = 0; p < x.Length / d; p++)
        {
            var features = Enumerable.Range(0, d).Select(k => Dual.Tanh(x[p * d + k] * w[k])).ToArray();
            total += DualDot(features, w) * DualDot(features, features);
        }

        return total;
    }

    private static Dual DualNested(Dual[] w, Dual t, int rows)
    {
        var total = new Dual(0, 0);
        for (var r = 0; r < rows; r++)
        {
            var row = w.Select(v => Dual.Sin(v * (r + 1) + t)).ToArray();
            var inner = t;
            for (var j = 0; j < 3; j++)
            {
                inner = Dual.Tanh(inner + DualResponse(w, inner) * 0.3);
            }

            total += DualDot(row, w) * inner;
        }

        var y = total;
        while (y.Value > 1)
        {
            y = 0.5 * y + 0.1 * DualResponse(w, y);
        }

        return y;
    }

    private static Dual DualCentredEnergy(Dual[] x, Dual s)
    {
        var mean = new Dual(0, 0);
        foreach (var v in x)
        {
            mean += v;
        }

        mean /= x.Length;
        var c = x.Select(v => s * (v - mean)).ToArray();
        return DualDot(c, c) + Dual.Sin(DualDot(c, x));
    }

    private static Dual DualAgainstData(Dual[] w, double[] data, Dual s)
    {
        var scaled = new Dual(0, 0);
        for (var i = 0; i < w.Length; i++)
        {
            scaled += Dual.Exp(s * data[i]) * w[i];
        }

        return DualDot(w, data.Select(d => new Dual(d, 0)).ToArray()) * scaled;
    }

    private static Dual DualBranches(Dual[] a, Dual[] b, Dual s)
    {
        if (s.Value > 0)
        {
            return s * DualDot(a, b) + DualDot(b, b);
        }

        var d = DualDot(b, a);
        return Dual.Exp(s) * d * d;
    }

    private static Dual DualPrefixes(Dual[] a, Dual s, int m)
    {
        var total = new Dual(0, 0);
        for (var k = 1; k <= m; k++)
        {
            if (total.Value < 10)
            {
                total = total * s + DualDot(a[..k], a[..k]);
            }
        }

        return total;
    }

    private static Dual DualCentredEnergyF(Dual[] x, Dual s)
    {
        var c = x.Select(v => Dual.Sin(s * v)).ToArray();
        return DualDot(c, c) + s * DualDot(c, x);
    }
}
