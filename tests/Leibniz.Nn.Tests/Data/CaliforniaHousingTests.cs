namespace Leibniz.Nn.Tests.Data;

public sealed class CaliforniaHousingTests
{
    private static readonly CsvOptions Options = new() { CategoricalColumns = ["ocean_proximity"] };

    private static readonly string[] ExpectedFeatures =
    [
        "longitude", "latitude", "housing_median_age", "total_rooms", "total_bedrooms", "population", "households",
        "median_income", "ocean_proximity=<1H OCEAN", "ocean_proximity=INLAND", "ocean_proximity=ISLAND",
        "ocean_proximity=NEAR BAY", "ocean_proximity=NEAR OCEAN",
    ];

    [Fact]
    public void StrictLoadingStopsAtTheFirstBlankBedroomCount()
    {
        var e = Assert.Throws<CsvFormatException>(() => Dataset.LoadCsv(TestFiles.CaliforniaHousing, "median_house_value", Options));
        Assert.Equal(5, e.ColumnNumber);
        Assert.Equal("total_bedrooms", e.ColumnName);
        Assert.Equal(292, e.LineNumber);
    }

    [Fact]
    public void KeepAsNaNLoadsAllRowsWithOneHotProximity()
    {
        var data = Dataset.LoadCsv(
            TestFiles.CaliforniaHousing, "median_house_value", Options with { MissingValues = MissingValuePolicy.KeepAsNaN });

        Assert.Equal(20_640, data.Count);
        Assert.Equal(ExpectedFeatures, data.FeatureNames);
        Assert.Equal(["median_house_value"], data.TargetNames);
        Assert.Equal(207, CountNaN(data, column: 4));
        Assert.Equal(0, Enumerable.Range(0, data.FeatureCount).Where(c => c != 4).Sum(c => CountNaN(data, c)));
        Assert.Equal([9136, 6551, 5, 2290, 2658], Enumerable.Range(8, 5).Select(c => (int)ColumnSum(data, c)));
        Assert.Equal(452600f, data.Targets[0]);
        Assert.Equal(500001f, data.Targets.ToArray().Max());
    }

    [Fact]
    public void DropRowLeaves20433Rows()
    {
        var data = Dataset.LoadCsv(
            TestFiles.CaliforniaHousing, "median_house_value", Options with { MissingValues = MissingValuePolicy.DropRow });

        Assert.Equal(20_640 - 207, data.Count);
        Assert.Equal(207, data.DroppedLines.Count);
        Assert.Equal(292, data.DroppedLines[0]);
    }

    [Fact]
    public void SplitThenImputeThenStandardizeUsesTrainingRowsOnly()
    {
        var data = Dataset.LoadCsv(
            TestFiles.CaliforniaHousing, "median_house_value", Options with { MissingValues = MissingValuePolicy.KeepAsNaN });
        var split = data.Split(0.8, 0.1, seed: 42);
        var imputer = MeanImputer.Fit(split.Train);
        var train = imputer.Transform(split.Train);
        var test = imputer.Transform(split.Test);
        var x = Standardizer.FitFeatures(train);
        var y = Standardizer.FitTargets(train);

        train = train.Standardize(x, y);
        test = test.Standardize(x, y);

        Assert.Equal([16_512, 2_064, 2_064], new[] { split.Train.Count, split.Validation.Count, split.Test.Count });
        Assert.DoesNotContain(test.Features.ToArray(), float.IsNaN);
        Assert.InRange(ColumnSum(train, 0) / train.Count, -1e-4, 1e-4);
        Assert.InRange(y.InverseTransform(test.Targets[0]), 14_990f, 500_010f);
    }

    private static int CountNaN(Dataset data, int column) =>
        Enumerable.Range(0, data.Count).Count(r => float.IsNaN(data.FeatureRow(r)[column]));

    private static double ColumnSum(Dataset data, int column) =>
        Enumerable.Range(0, data.Count).Sum(r => (double)data.FeatureRow(r)[column]);
}
