using CsCheck;

namespace Leibniz.Tests;

/// <summary>
/// Colored sparse Hessians: the coloring is a star coloring, and the entries recovered from one product per color
/// are exactly the dense Hessian's, on random symmetric patterns.
/// </summary>
public sealed class SparseHessianTests
{
    private static readonly Gen<(int Size, double Density, int Seed)> RandomPatterns =
        Gen.Select(Gen.Int[1, 40], Gen.Double[0, 0.4], Gen.Int);

    [Fact]
    public void TheColoringIsADistanceOneColoringWithoutTwoColoredPathsOnFourVertices()
    {
        RandomPatterns.Sample(p =>
        {
            var pattern = SparseHessian.FromPattern(p.Size, RandomPairs(p.Size, p.Density, p.Seed));
            var colors = pattern.Colors;
            var neighbors = Neighbors(pattern);
            for (var a = 0; a < p.Size; a++)
            {
                foreach (var b in neighbors[a])
                {
                    Assert.NotEqual(colors[a], colors[b]);
                    foreach (var c in neighbors[b].Where(c => c != a))
                    {
                        foreach (var d in neighbors[c].Where(d => d != a && d != b))
                        {
                            Assert.False(
                                colors[a] == colors[c] && colors[b] == colors[d],
                                $"path {a}-{b}-{c}-{d} has only the colors {colors[a]} and {colors[b]}");
                        }
                    }
                }
            }
        });
    }

