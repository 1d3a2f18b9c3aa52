namespace Leibniz.Nn.Tests.Data;

public sealed class DatasetTests
{
    [Fact]
    public void ConstructorCopiesAndNamesDefaultToIndices()
    {
        float[] x = [1, 2, 3, 4];
        var data = new Dataset(x, 2, [5, 6]);
        x[0] = 99;

        Assert.Equal(1f, data.Features[0]);
        Assert.Equal(["x0", "x1"], data.FeatureNames);
        Assert.Equal(["y0"], data.TargetNames);
        Assert.Equal(2, data.Count);
        Assert.Empty(data.SourceLines);
    }

    [Fact]
    public void ToStringShowsSizeAndNames()
    {
        Assert.Equal("Dataset(2 rows; 2 features: x0, x1; 1 target: y0)", new Dataset([1, 2, 3, 4], 2, [5, 6]).ToString());
        var wide = new Dataset(new float[8], 8, [0]);
        Assert.Equal("Dataset(1 rows; 8 features: x0, x1, x2, x3, x4, …; 1 target: y0)", wide.ToString());
    }

    [Fact]
    public void ToTensorsGivesMatricesOfTheRequestedType()
    {
        var (x, y) = new Dataset([1, 2, 3, 4], 2, [5, 6]).ToTensors(DType.Float64);

        Assert.Equal([2, 2], x.Shape);
        Assert.Equal([2, 1], y.Shape);
        Assert.Equal(DType.Float64, x.DType);
        Assert.Equal([1.0, 2, 3, 4], x.ToArray());
        Assert.Equal([5.0, 6], y.ToArray());
    }

    [Fact]
    public void SubsetPicksRowsInOrder()
    {
        var data = new Dataset([1, 2, 3, 4, 5, 6], 2, [10, 20, 30]);
        var subset = data.Subset([2, 0, 2]);

        Assert.Equal([5f, 6f, 1f, 2f, 5f, 6f], subset.Features.ToArray());
        Assert.Equal([30f, 10f, 30f], subset.Targets.ToArray());
        Assert.Equal("rows", Assert.Throws<ArgumentOutOfRangeException>(() => data.Subset([3])).ParamName);
    }

    [Fact]
    public void InconsistentArgumentsAreRejected()
    {
        Assert.Equal("features", Assert.Throws<ArgumentException>(() => new Dataset([1, 2, 3], 2, [1])).ParamName);
        Assert.Equal("targets", Assert.Throws<ArgumentException>(() => new Dataset([1, 2], 1, [1])).ParamName);
        Assert.Equal("featureNames", Assert.Throws<ArgumentException>(() => new Dataset([1, 2], 1, [1, 2], featureNames: ["a", "b"])).ParamName);
        Assert.Equal("row", Assert.Throws<ArgumentOutOfRangeException>(() => new Dataset([1], 1, [1]).FeatureRow(1)).ParamName);
    }

    [Fact]
    public void ByteOrderMarkAndWindowsLineEndingsAreRead()
    {
        var path = Path.Combine(Path.GetTempPath(), $"leibniz-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "a , y\r\n1.5, 2\r\n 3 ,4\r\n", new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        try
        {
            var data = Dataset.LoadCsv(path, "y");
            Assert.Equal(["a"], data.FeatureNames);
            Assert.Equal([1.5f, 3f], data.Features.ToArray());
            Assert.Equal([2f, 4f], data.Targets.ToArray());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
