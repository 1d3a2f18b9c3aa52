using CsCheck;

namespace Leibniz.Nn.Tests.Tensors;

/// <summary>PyTorch's habits on 1-D tensors: labels[idx], v[a:b], torch.cat, argmax.</summary>
public sealed class VectorIndexingTests
{
    [Fact]
    public void IndexRowsOfAVectorPicksItsElementsAsPyTorchsLabelsIdx()
    {
        var labels = Tensor.FromArray([10.0, 11, 12, 13, 14]);

        var picked = labels.IndexRows([4, 0, 0, 2]);

        Assert.Equal([4], picked.Shape);
        Assert.Equal([14.0, 10, 10, 12], picked.ToArray());
        Assert.Equal([0], labels.IndexRows([]).Shape);
        Assert.Equal(DType.Float64, Tensor.FromArray([1.0, 2], DType.Float64).IndexRows([1]).DType);
    }

    [Fact]
    public void SliceRowsOfAVectorIsPyTorchsSlice()
    {
        var v = Tensor.FromArray([1.0, 2, 3, 4, 5]);

        Assert.Equal([2.0, 3, 4], v.SliceRows(1, 3).ToArray());
        Assert.Equal([3], v.SliceRows(1, 3).Shape);
        Assert.Equal([0], v.SliceRows(5, 0).Shape);
        Assert.Equal([5.0], v.SliceRows(4, 1).ToArray());
    }

    [Fact]
    public void ConcatJoinsVectorsEndToEndAndStacksMatrices()
    {
        var joined = Tensor.Concat(Tensor.FromArray([1.0, 2]), Tensor.FromArray([3.0]), Tensor.FromArray([4.0, 5, 6]));
        Assert.Equal([6], joined.Shape);
        Assert.Equal([1.0, 2, 3, 4, 5, 6], joined.ToArray());

        var m = Tensor.FromArray(new double[,] { { 1, 2 }, { 3, 4 } });
        var stacked = Tensor.Concat(m, Tensor.FromArray(new double[,] { { 5, 6 } }));
        Assert.Equal([3, 2], stacked.Shape);
        Assert.Equal([1.0, 2, 3, 4, 5, 6], stacked.ToArray());

        // ConcatRows keeps its meaning: vectors become rows.
        Assert.Equal([2, 2], Tensor.ConcatRows(Tensor.FromArray([1.0, 2]), Tensor.FromArray([3.0, 4])).Shape);
    }

    [Fact]
    public void ArgMaxOfAVectorIsOneIndexAndTiesGoToTheFirstAsInPyTorch()
    {
        Assert.Equal([2], Tensor.FromArray([1.0, 5, 7, 7, -1]).ArgMax());
        Assert.Equal([0], Tensor.FromArray([3.0, 3, 3]).ArgMax());
        Assert.Equal([1], Tensor.FromArray([-5.0, -1, -3]).ArgMax());
    }

    [Fact]
    public void BadVectorIndicesAndShapesAreNamed()
    {
        var v = Tensor.FromArray([1.0, 2, 3]);

        var outOfRange = Assert.Throws<ArgumentOutOfRangeException>(() => v.IndexRows([3]));
        Assert.Equal("indices", outOfRange.ParamName);
        Assert.Contains("[3]", outOfRange.Message, StringComparison.Ordinal);
        Assert.Equal("indices", Assert.Throws<ArgumentOutOfRangeException>(() => v.IndexRows([-1])).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => v.SliceRows(2, 2)).ParamName);
        Assert.Equal("start", Assert.Throws<ArgumentOutOfRangeException>(() => v.SliceRows(4, 0)).ParamName);
        var scalar = Assert.Throws<ArgumentException>(() => Tensor.Scalar(1).IndexRows([0]));
        Assert.Contains("vector or a matrix", scalar.Message, StringComparison.Ordinal);
        var mixed = Assert.Throws<ArgumentException>(() => Tensor.Concat(v, Tensor.Zeros(1, 3)));
        Assert.Equal("parts", mixed.ParamName);
        Assert.Equal("parts", Assert.Throws<ArgumentException>(() => Tensor.Concat()).ParamName);
        var destination = Assert.Throws<ArgumentException>(() => v.CopyRowsTo([0, 1], Tensor.Zeros(3)));
        Assert.Contains("vector [2]", destination.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RepeatedVectorIndicesAddTheirGradients()
    {
        var v = Tensor.FromArray([1.0, 2, 3], DType.Float64).RequireGrad();

        (v.IndexRows([2, 0, 2, 2]) * Tensor.FromArray([1.0, 10, 100, 1000], DType.Float64)).Sum().Backward();

        Assert.Equal([10.0, 0, 1101], v.Grad.ToArray());
    }

    [Fact]
    public void VectorGatherSliceAndConcatPassTheGradientCheck() =>
        Gen.Select(Gen.Int, Gen.Int[1, 9]).Sample((seed, n) =>
        {
            var random = new Random(seed);
            var x = GradCheck.Random(random, [n]);
            var y = GradCheck.Random(random, [n + 1]);
            var indices = Enumerable.Range(0, 2 * n).Select(_ => random.Next(n)).ToArray();
            var start = random.Next(n);
            GradCheck.Assert(
                t => GradCheck.WeightedSum(
                    Tensor.Concat(t[0].IndexRows(indices).Sin(), t[1].SliceRows(start, n - start), t[0] * t[1].SliceRows(1, n)),
                    new Random(seed)),
                x,
                y);
        }, iter: 30);

    [Fact]
    public void CopyingVectorElementsIntoABatchAllocatesNothing()
    {
        var labels = Tensor.FromArray(Enumerable.Range(0, 100).Select(i => (double)i).ToArray());
        var batch = Tensor.Zeros(4);
        int[] indices = [7, 3, 99, 0];
        labels.CopyRowsTo(indices, batch);
        Assert.Equal([7.0, 3, 99, 0], batch.ToArray());

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            labels.CopyRowsTo(indices, batch);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
