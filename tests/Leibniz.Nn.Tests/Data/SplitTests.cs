using CsCheck;

namespace Leibniz.Nn.Tests.Data;

public sealed class SplitTests
{
    private static Dataset Numbered(int count) =>
        new(Enumerable.Range(0, count).Select(i => (float)i).ToArray(), 1, Enumerable.Range(0, count).Select(i => (float)-i).ToArray());

    [Fact]
    public void SameSeedGivesTheSameSplit()
    {
        var data = Numbered(1000);
        var a = data.Split(0.7, 0.15, seed: 7);
        var b = data.Split(0.7, 0.15, seed: 7);

        Assert.Equal(a.Train.Features.ToArray(), b.Train.Features.ToArray());
        Assert.Equal(a.Validation.Features.ToArray(), b.Validation.Features.ToArray());
        Assert.Equal(a.Test.Features.ToArray(), b.Test.Features.ToArray());
    }

    [Fact]
    public void DifferentSeedsGiveDifferentSplits()
    {
        var data = Numbered(1000);
        Assert.NotEqual(data.Split(0.7, 0.15, seed: 1).Train.Features.ToArray(), data.Split(0.7, 0.15, seed: 2).Train.Features.ToArray());
    }

    [Fact]
    public void SplitIsAPartitionWithRoundedSizesAndRowsStayWhole()
    {
        Gen.Int[1, 500].Select(Gen.Double[0.01, 1], Gen.Double[0, 1], Gen.Int).Sample((count, train, validation, seed) =>
        {
            validation *= 1 - train;
            var expectedTrain = (int)Math.Round(count * train, MidpointRounding.AwayFromZero);
            if (expectedTrain == 0)
            {
                Assert.Throws<ArgumentOutOfRangeException>(() => Numbered(count).Split(train, validation, seed));
                return;
            }

            var split = Numbered(count).Split(train, validation, seed);

            Assert.Equal(expectedTrain, split.Train.Count);
            var all = split.Train.Features.ToArray().Concat(split.Validation.Features.ToArray()).Concat(split.Test.Features.ToArray());
            Assert.Equal(Enumerable.Range(0, count).Select(i => (float)i), all.Order());
            foreach (var part in new[] { split.Train, split.Validation, split.Test })
            {
                for (var r = 0; r < part.Count; r++)
                {
                    Assert.Equal(-part.FeatureRow(r)[0], part.TargetRow(r)[0]);
                }
            }
        });
    }

    [Fact]
    public void SplitKnowsTheSourceLines()
    {
        var data = Dataset.LoadCsv(TestFiles.Fixture("houses.csv"), "price", new CsvOptions { IgnoredColumns = ["city", "rooms"] });
        var split = data.Split(0.5, 0.25, seed: 3);
        var lines = split.Train.SourceLines.Concat(split.Validation.SourceLines).Concat(split.Test.SourceLines);

        Assert.Equal([2, 3, 4, 5], lines.Order());
        Assert.Equal(split.Train.Features[0], data.FeatureRow(split.Train.SourceLines[0] - 2)[0]);
    }

    [Theory]
    [InlineData(0.0, 0.1, "trainFraction")]
    [InlineData(1.1, 0.0, "trainFraction")]
    [InlineData(0.8, 0.3, "validationFraction")]
    [InlineData(0.8, -0.1, "validationFraction")]
    [InlineData(double.NaN, 0.1, "trainFraction")]
    [InlineData(0.01, 0.0, "trainFraction")]
    public void BadFractionsAreRejected(double train, double validation, string paramName)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Numbered(10).Split(train, validation, seed: 0));
        Assert.Equal(paramName, e.ParamName);
    }
}
