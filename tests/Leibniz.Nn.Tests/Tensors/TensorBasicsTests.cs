using CsCheck;

namespace Leibniz.Nn.Tests.Tensors;

public sealed class TensorBasicsTests
{
    [Fact]
    public void ShapesFollowPyTorch()
    {
        Assert.Equal([], Tensor.Scalar(1).Shape);
        Assert.Equal([4], Tensor.Zeros(4).Shape);
        Assert.Equal([2, 3], Tensor.Zeros(2, 3).Shape);
        Assert.Equal(DType.Float32, Tensor.Zeros(1).DType);
        Assert.Equal(DType.Float64, Tensor.Zeros(1, DType.Float64).DType);
        var m = Tensor.FromArray(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        Assert.Equal((2, 3, 6), (m.Rows, m.Columns, m.Length));
        Assert.Equal(6.0, m[1, 2]);
        Assert.Equal([1.0, 4.0, 2.0, 5.0, 3.0, 6.0], m.Transpose().ToArray());
        Assert.Equal([3, 2], m.Reshape(-1, 2).Shape);
        Assert.Equal([5.0, 7.0, 9.0], m.Sum(0).ToArray());
        Assert.Equal([6.0, 15.0], m.Sum(1).ToArray());
        Assert.Equal([2, 1], m.Sum(1, keepDims: true).Shape);
        Assert.Equal(3.5, m.Mean().Item());
        Assert.Equal([4.0, 5.0, 6.0, 1.0, 2.0, 3.0], m.IndexRows([1, 0]).ToArray());
        Assert.Equal([1.0, 2.0, 3.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0], Tensor.ConcatRows(Tensor.FromArray([1.0, 2, 3]), m).ToArray());
        Assert.Equal([2, 0], Tensor.FromArray([1.0, 2, 3, 9, 2, 1], 2, 3).ArgMax());
    }

    [Fact]
    public void RandomFactoriesAreReproducibleAndHaveTheRightMoments()
    {
        Assert.Equal(Tensor.Randn(5, 3, new Random(7)).ToArray(), Tensor.Randn(5, 3, new Random(7)).ToArray());
        var normal = Tensor.Randn(20000, new Random(1), DType.Float64).ToArray();
        Assert.Equal(0, normal.Average(), 0.03);
        Assert.Equal(1, normal.Select(v => v * v).Average(), 0.03);
        var uniform = Tensor.Uniform(20000, -1, 3, new Random(1)).ToArray();
        Assert.All(uniform, v => Assert.InRange(v, -1, 3));
        Assert.Equal(1, uniform.Average(), 0.05);
        Assert.Equal([0.0, 0.25, 0.5, 0.75, 1.0], Tensor.Linspace(0, 1, 5).ToArray());
    }

    [Fact]
    public void MatMulMatchesNaiveProductAcrossBlockedSizes() =>
        Gen.Select(Gen.Int, Gen.Int[1, 140], Gen.Int[1, 300], Gen.Int[1, 140]).Sample((seed, m, k, n) =>
        {
            var random = new Random(seed);
            var a = Tensor.Randn(m, k, random, DType.Float64);
            var b = Tensor.Randn(k, n, random, DType.Float64);
            var expected = Naive(a.ToArray(), b.ToArray(), m, k, n);
            var actual = a.MatMul(b).ToArray();
            var transposed = b.Transpose().MatMul(a.Transpose()).Transpose().ToArray();
            var single = a.To(DType.Float32).MatMul(b.To(DType.Float32)).ToArray();
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.Equal(expected[i], actual[i], 1e-9);
                Assert.Equal(expected[i], transposed[i], 1e-9);
                Assert.Equal(expected[i], single[i], 1e-3 * Math.Sqrt(k));
            }
        }, iter: 25);

    [Fact]
    public void LargeSquareMatMulMatchesNaiveProduct()
    {
        var random = new Random(3);
        const int n = 600;
        var a = Tensor.Randn(n, n, random, DType.Float64);
        var b = Tensor.Randn(n, n, random, DType.Float64);
        var expected = Naive(a.ToArray(), b.ToArray(), n, n, n);
        var actual = a.MatMul(b).ToArray();
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 1e-9);
        }
    }

    private static double[] Naive(double[] a, double[] b, int m, int k, int n)
    {
        var c = new double[m * n];
        for (var i = 0; i < m; i++)
        {
            for (var p = 0; p < k; p++)
            {
                for (var j = 0; j < n; j++)
                {
                    c[(i * n) + j] += a[(i * k) + p] * b[(p * n) + j];
                }
            }
        }

        return c;
    }

    [Fact]
    public void CopyRowsToFillsAMiniBatchWithoutAGraph()
    {
        var data = Tensor.FromArray([1.0, 2, 3, 4, 5, 6], 3, 2);
        var batch = Tensor.Zeros(2, 2);
        data.CopyRowsTo([2, 0], batch);
        Assert.Equal([5.0, 6.0, 1.0, 2.0], batch.ToArray());
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => data.CopyRowsTo([0], batch)).ParamName);
        Assert.Equal("indices", Assert.Throws<ArgumentOutOfRangeException>(() => data.CopyRowsTo([0, 3], batch)).ParamName);
    }

    [Fact]
    public void BadArgumentsNameTheParameter()
    {
        Assert.Equal("data", Assert.Throws<ArgumentException>(() => Tensor.FromArray(new double[5], 2, 3)).ParamName);
        Assert.Equal("rows", Assert.Throws<ArgumentOutOfRangeException>(() => Tensor.Zeros(-1, 3)).ParamName);
        Assert.Equal("rows", Assert.Throws<ArgumentException>(() => Tensor.Zeros(2, 3).Reshape(4, 2)).ParamName);
        Assert.Equal("axis", Assert.Throws<ArgumentOutOfRangeException>(() => Tensor.Zeros(2, 3).Sum(2)).ParamName);
        Assert.Equal("index", Assert.Throws<ArgumentOutOfRangeException>(() => Tensor.Zeros(2)[2]).ParamName);
    }

    [Fact]
    public void ToStringShowsShapeTypeAndValuesInvariantly()
    {
        var text = Tensor.FromArray([1.5, -2.25]).ToString();
        Assert.Equal("Tensor([2], Float32) [1.5, -2.25]", text);
    }
}
