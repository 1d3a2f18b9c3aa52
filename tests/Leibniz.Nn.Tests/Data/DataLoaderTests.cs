using CsCheck;

namespace Leibniz.Nn.Tests.Data;

public sealed class DataLoaderTests
{
    /// <summary>Row i has features (i, 10·i) and target −i, so every batch row can be traced back.</summary>
    private static Dataset Numbered(int count) => new(
        Enumerable.Range(0, count).SelectMany(i => new[] { (float)i, 10f * i }).ToArray(),
        2,
        Enumerable.Range(0, count).Select(i => (float)-i).ToArray());

    private static List<int[]> Epoch(DataLoader loader)
    {
        var batches = new List<int[]>();
        foreach (var batch in loader)
        {
            var x = batch.Features.AsSpan<float>();
            var y = batch.Targets.AsSpan<float>();
            var rows = new int[batch.Size];
            for (var i = 0; i < batch.Size; i++)
            {
                rows[i] = (int)x[2 * i];
                Assert.Equal(10f * rows[i], x[(2 * i) + 1]);
                Assert.Equal(-rows[i], y[i]);
            }

            batches.Add(rows);
        }

        return batches;
    }

    [Fact]
    public void MiniBatchesCoverEveryExampleOnceWithASmallerLastBatch()
    {
        Gen.Int[1, 200].Select(Gen.Int[1, 64], Gen.Int, Gen.Bool).Sample((count, batchSize, seed, shuffle) =>
        {
            var loader = new DataLoader(Numbered(count), batchSize, shuffle, seed);
            var batches = Epoch(loader);
            var size = Math.Min(batchSize, count);

            Assert.Equal(loader.BatchesPerEpoch, batches.Count);
            Assert.All(batches.SkipLast(1), b => Assert.Equal(size, b.Length));
            Assert.Equal(count % size == 0 ? size : count % size, batches[^1].Length);
            Assert.Equal(Enumerable.Range(0, count), batches.SelectMany(b => b).Order());
        });
    }

    [Fact]
    public void DefaultBatchSizeIs32()
    {
        var loader = new DataLoader(Numbered(100));
        Assert.Equal(32, loader.BatchSize);
        Assert.Equal([32, 32, 32, 4], Epoch(loader).Select(b => b.Length));
    }

    [Fact]
    public void FullBatchIsOneBatchInOrderEveryEpoch()
    {
        var loader = DataLoader.FullBatch(Numbered(50));
        for (var epoch = 0; epoch < 3; epoch++)
        {
            var batches = Epoch(loader);
            Assert.Single(batches);
            Assert.Equal(Enumerable.Range(0, 50), batches[0]);
        }
    }

    [Fact]
    public void StochasticIsOneExamplePerBatchInAFreshOrderEachEpoch()
    {
        var loader = DataLoader.Stochastic(Numbered(40), seed: 5);
        var first = Epoch(loader);
        var second = Epoch(loader);

        Assert.Equal(40, first.Count);
        Assert.All(first, b => Assert.Single(b));
        Assert.NotEqual(first.SelectMany(b => b), second.SelectMany(b => b));
        Assert.NotEqual(Enumerable.Range(0, 40), first.SelectMany(b => b));
    }

    [Fact]
    public void SameSeedGivesTheSameEpochsAndResetRestartsThem()
    {
        var a = new DataLoader(Numbered(100), 16, seed: 9);
        var b = new DataLoader(Numbered(100), 16, seed: 9);
        var epochsOfA = Enumerable.Range(0, 3).Select(_ => Epoch(a).SelectMany(r => r).ToArray()).ToArray();

        Assert.Equal(epochsOfA, Enumerable.Range(0, 3).Select(_ => Epoch(b).SelectMany(r => r).ToArray()));
        Assert.Equal(3, a.Epoch);
        a.Reset(9);
        Assert.Equal(epochsOfA[0], Epoch(a).SelectMany(r => r));
        Assert.NotEqual(epochsOfA[0], Epoch(new DataLoader(Numbered(100), 16, seed: 10)).SelectMany(r => r));
    }

    [Fact]
    public void UnshuffledLoaderKeepsOrder()
    {
        Assert.Equal(Enumerable.Range(0, 10), Epoch(new DataLoader(Numbered(10), 3, shuffle: false)).SelectMany(b => b));
    }