    [Fact]
    public void RecoveredEntriesEqualTheDenseHessianExactly()
    {
        RandomPatterns.Sample(p =>
        {
            var (pattern, hessian, hvp) = RandomQuadratic(p.Size, p.Density, p.Seed);
            var x = Enumerable.Range(0, p.Size).Select(i => 0.1 * i - 1).ToArray();
            var gradient = new double[p.Size];
            var values = new double[pattern.NonzeroCount];
            var dense = new double[p.Size * p.Size];

            pattern.Evaluate(hvp, x, gradient, values);
            pattern.ToDense<double>(values, dense);

            Assert.Equal(hessian, dense);
            for (var i = 0; i < p.Size; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    Assert.Equal(BitConverter.DoubleToInt64Bits(dense[j * p.Size + i]), BitConverter.DoubleToInt64Bits(dense[i * p.Size + j]));
                }
            }

            Assert.True(pattern.ColorCount <= p.Size);
        });
    }

    [Fact]
    public void DetectFindsThePatternAHessianHasAtAGenericPoint()
    {
        RandomPatterns.Sample(p =>
        {
            var (given, _, hvp) = RandomQuadratic(p.Size, p.Density, p.Seed);
            var x = Enumerable.Range(0, p.Size).Select(i => 0.37 * i + 0.2).ToArray();

            var detected = SparseHessian.Detect(hvp, x);

            Assert.Equal(given.RowStarts.ToArray(), detected.RowStarts.ToArray());
            Assert.Equal(given.Columns.ToArray(), detected.Columns.ToArray());
        });
    }

    [Theory]
    [InlineData(1, 3)]
    [InlineData(2, 5)]
    [InlineData(3, 7)]
    public void BandedHessiansNeedAtMostTwoKPlusOneProductsWhateverTheSize(int halfBandwidth, int colors)
    {
        foreach (var size in new[] { 1, 2, 10, 1000 })
        {
            var pattern = SparseHessian.Banded(size, halfBandwidth);
            Assert.Equal(Math.Min(size, colors), pattern.ColorCount);
            Assert.Equal(size + 2 * Enumerable.Range(1, halfBandwidth).Sum(d => Math.Max(0, size - d)), pattern.NonzeroCount);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(49)]
    public void AnArrowheadNeedsTwoProductsWhereverItsHubIs(int hub)
    {
        var pairs = Enumerable.Range(0, 50).Where(i => i != hub).Select(i => (hub, i)).ToArray();
        Assert.Equal(2, SparseHessian.FromPattern(50, pairs).ColorCount);
    }

    [Fact]
    public void FloatHessiansWorkTheSameWay()
    {
        var pattern = SparseHessian.Banded(5, 1);
        HessianVectorProduct<float> hvp = (x, v, gradient, product) =>
        {
            for (var i = 0; i < x.Length; i++)
            {
                gradient[i] = 2 * x[i];
                product[i] = 2 * v[i] + (i > 0 ? v[i - 1] : 0) + (i < x.Length - 1 ? v[i + 1] : 0);
            }

            return 0;
        };
        var values = new float[pattern.NonzeroCount];
        var dense = new float[25];

        pattern.Evaluate(hvp, new float[5], new float[5], values);
        pattern.ToDense<float>(values, dense);

        for (var i = 0; i < 5; i++)
        {
            for (var j = 0; j < 5; j++)
            {
                Assert.Equal(i == j ? 2f : Math.Abs(i - j) == 1 ? 1f : 0f, dense[i * 5 + j]);
            }
        }
    }

    [Fact]
    public void EvaluateAllocatesNothingOnceThePoolIsWarm()
    {
        var (pattern, _, hvp) = RandomQuadratic(300, 0.02, 7);
        var x = new double[300];
        var gradient = new double[300];
        var values = new double[pattern.NonzeroCount];
        pattern.Evaluate(hvp, x, gradient, values);

        var before = GC.GetAllocatedBytesForCurrentThread();
        pattern.Evaluate(hvp, x, gradient, values);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void BadArgumentsAreNamed()
    {
        var pattern = SparseHessian.Banded(4, 1);
        HessianVectorProduct<double> hvp = (_, v, _, product) =>
        {
            v.CopyTo(product);
            return 0;
        };

        Assert.Equal("size", Assert.Throws<ArgumentOutOfRangeException>(() => SparseHessian.FromPattern(0, [])).ParamName);
        Assert.Equal("halfBandwidth", Assert.Throws<ArgumentOutOfRangeException>(() => SparseHessian.Banded(3, -1)).ParamName);
        var outside = Assert.Throws<ArgumentOutOfRangeException>(() => SparseHessian.FromPattern(3, [(0, 1), (2, 3)]));
        Assert.Equal("nonzeros", outside.ParamName);
        Assert.Contains("Position 1 is (2, 3)", outside.Message);
        Assert.Equal("hvp", Assert.Throws<ArgumentNullException>(() => pattern.Evaluate(null!, new double[4], new double[4], new double[10])).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => pattern.Evaluate(hvp, new double[3], new double[4], new double[10])).ParamName);
        Assert.Equal("gradient", Assert.Throws<ArgumentException>(() => pattern.Evaluate(hvp, new double[4], new double[5], new double[10])).ParamName);
        var values = Assert.Throws<ArgumentException>(() => pattern.Evaluate(hvp, new double[4], new double[4], new double[16]));
        Assert.Equal("values", values.ParamName);
        Assert.Contains("Expected length 10 (the pattern's NonzeroCount), got 16", values.Message);
        Assert.Equal("dense", Assert.Throws<ArgumentException>(() => pattern.ToDense<double>(new double[10], new double[10])).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => SparseHessian.Detect(hvp, ReadOnlySpan<double>.Empty)).ParamName);
        HessianVectorProduct<double> singular = (_, _, _, product) =>
        {
            product.Fill(double.NaN);
            return 0;
        };
        var nan = Assert.Throws<ArgumentException>(() => SparseHessian.Detect(singular, new double[2]));
        Assert.Equal("x", nan.ParamName);
        Assert.Contains("non-finite entry NaN at (0, 0)", nan.Message);
    }

    private static (int, int)[] RandomPairs(int size, double density, int seed)
    {
        var random = new Random(seed);
        var pairs = new List<(int, int)>();
        for (var i = 0; i < size; i++)
        {
            for (var j = i + 1; j < size; j++)
            {
                if (random.NextDouble() < density)
                {
                    pairs.Add(random.Next(2) == 0 ? (i, j) : (j, i));
                }
            }
        }

        return pairs.ToArray();
    }

    private static List<int>[] Neighbors(SparseHessian pattern)
    {
        var neighbors = new List<int>[pattern.Size];
        for (var row = 0; row < pattern.Size; row++)
        {
            neighbors[row] = [];
            for (var k = pattern.RowStarts[row]; k < pattern.RowStarts[row + 1]; k++)
            {
                if (pattern.Columns[k] != row)
                {
                    neighbors[row].Add(pattern.Columns[k]);
                }
            }
        }

        return neighbors;
    }

    // f(x) = ½·xᵀAx + Σ sin(xᵢ)·dᵢ with A symmetric on the pattern and nonzero there: H = A − diag(d·sin x).
    private static (SparseHessian Pattern, double[] DenseAtX, HessianVectorProduct<double> Hvp) RandomQuadratic(
        int size, double density, int seed)
    {
        var pattern = SparseHessian.FromPattern(size, RandomPairs(size, density, seed));
        var random = new Random(seed ^ 0x5eed);
        var a = new double[size * size];
        for (var row = 0; row < size; row++)
        {
            for (var k = pattern.RowStarts[row]; k < pattern.RowStarts[row + 1]; k++)
            {
                var column = pattern.Columns[k];
                if (column >= row)
                {
                    a[row * size + column] = a[column * size + row] = random.NextDouble() + 0.5;
                }
            }
        }

        var d = Enumerable.Range(0, size).Select(_ => random.NextDouble() + 0.5).ToArray();
        var dense = new double[size * size];
        var x0 = Enumerable.Range(0, size).Select(i => 0.1 * i - 1).ToArray();
        for (var i = 0; i < size; i++)
        {
            for (var j = 0; j < size; j++)
            {
                dense[i * size + j] = a[i * size + j] + (i == j ? -d[i] * Math.Sin(x0[i]) : 0);
            }
        }

        HessianVectorProduct<double> hvp = (x, v, gradient, product) =>
        {
            var value = 0.0;
            for (var i = 0; i < size; i++)
            {
                double ax = 0, av = 0;
                for (var j = 0; j < size; j++)
                {
                    ax += a[i * size + j] * x[j];
                    av += a[i * size + j] * v[j];
                }

                value += 0.5 * x[i] * ax + d[i] * Math.Sin(x[i]);
                gradient[i] = ax + d[i] * Math.Cos(x[i]);
                product[i] = av + -d[i] * Math.Sin(x[i]) * v[i];
            }

            return value;
        };
        return (pattern, dense, hvp);
    }
}
