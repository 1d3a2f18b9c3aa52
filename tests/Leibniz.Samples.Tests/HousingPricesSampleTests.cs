using System.Globalization;
using Leibniz.Samples.HousingPrices;

namespace Leibniz.Samples.Tests;

public sealed class HousingPricesSampleTests
{
    [Fact]
    public void The_mlp_beats_the_linear_baseline_on_held_out_california_prices()
    {
        var (result, output, context) = SampleRun.Quick(HousingPricesSample.Run);

        Assert.Equal(13, result.Features); // 8 numeric columns + 5 one-hot ocean_proximity values
        Assert.True(result.Baseline.RSquared > 0.5, $"baseline R² {result.Baseline.RSquared}");
        Assert.True(result.Mlp.RSquared > result.Baseline.RSquared,
            $"MLP R² {result.Mlp.RSquared} should beat the baseline's {result.Baseline.RSquared}");
        Assert.True(result.Mlp.Rmse < result.Baseline.Rmse);
        Assert.Contains("ocean_proximity one-hot encoded", output, StringComparison.Ordinal);
        Assert.Single(context.WrittenFiles);
    }

    [Fact]
    public void Any_numeric_csv_works_with_data_and_target()
    {
        var path = Path.Combine(Path.GetTempPath(), $"leibniz-{Guid.NewGuid():N}.csv");
        var random = new Random(3);
        var lines = new List<string> { "a,b,noise,y" };
        for (var i = 0; i < 800; i++)
        {
            double a = random.NextDouble(), b = random.NextDouble(), noise = random.NextDouble();
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{a},{b},{noise},{2 * a - b + 0.01 * noise}"));
        }

        File.WriteAllLines(path, lines);
        var (result, _, _) = SampleRun.Quick(HousingPricesSample.Run, new Dictionary<string, string> { ["data"] = path, ["target"] = "y" });

        Assert.Equal(800, result.Rows);
        Assert.Equal(3, result.Features);
        Assert.True(result.Baseline.RSquared > 0.5, $"a linear target, learned in 6 quick epochs: R² {result.Baseline.RSquared}");
    }

    [Fact]
    public void A_text_column_is_recognised_without_categorical()
    {
        var path = Path.Combine(Path.GetTempPath(), $"leibniz-{Guid.NewGuid():N}.csv");
        var random = new Random(5);
        string[] zones = ["north", "south", "east"];
        var lines = new List<string> { "sqm,zone,price" };
        for (var i = 0; i < 2000; i++)
        {
            var sqm = 40 + 100 * random.NextDouble();
            var zone = random.Next(3);
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{sqm},{zones[zone]},{3 * sqm + 50 * zone}"));
        }

        File.WriteAllLines(path, lines);
        var (result, output, _) = SampleRun.Quick(HousingPricesSample.Run, new Dictionary<string, string> { ["data"] = path, ["target"] = "price" });

        Assert.Equal(4, result.Features);
        Assert.Contains("Recognised as text, no --categorical needed: zone.", output, StringComparison.Ordinal);
        Assert.True(result.Baseline.RSquared > 0.5, $"R² {result.Baseline.RSquared}");
    }

    [Fact]
    public void A_text_target_is_refused_with_its_classes()
    {
        var path = Path.Combine(Path.GetTempPath(), $"leibniz-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(path, ["sqm,zone", "50,north", "60,south", "70,north"]);

        var error = Assert.Throws<SampleInputException>(() =>
            SampleRun.Quick(HousingPricesSample.Run, new Dictionary<string, string> { ["data"] = path, ["target"] = "zone" }));

        Assert.Contains("2 classes: north, south", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_file_is_reported_with_file_line_and_column()
    {
        var path = Path.Combine(Path.GetTempPath(), $"leibniz-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(path, ["a,b,y", "1,2,3", "4,five,6", "7,8,9"]);

        var error = Assert.Throws<SampleInputException>(() =>
            SampleRun.Quick(HousingPricesSample.Run, new Dictionary<string, string> { ["data"] = path, ["target"] = "y" }));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("column 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("--categorical", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_or_unknown_target_says_what_to_do()
    {
        var missing = Assert.Throws<SampleInputException>(() =>
            SampleRun.Quick(HousingPricesSample.Run, new Dictionary<string, string> { ["data"] = "/no/such.csv" }));
        Assert.Contains("--data", missing.Message, StringComparison.Ordinal);

        var unknown = Assert.Throws<SampleInputException>(() =>
            SampleRun.Quick(HousingPricesSample.Run, new Dictionary<string, string> { ["target"] = "price" }));
        Assert.Contains("price", unknown.Message, StringComparison.Ordinal);
    }
}