    [Fact]
    public void TensorSourceKeepsTheTargetRankAndFloat64Works()
    {
        var x = Tensor.FromArray(new double[] { 1, 2, 3, 4, 5, 6 }, 3, 2, DType.Float64);
        var y = Tensor.FromArray(new double[] { 7, 8, 9 }, DType.Float64);
        var loader = new DataLoader(x, y, batchSize: 2, shuffle: false);
        var batches = new List<(double[] X, double[] Y, int Rank)>();
        foreach (var batch in loader)
        {
            batches.Add((batch.Features.ToArray(), batch.Targets.ToArray(), batch.Targets.Rank));
            Assert.Equal(DType.Float64, batch.Features.DType);
        }

        Assert.Equal([1.0, 2, 3, 4], batches[0].X);
        Assert.Equal([5.0, 6], batches[1].X);
        Assert.Equal([7.0, 8], batches[0].Y);
        Assert.Equal([9.0], batches[1].Y);
        Assert.All(batches, b => Assert.Equal(1, b.Rank));
    }

    [Fact]
    public void Float64TensorsKeepTheirPrecision()
    {
        var x = Tensor.FromArray(new[] { 0.1, 1e-12 }, 2, 1, DType.Float64);
        var y = Tensor.FromArray(new[] { Math.PI, Math.E }, 2, 1, DType.Float64);
        var batch = new DataLoader(x, y, batchSize: 2, shuffle: false).First();

        Assert.Equal([0.1, 1e-12], batch.Features.ToArray());
        Assert.Equal([Math.PI, Math.E], batch.Targets.ToArray());
    }

    [Fact]
    public void DatasetBatchesCanBeFloat64()
    {
        var batch = new DataLoader(Numbered(3), 3, shuffle: false, dtype: DType.Float64).First();

        Assert.Equal(DType.Float64, batch.Targets.DType);
        Assert.Equal([0.0, 0, 1, 10, 2, 20], batch.Features.ToArray());
    }

    [Fact]
    public void SteadyStateEpochsAllocateNothing()
    {
        var loader = new DataLoader(Numbered(1000), 32, shuffle: true, seed: 1);
        var checksum = 0.0;
        for (var warmUp = 0; warmUp < 3; warmUp++)
        {
            checksum += SumEpoch(loader);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var epoch = 0; epoch < 10; epoch++)
        {
            checksum += SumEpoch(loader);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.NotEqual(0, checksum);
    }

    private static double SumEpoch(DataLoader loader)
    {
        var sum = 0.0;
        foreach (var batch in loader)
        {
            sum += batch.Features.AsSpan<float>()[1] + batch.Targets.AsSpan<float>()[0];
        }

        return sum;
    }

    [Fact]
    public void MissingValuesAreRejectedNamingTheRowLineAndFeature()
    {
        var data = Dataset.LoadCsv(
            TestFiles.Fixture("houses.csv"), "price", new CsvOptions { CategoricalColumns = ["city"], MissingValues = MissingValuePolicy.KeepAsNaN });

        var e = Assert.Throws<ArgumentException>(() => new DataLoader(data));
        Assert.Equal("data", e.ParamName);
        Assert.Contains("Row 3 (line 5 of the file), feature 'rooms' is NaN", e.Message, StringComparison.Ordinal);
        Assert.Contains("MeanImputer", e.Message, StringComparison.Ordinal);
        Assert.Equal(
            "targets",
            Assert.Throws<ArgumentException>(() => new DataLoader(Tensor.Zeros(2, 1), Tensor.FromArray(new[] { 1f, float.PositiveInfinity }))).ParamName);
    }

    [Fact]
    public void BadArgumentsAreRejected()
    {
        Assert.Equal("batchSize", Assert.Throws<ArgumentOutOfRangeException>(() => new DataLoader(Numbered(3), 0)).ParamName);
        Assert.Equal("data", Assert.Throws<ArgumentException>(() => new DataLoader(Numbered(3).Subset([]))).ParamName);
        var x = Tensor.Zeros(3, 2);
        Assert.Equal("targets", Assert.Throws<ArgumentException>(() => new DataLoader(x, Tensor.Zeros(4))).ParamName);
        Assert.Equal("features", Assert.Throws<ArgumentException>(() => new DataLoader(Tensor.Zeros(3), Tensor.Zeros(3))).ParamName);
    }
}
