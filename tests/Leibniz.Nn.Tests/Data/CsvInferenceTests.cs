using System.Globalization;
using CsCheck;

namespace Leibniz.Nn.Tests.Data;

public sealed class CsvInferenceTests
{
    [Fact]
    public void TextColumnsAreFoundAndReportedWithoutBeingListed()
    {
        var data = Dataset.LoadCsv(TestFiles.Fixture("houses.csv"), "price", new CsvOptions { MissingValues = MissingValuePolicy.KeepAsNaN });

        Assert.Equal(["city"], data.InferredCategoricalColumns);
        Assert.Equal(["size", "rooms", "city=Amsterdam", "city=Berlin", "city=Paris"], data.FeatureNames);
        Assert.Equal([50.5f, 2f, 0f, 0f, 1f], data.FeatureRow(0).ToArray());
        Assert.Empty(data.ClassNames);
        Assert.Equal(["city"], data.Split(0.5, 0.25, seed: 1).Train.InferredCategoricalColumns);
    }

    [Fact]
    public void ListedColumnsAreNotReportedAsInferred()
    {
        var data = Dataset.LoadCsv(TestFiles.Fixture("houses.csv"), "price", new CsvOptions
        {
            CategoricalColumns = ["city"],
            MissingValues = MissingValuePolicy.KeepAsNaN,
        });

        Assert.Empty(data.InferredCategoricalColumns);
        Assert.Equal(5, data.FeatureCount);
    }

