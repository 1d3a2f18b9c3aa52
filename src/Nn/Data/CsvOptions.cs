namespace Leibniz.Nn;

/// <summary>
/// How <see cref="Dataset.LoadCsv"/> reads a CSV file. Malformed data is always an error; by default text columns are
/// recognised as categories (<see cref="InferCategoricalColumns"/>), and <c>InferCategoricalColumns = false</c> is the
/// strict mode in which only the columns listed in <see cref="CategoricalColumns"/> may hold text.
/// </summary>
public sealed record CsvOptions
{
    /// <summary>
    /// Text columns, by header name, to one-hot encode: each becomes one 0/1 feature per distinct value, named
    /// <c>column=value</c> and ordered by ordinal string comparison of the values. Listing the target column here
    /// makes it a class target (see <see cref="Dataset.ClassNames"/>).
    /// </summary>
    public IReadOnlyList<string> CategoricalColumns { get; init; } = [];

    /// <summary>
    /// Whether columns not listed in <see cref="CategoricalColumns"/> are scanned first and treated as categorical
    /// when at most half of their non-blank values are numbers (<see langword="true"/> by default; the columns found
    /// are reported in <see cref="Dataset.InferredCategoricalColumns"/>). A column of mostly numbers with some text
    /// stays numeric, and its first text value is an error naming the line and column: that is a data error, not a
    /// category. A value such as <c>1,5</c> counts as a number here, so a decimal comma is reported, not encoded.
    /// <see langword="false"/> is the strict mode: any text outside the listed columns is an error.
    /// </summary>
    public bool InferCategoricalColumns { get; init; } = true;

    /// <summary>Columns, by header name, that are read (so the file must still be well formed) but not used.</summary>
    public IReadOnlyList<string> IgnoredColumns { get; init; } = [];

    /// <summary>What to do with empty fields; <see cref="MissingValuePolicy.Error"/> by default.</summary>
    public MissingValuePolicy MissingValues { get; init; } = MissingValuePolicy.Error;

    /// <summary>The field separator; a comma by default.</summary>
    public char Separator { get; init; } = ',';
}
