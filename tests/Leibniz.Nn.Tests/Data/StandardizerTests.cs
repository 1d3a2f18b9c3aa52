using CsCheck;

namespace Leibniz.Nn.Tests.Data;

public sealed class StandardizerTests
{
    [Fact]
    public void FittedColumnsHaveZeroMeanAndUnitPopulationDeviation()
    {
        Gen.Int[2, 50].SelectMany(rows => Gen.Float[-1000, 1000].Array[rows * 3].Select(v => (rows, v))).Sample(t =>
        {
            var (rows, values) = t;
            var standardizer = Standardizer.Fit(values, 3);
            var z = new float[values.Length];
            standardizer.Transform(values, z);
            for (var c = 0; c < 3; c++)
            {
                var column = Enumerable.Range(0, rows).Select(r => (double)values[(r * 3) + c]).ToArray();
                var mean = column.Average();
                var deviation = Math.Sqrt(column.Average(v => (v - mean) * (v - mean)));
                Assert.Equal(mean, standardizer.Means[c], 1e-2);
                if (deviation > 1e-3)
                {
                    var zc = Enumerable.Range(0, rows).Select(r => (double)z[(r * 3) + c]).ToArray();
                    Assert.Equal(0, zc.Average(), 1e-4);
                    Assert.Equal(1, Math.Sqrt(zc.Average(v => v * v)), 1e-3);
                }
            }
        });
    }

    [Fact]
    public void InverseTransformUndoesTransform()
    {
        Gen.Float[-1e4f, 1e4f].Array[4, 40].Where(a => a.Length % 2 == 0).Sample(values =>
        {
            var standardizer = Standardizer.Fit(values, 2);
            var z = new float[values.Length];
            standardizer.Transform(values, z);
            standardizer.InverseTransform(z, z);
            for (var i = 0; i < values.Length; i++)
            {
                Assert.Equal(values[i], z[i], Math.Max(1e-2f, Math.Abs(values[i]) * 1e-5f));
            }

            Assert.Equal(values[1], standardizer.InverseTransform(((values[1] - standardizer.Means[1]) / standardizer.Scales[1]), 1), 1e-2f);
        });
    }

    [Fact]
    public void ConstantColumnBecomesZerosNotNaN()
    {
        float[] values = [5, 1, 5, 2, 5, 3];
        var standardizer = Standardizer.Fit(values, 2);
        var z = new float[6];
        standardizer.Transform(values, z);

        Assert.Equal(1f, standardizer.Scales[0]);
        Assert.Equal([0f, 0f, 0f], new[] { z[0], z[2], z[4] });
    }

    [Fact]
    public void StatisticsComeFromTheTrainingPartOnly()
    {
        var data = new Dataset(Enumerable.Range(0, 100).Select(i => (float)(i * i)).ToArray(), 1, new float[100]);
        var split = data.Split(0.6, 0.2, seed: 11);
        var fitted = Standardizer.FitFeatures(split.Train);
        var trainMean = split.Train.Features.ToArray().Average(v => (double)v);

        Assert.Equal(trainMean, fitted.Means[0], 1e-2);
        Assert.NotEqual(data.Features.ToArray().Average(v => (double)v), fitted.Means[0], 1e-2);
        var test = split.Test.Standardize(fitted);
        Assert.Equal((split.Test.Features[0] - fitted.Means[0]) / fitted.Scales[0], test.Features[0]);
    }

    [Fact]
    public void TargetsCanBeStandardizedAndReportedInOriginalUnits()
    {
        var data = new Dataset([1, 2, 3, 4], 1, [100, 200, 300, 400]);
        var y = Standardizer.FitTargets(data);
        var standardized = data.Standardize(null, y);

        Assert.Equal(data.Features.ToArray(), standardized.Features.ToArray());
        Assert.Equal(0f, standardized.Targets.ToArray().Sum(), 1e-5f);
        Assert.Equal(300f, y.InverseTransform(standardized.Targets[2]), 1e-3f);
    }

    [Fact]
    public void NaNIsRejectedWithAdvice()
    {
        var e = Assert.Throws<ArgumentException>(() => Standardizer.Fit([1, float.NaN, 3, 4], 2));
        Assert.Equal("values", e.ParamName);
        Assert.Contains("MeanImputer", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadShapesAreRejected()
    {
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => Standardizer.Fit([1, 2, 3], 2)).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => Standardizer.Fit([], 2)).ParamName);
        var standardizer = Standardizer.Fit([1, 2, 3, 4], 2);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => standardizer.Transform([1, 2], new float[4])).ParamName);
        Assert.Equal("features", Assert.Throws<ArgumentException>(() => new Dataset([1, 2, 3], 1, [1, 2, 3]).Standardize(standardizer)).ParamName);
    }

    [Fact]
    public void NaNErrorsNameTheColumnAndTheFileLine()
    {
        var data = Dataset.LoadCsv(TestFiles.Fixture("houses.csv"), "price", new CsvOptions { MissingValues = MissingValuePolicy.KeepAsNaN });

        var e = Assert.Throws<ArgumentException>(() => Standardizer.FitFeatures(data));

        Assert.Contains("Row 3 (line 5 of the file), feature 'rooms' (column 1) is NaN", e.Message, StringComparison.Ordinal);
        var named = Assert.Throws<ArgumentException>(() => Standardizer.Fit([1, 2, float.PositiveInfinity, 4], 2, ["a", "b"]));
        Assert.Contains("Row 1, column 'a' (column 0) is Infinity", named.Message, StringComparison.Ordinal);
        Assert.Equal("columnNames", Assert.Throws<ArgumentException>(() => Standardizer.Fit([1, 2], 2, ["a"])).ParamName);
    }

    [Fact]
    public void AStandardizerFittedOnOtherColumnsIsRejectedByName()
    {
        var training = new Dataset([1, 2, 3, 4], 2, [1, 2], featureNames: ["size", "zone=north"]);
        var other = new Dataset([1, 2, 3, 4], 2, [1, 2], featureNames: ["size", "zone=south"]);
        var standardizer = Standardizer.FitFeatures(training);

        Assert.Equal(["size", "zone=north"], standardizer.ColumnNames);
        var e = Assert.Throws<ArgumentException>(() => other.Standardize(standardizer));
        Assert.Equal("features", e.ParamName);
        Assert.Contains("Column 1 of the features is 'zone=south', but the standardizer was fitted on 'zone=north'", e.Message, StringComparison.Ordinal);
        var wider = Assert.Throws<ArgumentException>(() => new Dataset([1, 2, 3], 3, [1], featureNames: ["a", "b", "c"]).Standardize(standardizer));
        Assert.Contains("(size, zone=north)", wider.Message, StringComparison.Ordinal);
        Assert.Equal(["column 0", "column 1"], Standardizer.Fit([1, 2], 2).ColumnNames);
    }
}
