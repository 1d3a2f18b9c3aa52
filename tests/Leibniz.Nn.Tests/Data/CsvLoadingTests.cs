namespace Leibniz.Nn.Tests.Data;

public sealed class CsvLoadingTests
{
    private static readonly CsvOptions HouseOptions = new()
    {
        CategoricalColumns = ["city"],
        MissingValues = MissingValuePolicy.KeepAsNaN,
    };

    [Fact]
    public void NumericColumnsKeepFileOrderAndCategoriesAreOneHotInSortedOrder()
    {
        var data = Dataset.LoadCsv(TestFiles.Fixture("houses.csv"), "price", HouseOptions);

        Assert.Equal(["size", "rooms", "city=Amsterdam", "city=Berlin", "city=Paris"], data.FeatureNames);
        Assert.Equal(["price"], data.TargetNames);
        Assert.Equal(4, data.Count);
        Assert.Equal([50.5f, 2f, 0f, 0f, 1f], data.FeatureRow(0).ToArray());
        Assert.Equal([80f, 3f, 0f, 1f, 0f], data.FeatureRow(1).ToArray());
        Assert.Equal([300f, 250.25f, 500f, 280f], data.Targets.ToArray());
        Assert.Equal([2, 3, 4, 5], data.SourceLines);
    }

    [Fact]
    public void KeepAsNaNMarksTheMissingValueOnly()
    {
        var data = Dataset.LoadCsv(TestFiles.Fixture("houses.csv"), "price", HouseOptions);

        var last = data.FeatureRow(3).ToArray();
        Assert.Equal(65f, last[0]);
        Assert.True(float.IsNaN(last[1]));
        Assert.Equal([1f, 0f, 0f], last[2..]);
        Assert.Empty(data.DroppedLines);
    }

    [Fact]
    public void DropRowLeavesOutRowsWithMissingValuesAndReportsTheirLines()
    {
        var data = Dataset.LoadCsv(TestFiles.Fixture("houses.csv"), "price", HouseOptions with { MissingValues = MissingValuePolicy.DropRow });

        Assert.Equal(3, data.Count);
        Assert.Equal([5], data.DroppedLines);
        Assert.Equal([2, 3, 4], data.SourceLines);
        Assert.DoesNotContain(data.Features.ToArray(), float.IsNaN);
    }

    [Fact]
    public void CategorySeenOnlyInDroppedRowsIsNotAFeature()
    {
        var data = Dataset.LoadCsv(
            TestFiles.Fixture("rare_category_dropped.csv"),
            "y",
            new CsvOptions { CategoricalColumns = ["kind"], MissingValues = MissingValuePolicy.DropRow });

        Assert.Equal(["a", "kind=x"], data.FeatureNames);
        Assert.Equal([3], data.DroppedLines);
    }

    [Fact]
    public void DroppingARowDoesNotHideMalformedNumbers()
    {
        var e = Assert.Throws<CsvFormatException>(() => Dataset.LoadCsv(
            TestFiles.Fixture("dropped_row_with_text.csv"), "y", new CsvOptions { MissingValues = MissingValuePolicy.DropRow, InferCategoricalColumns = false }));
        AssertLocation(e, "dropped_row_with_text.csv", line: 3, column: 1, "a");
    }

    [Fact]
    public void IgnoredColumnsAreNotFeatures()
    {
        var data = Dataset.LoadCsv(
            TestFiles.Fixture("houses.csv"), "price", new CsvOptions { IgnoredColumns = ["city", "rooms"] });

        Assert.Equal(["size"], data.FeatureNames);
        Assert.Equal([50.5f, 80f, 120f, 65f], data.Features.ToArray());
    }

    [Fact]
    public void MissingValueIsAnErrorByDefault()
    {
        var e = Assert.Throws<CsvFormatException>(
            () => Dataset.LoadCsv(TestFiles.Fixture("missing_value.csv"), "y"));
        AssertLocation(e, "missing_value.csv", line: 2, column: 2, "b");
        Assert.Contains("missing", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MissingValuePolicy.Error)]
    [InlineData(MissingValuePolicy.KeepAsNaN)]
    public void MissingTargetIsAnErrorUnlessRowsAreDropped(MissingValuePolicy policy)
    {
        var e = Assert.Throws<CsvFormatException>(
            () => Dataset.LoadCsv(TestFiles.Fixture("missing_target.csv"), "y", new CsvOptions { MissingValues = policy }));
        AssertLocation(e, "missing_target.csv", line: 2, column: 3, "y");
    }

