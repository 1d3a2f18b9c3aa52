using CsCheck;
using static Leibniz.Generator.Tests.Runtime.Numeric;

namespace Leibniz.Generator.Tests.Idioms;

/// <summary>2-D arrays (differentiated, or [NoDerivative] data) and jagged [NoDerivative] rows read with foreach.</summary>
public sealed class GridTests
{
    private delegate double GridGradient(double[,] m, double a, double[,] dm, out double da);

    private delegate (double Value, double Tangent) GridJvp(double[,] m, double a, double[,] dm, double da);

    private delegate double DataGradient<TData>(double[] x, TData data, Span<double> dx);

    private delegate (double Value, double Tangent) DataJvp<TData>(double[] x, TData data, ReadOnlySpan<double> dx);

    private static readonly Gen<double[,]> Grids = Gen.Select(Gen.Int[0, 4], Gen.Int[0, 5], Gen.Double[-1.5, 1.5].Array[20])
        .Select((rows, columns, pool) =>
        {
            var m = new double[rows, columns];
            for (var i = 0; i < rows; i++)
            {
                for (var j = 0; j < columns; j++)
                {
                    m[i, j] = pool[i * columns + j];
                }
            }

            return m;
        });

    [Fact]
    public void ADifferentiated2DArrayGetsAGradientArrayOfItsShape() =>
        Gen.Select(Grids, Gen.Double[-2, 2]).Sample((m, a) =>
        {
            var f = IdiomAssembly.Generated<Func<double[,], double, double>>("Grids", "Frobenius");
            var gradient = IdiomAssembly.Generated<GridGradient>("Grids", "FrobeniusGradient");
            var jvp = IdiomAssembly.Generated<GridJvp>("Grids", "FrobeniusJvp");
            var twin = IdiomAssembly.Twin<Func<Dual[,], Dual, Dual>>("Grids", "Frobenius");
            var (rows, columns) = (m.GetLength(0), m.GetLength(1));
            var dm = new double[rows, columns];
            var value = gradient(m, a, dm, out var da);
            Close(f(m, a), value, 1e-14);
            var duals = new Dual[rows, columns];
            for (var i = 0; i < rows; i++)
            {
                for (var j = 0; j < columns; j++)
                {
                    duals[i, j] = new Dual(m[i, j], 0);
                }
            }

            Close(twin(duals, new Dual(a, 1)).Tangent, da, 1e-10);
            var direction = new double[rows, columns];
            var expected = 0.5 * da;
            for (var i = 0; i < rows; i++)
            {
                for (var j = 0; j < columns; j++)
                {
                    duals[i, j] = new Dual(m[i, j], 1);
                    Close(twin(duals, new Dual(a, 0)).Tangent, dm[i, j], 1e-10);
                    duals[i, j] = new Dual(m[i, j], 0);
                    var shifted = (double[,])m.Clone();
                    var h = 1e-4;
                    shifted[i, j] += h;
                    var up = f(shifted, a);
                    shifted[i, j] -= 2 * h;
                    Close((up - f(shifted, a)) / (2 * h), dm[i, j], 1e-6);
                    direction[i, j] = Math.Sin(i + 2 * j);
                    expected += direction[i, j] * dm[i, j];
                }
            }

            Close(expected, jvp(m, a, direction, 0.5).Tangent, 1e-12);
        }, iter: 100);

    [Fact]
    public void AGradientArrayOfTheWrongShapeIsRejectedByName()
    {
        var gradient = IdiomAssembly.Generated<GridGradient>("Grids", "FrobeniusGradient");
        var error = Assert.Throws<ArgumentException>(() => gradient(new double[2, 3], 1, new double[3, 2], out _));
        Assert.Equal("dm", error.ParamName);
        Assert.Contains("2 × 3", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => gradient(new double[2, 3], 1, null!, out _));
    }

    [Fact]
    public void A2DDataArrayGivesTheQuadraticFormsGradient() =>
        Gen.Select(Gen.Int[0, 5], Gen.Double[-2, 2].Array[36]).Sample((n, pool) =>
        {
            var x = pool[..n];
            var q = new double[n, n];
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    q[i, j] = pool[6 + i * n + j];
                }
            }

            var gradient = IdiomAssembly.Generated<DataGradient<double[,]>>("Grids", "QuadraticGradient");
            var jvp = IdiomAssembly.Generated<DataJvp<double[,]>>("Grids", "QuadraticJvp");
            var dx = new double[n];
            var value = gradient(x, q, dx);
            double expectedValue = 0, tangent = 0;
            for (var i = 0; i < n; i++)
            {
                double expected = 0;
                for (var j = 0; j < n; j++)
                {
                    expected += (q[i, j] + q[j, i]) * x[j];
                    expectedValue += x[i] * q[i, j] * x[j];
                }

                Close(expected, dx[i], 1e-12);
                tangent += dx[i] * (i + 1);
            }

            Close(expectedValue, value, 1e-12);
            Close(tangent, jvp(x, q, x.Select((_, i) => i + 1.0).ToArray()).Tangent, 1e-12);
        }, iter: 100);

    [Fact]
    public void ForeachOverJaggedRowsOfData() =>
        Gen.Select(Gen.Int[1, 5], Gen.Int[0, 6], Gen.Double[-1.5, 1.5].Array[40]).Sample((d, count, pool) =>
        {
            var w = pool[..d];
            var rows = Enumerable.Range(0, count).Select(r => pool.AsSpan(5 + r * d, d).ToArray()).ToArray();
            var f = IdiomAssembly.Generated<Func<double[], double[][], double>>("Grids", "Logistic");
            var gradient = IdiomAssembly.Generated<DataGradient<double[][]>>("Grids", "LogisticGradient");
            var jvp = IdiomAssembly.Generated<DataJvp<double[][]>>("Grids", "LogisticJvp");
            var twin = IdiomAssembly.Twin<Func<Dual[], Dual[][], Dual>>("Grids", "Logistic");
            var dw = new double[d];
            Close(f(w, rows), gradient(w, rows, dw), 1e-14);
            var dualRows = rows.Select(r => r.Select(v => new Dual(v, 0)).ToArray()).ToArray();
            var expected = CentralGradient(v => f(v, rows), w);
            for (var k = 0; k < d; k++)
            {
                Close(twin(w.Select((v, i) => new Dual(v, i == k ? 1 : 0)).ToArray(), dualRows).Tangent, dw[k], 1e-10);
                Close(expected[k], dw[k], 1e-6);
            }

            Close(dw.Sum(), jvp(w, rows, Enumerable.Repeat(1.0, d).ToArray()).Tangent, 1e-12);
        }, iter: 100);
}