    [Fact]
    public void AColumnOfMostlyNumbersWithAWordIsADataErrorAtItsFirstWord()
    {
        var e = Assert.Throws<CsvFormatException>(() => Dataset.LoadCsv(TestFiles.Fixture("mostly_numbers.csv"), "price"));

        Assert.Equal(10, e.LineNumber);
        Assert.Equal(2, e.ColumnNumber);
        Assert.Equal("floor", e.ColumnName);
        Assert.EndsWith("mostly_numbers.csv", e.FilePath, StringComparison.Ordinal);
        Assert.Contains("'ground' is not a number", e.Message, StringComparison.Ordinal);
        Assert.Contains("9 of the column's 10 values are numbers", e.Message, StringComparison.Ordinal);
        Assert.Contains("CategoricalColumns", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMostlyNumericColumnCanStillBeDeclaredCategorical()
    {
        var data = Dataset.LoadCsv(TestFiles.Fixture("mostly_numbers.csv"), "price", new CsvOptions { CategoricalColumns = ["floor"] });

        Assert.Equal(["zone"], data.InferredCategoricalColumns);
        Assert.Equal(1 + 10 + 3, data.FeatureCount);
        Assert.Contains("floor=ground", data.FeatureNames);
    }

    [Fact]
    public void AColumnOfWordsWithAFewNumbersIsCategorical()
    {
        var data = Dataset.LoadCsv(TestFiles.Fixture("text_with_one_number.csv"), "price");

        Assert.Equal(["zone"], data.InferredCategoricalColumns);
        Assert.Equal(["sqm", "zone=4", "zone=north", "zone=south"], data.FeatureNames);
    }

    [Fact]
    public void StrictModeKeepsTextOutsideListedColumnsAnError()
    {
        var e = Assert.Throws<CsvFormatException>(() => Dataset.LoadCsv(
            TestFiles.Fixture("houses.csv"), "price", new CsvOptions { InferCategoricalColumns = false, MissingValues = MissingValuePolicy.KeepAsNaN }));

        Assert.Equal((2, 3, "city"), (e.LineNumber, e.ColumnNumber!.Value, e.ColumnName!));
        Assert.Contains("'Paris' is not a number", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATextTargetBecomesClassIndicesWithItsNamesKept()
    {
        var data = Dataset.LoadCsv(TestFiles.Fixture("iris_text.csv"), "species", new CsvOptions { MissingValues = MissingValuePolicy.KeepAsNaN });

        Assert.Equal(["setosa", "versicolor", "virginica"], data.ClassNames);
        Assert.Equal([0f, 1f, 2f, 0f, 1f, 2f], data.Targets.ToArray());
        Assert.Equal(["colour"], data.InferredCategoricalColumns);
        Assert.Equal(["petal_length", "petal_width", "colour=blue", "colour=white"], data.FeatureNames);
        Assert.True(float.IsNaN(data.FeatureRow(3)[2]));
        Assert.Contains("3 classes: setosa, versicolor, virginica", data.ToString(), StringComparison.Ordinal);
        Assert.Equal(["setosa", "versicolor", "virginica"], data.Subset([2, 1]).ClassNames);
    }

    [Fact]
    public void ClassTargetsTrainWithCrossEntropyOnVectorLabels()
    {
        var data = Dataset.LoadCsv(TestFiles.Fixture("iris_text.csv"), "species", new CsvOptions { IgnoredColumns = ["colour"] });
        var (x, y) = data.ToTensors();
        var labels = y.Reshape(-1);
        var model = new Sequential(new Linear(2, 8, random: new Random(1)), new Tanh(), new Linear(8, data.ClassNames.Count, random: new Random(2)));
        var optimizer = new Adam(model.Parameters(), learningRate: 0.05);
        var loss = new CrossEntropyLoss();
        double first = 0, last = 0;
        for (var step = 0; step < 100; step++)
        {
            var value = loss.Forward(model.Forward(x), labels);
            model.ZeroGrad();
            value.Backward();
            optimizer.Step();
            last = value.Item();
            first = step == 0 ? last : first;
        }

        Assert.True(last < first / 10, $"loss {first} → {last}");
        using (Tensor.NoGrad())
        {
            var predicted = model.Forward(x).ArgMax().Select(i => data.ClassNames[i]);
            Assert.Equal(["setosa", "versicolor", "virginica", "setosa", "versicolor", "virginica"], predicted);
        }
    }

    [Fact]
    public void AMostlyNumericTargetWithAWordIsAnError()
    {
        var e = Assert.Throws<CsvFormatException>(() => Dataset.LoadCsv(TestFiles.Fixture("text_in_numeric_target.csv"), "price"));

        Assert.Equal((3, 3, "price"), (e.LineNumber, e.ColumnNumber!.Value, e.ColumnName!));
        Assert.Contains("3 of the column's 4 values are numbers", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingClassIsAnErrorUnlessTheRowIsDropped()
    {
        var path = TestFiles.Fixture("iris_text.csv");
        var e = Assert.Throws<CsvFormatException>(() => Dataset.LoadCsv(path, "colour", new CsvOptions { MissingValues = MissingValuePolicy.KeepAsNaN }));
        Assert.Equal((5, 3, "colour"), (e.LineNumber, e.ColumnNumber!.Value, e.ColumnName!));

        var dropped = Dataset.LoadCsv(path, "colour", new CsvOptions { MissingValues = MissingValuePolicy.DropRow });
        Assert.Equal(["blue", "white"], dropped.ClassNames);
        Assert.Equal([5], dropped.DroppedLines);
        Assert.Equal(["species"], dropped.InferredCategoricalColumns);
    }

    [Fact]
    public void AStandardizerRefusesClassIndices()
    {
        var data = Dataset.LoadCsv(TestFiles.Fixture("iris_text.csv"), "species", new CsvOptions { IgnoredColumns = ["colour"] });

        var e = Assert.Throws<ArgumentException>(() => Standardizer.FitTargets(data));
        Assert.Equal("training", e.ParamName);
        Assert.Contains("'species' holds class indices (3 classes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryMixOfNumbersAndWordsFollowsTheRule() =>
        Gen.Select(Gen.Int[1, 25], Gen.Int, Gen.Double[0, 1]).Sample((rows, seed, wordShare) =>
        {
            var random = new Random(seed);
            string[] words = ["north", "south", "east", "n/a", "x1"];
            var cells = Enumerable.Range(0, rows)
                .Select(_ => random.NextDouble() < wordShare
                    ? words[random.Next(words.Length)]
                    : (random.NextDouble() * 200 - 100).ToString("R", CultureInfo.InvariantCulture))
                .ToArray();
            var path = Path.Combine(Path.GetTempPath(), $"leibniz-census-{Guid.NewGuid():N}.csv");
            File.WriteAllLines(path, ["a,c,y", .. cells.Select((cell, i) => string.Create(CultureInfo.InvariantCulture, $"{i},{cell},{2 * i}"))]);
            try
            {
                var texts = cells.Count(c => words.Contains(c));
                var numbers = rows - texts;
                if (texts == 0)
                {
                    var data = Dataset.LoadCsv(path, "y");
                    Assert.Empty(data.InferredCategoricalColumns);
                    Assert.Equal(["a", "c"], data.FeatureNames);
                }
                else if (numbers <= texts)
                {
                    var data = Dataset.LoadCsv(path, "y");
                    Assert.Equal(["c"], data.InferredCategoricalColumns);
                    Assert.Equal(1 + cells.Distinct().Count(), data.FeatureCount);
                    Assert.All(Enumerable.Range(0, rows), r => Assert.Equal(1f, data.FeatureRow(r)[1..].ToArray().Sum()));
                }
                else
                {
                    var e = Assert.Throws<CsvFormatException>(() => Dataset.LoadCsv(path, "y"));
                    Assert.Equal(2 + Array.FindIndex(cells, c => words.Contains(c)), e.LineNumber);
                    Assert.Equal(2, e.ColumnNumber);
                    Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{numbers} of the column's {rows} values are numbers"), e.Message, StringComparison.Ordinal);
                }
            }
            finally
            {
                File.Delete(path);
            }
        }, iter: 60);
}
