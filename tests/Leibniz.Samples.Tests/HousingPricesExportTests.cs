using Leibniz.Nn;
using Leibniz.Samples.HousingPrices;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Leibniz.Samples.Tests;

public sealed class HousingPricesExportTests
{
    [Fact]
    public void Export_writes_a_model_that_prices_raw_csv_rows_in_dollars()
    {
        var path = Path.Combine(Path.GetTempPath(), $"leibniz-housing-{Guid.NewGuid():N}.onnx");
        try
        {
            var (result, output, _) = SampleRun.Quick(HousingPricesSample.Run, new Dictionary<string, string> { ["export"] = path });
            Assert.Contains($"Wrote {path}", output, StringComparison.Ordinal);
            Assert.Contains("one-hot", output, StringComparison.Ordinal);

            // Raw columns as the CSV has them: blanks stay NaN, the text column one-hot encoded, nothing standardized.
            var raw = Dataset.LoadCsv(Path.Combine(RepositoryPaths.Root, "samples", "data", "california_housing.csv"),
                HousingPricesSample.DefaultTarget,
                new CsvOptions { CategoricalColumns = ["ocean_proximity"], MissingValues = MissingValuePolicy.KeepAsNaN });
            var rows = raw.Subset(Enumerable.Range(0, 3000).ToArray());
            Assert.Contains(rows.Features.ToArray(), float.IsNaN);

            using var session = new InferenceSession(path);
            Assert.Equal(raw.FeatureNames, session.ModelMetadata.CustomMetadataMap["feature_names"].Split('\n'));
            var input = new DenseTensor<float>(rows.Features.ToArray(), [rows.Count, rows.FeatureCount]);
            using var results = session.Run([NamedOnnxValue.CreateFromTensor(HousingExport.InputName, input)]);
            var prices = results[0].AsEnumerable<float>().ToArray();

            Assert.DoesNotContain(prices, float.IsNaN);
            var actual = rows.Targets.ToArray();
            var mean = actual.Average();
            var rSquared = 1 - actual.Zip(prices, (a, p) => (double)(a - p) * (a - p)).Sum() / actual.Sum(a => (double)(a - mean) * (a - mean));
            Assert.True(rSquared > 0.5, $"The exported model's R² on raw rows is {rSquared}; the sample's MLP reached {result.Mlp.RSquared} on its test rows.");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
