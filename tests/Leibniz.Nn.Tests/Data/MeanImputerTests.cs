namespace Leibniz.Nn.Tests.Data;

public sealed class MeanImputerTests
{
    [Fact]
    public void FillsWithTrainingMeansOfPresentValues()
    {
        var train = new Dataset([1, float.NaN, 3, 10, float.NaN, 20], 2, [0, 0, 0]);
        var other = new Dataset([float.NaN, float.NaN], 2, [0]);
        var imputer = MeanImputer.Fit(train);

        Assert.Equal([2f, 15f], imputer.Means.ToArray());
        Assert.Equal([1f, 15f, 3f, 10f, 2f, 20f], imputer.Transform(train).Features.ToArray());
        Assert.Equal([2f, 15f], imputer.Transform(other).Features.ToArray());
    }

    [Fact]
    public void ColumnWithoutValuesIsRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => MeanImputer.Fit(new Dataset([1, float.NaN], 2, [0], featureNames: ["a", "b"])));
        Assert.Contains("'b'", e.Message, StringComparison.Ordinal);
    }
}