    [Fact]
    public void DroppingEveryRowIsAnError()
    {
        var e = Assert.Throws<CsvFormatException>(() => Dataset.LoadCsv(
            TestFiles.Fixture("missing_target.csv"), "y", new CsvOptions { MissingValues = MissingValuePolicy.DropRow }));
        Assert.Contains("dropped", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RowWithTooFewFieldsNamesTheFirstAbsentColumn()
    {
        var e = Assert.Throws<CsvFormatException>(() => Dataset.LoadCsv(TestFiles.Fixture("ragged.csv"), "y"));
        AssertLocation(e, "ragged.csv", line: 3, column: 3, "y");
        Assert.Contains("2 fields", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RowWithTooManyFieldsNamesTheFirstExtraColumn()
    {
        var e = Assert.Throws<CsvFormatException>(() => Dataset.LoadCsv(TestFiles.Fixture("too_many_fields.csv"), "y"));
        AssertLocation(e, "too_many_fields.csv", line: 3, column: 4, null);
        Assert.Contains("4 fields", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BlankLineIsAnError()
    {
        var e = Assert.Throws<CsvFormatException>(() => Dataset.LoadCsv(TestFiles.Fixture("blank_line.csv"), "y"));
        AssertLocation(e, "blank_line.csv", line: 3, column: null, null);
        Assert.Contains("blank", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("non_numeric.csv", "'five'", false)]
    [InlineData("decimal_comma.csv", "'1,5'", false)]
    [InlineData("decimal_comma.csv", "'1,5'", true)]
    [InlineData("overflow.csv", "'1e39'", false)]
    [InlineData("overflow.csv", "'1e39'", true)]
    public void TextOrNonFiniteNumberInNumericColumnIsAnError(string file, string quoted, bool infer)
    {
        var e = Assert.Throws<CsvFormatException>(() => Dataset.LoadCsv(TestFiles.Fixture(file), "y", new CsvOptions { InferCategoricalColumns = infer }));
        AssertLocation(e, file, line: 3, column: 2, "b");
        Assert.Contains(quoted, e.Message, StringComparison.Ordinal);
        Assert.Contains("CategoricalColumns", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyFileIsAnError()
    {
        var e = Assert.Throws<CsvFormatException>(() => Dataset.LoadCsv(TestFiles.Fixture("empty.csv"), "y"));
        AssertLocation(e, "empty.csv", line: 1, column: null, null);
        Assert.Contains("empty", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HeaderWithoutRowsIsAnError()
    {
        var e = Assert.Throws<CsvFormatException>(() => Dataset.LoadCsv(TestFiles.Fixture("header_only.csv"), "y"));
        AssertLocation(e, "header_only.csv", line: 2, column: null, null);
        Assert.Contains("no data rows", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownTargetColumnIsAnErrorListingTheColumns()
    {
        var e = Assert.Throws<CsvFormatException>(() => Dataset.LoadCsv(TestFiles.Fixture("houses.csv"), "cost"));
        AssertLocation(e, "houses.csv", line: 1, column: null, null);
        Assert.Contains("'cost'", e.Message, StringComparison.Ordinal);
        Assert.Contains("size, rooms, city, price", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownCategoricalColumnIsAnError()
    {
        var e = Assert.Throws<CsvFormatException>(() => Dataset.LoadCsv(
            TestFiles.Fixture("houses.csv"), "price", new CsvOptions { CategoricalColumns = ["town"] }));
        Assert.Contains("categorical column 'town'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TargetDeclaredCategoricalInStrictModeWithNumbersBecomesClasses()
    {
        var data = Dataset.LoadCsv(TestFiles.Fixture("houses.csv"), "rooms", new CsvOptions
        {
            CategoricalColumns = ["city", "rooms"],
            InferCategoricalColumns = false,
            MissingValues = MissingValuePolicy.DropRow,
        });

        Assert.Equal(["2", "3", "4"], data.ClassNames);
        Assert.Equal([0f, 1f, 2f], data.Targets.ToArray());
        Assert.Empty(data.InferredCategoricalColumns);
    }

    [Fact]
    public void DuplicateColumnNameIsAnError()
    {
        var e = Assert.Throws<CsvFormatException>(() => Dataset.LoadCsv(TestFiles.Fixture("duplicate_header.csv"), "y"));
        Assert.Equal(1, e.LineNumber);
        Assert.EndsWith("duplicate_header.csv", e.FilePath, StringComparison.Ordinal);
        Assert.Contains("used twice", e.Message, StringComparison.Ordinal);
        Assert.Equal(2, e.ColumnNumber);
    }

    [Fact]
    public void MissingFileIsFileNotFoundNamingIt()
    {
        var path = TestFiles.Fixture("no_such_file.csv");
        var e = Assert.Throws<FileNotFoundException>(() => Dataset.LoadCsv(path, "y"));
        Assert.Equal(path, e.FileName);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void QuotedFieldsAndOtherSeparatorsAreRead()
    {
        var path = Path.Combine(Path.GetTempPath(), $"leibniz-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "x;label;y\n1.5;\"a;b\";2\n-2e-3;c;4\n");
        try
        {
            var data = Dataset.LoadCsv(path, "y", new CsvOptions { Separator = ';', CategoricalColumns = ["label"] });
            Assert.Equal(["x", "label=a;b", "label=c"], data.FeatureNames);
            Assert.Equal([1.5f, 1f, 0f, -2e-3f, 0f, 1f], data.Features.ToArray());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ArgumentsAreChecked()
    {
        Assert.Equal("path", Assert.ThrowsAny<ArgumentException>(() => Dataset.LoadCsv(" ", "y")).ParamName);
        Assert.Equal("targetColumn", Assert.ThrowsAny<ArgumentException>(() => Dataset.LoadCsv("a.csv", "")).ParamName);
    }

    private static void AssertLocation(CsvFormatException e, string file, int line, int? column, string? columnName)
    {
        Assert.EndsWith(file, e.FilePath, StringComparison.Ordinal);
        Assert.Equal(line, e.LineNumber);
        Assert.Equal(column, e.ColumnNumber);
        Assert.Equal(columnName, e.ColumnName);
        Assert.Contains(e.FilePath, e.Message, StringComparison.Ordinal);
        Assert.Contains($"line {line}", e.Message, StringComparison.Ordinal);
        if (column is { } c)
        {
            Assert.Contains($"column {c}", e.Message, StringComparison.Ordinal);
        }

        if (columnName is not null)
        {
            Assert.Contains($"'{columnName}'", e.Message, StringComparison.Ordinal);
        }
    }
}
