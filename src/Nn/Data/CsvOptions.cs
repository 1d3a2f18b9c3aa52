namespace Leibniz.Nn;

/// <summary>How <see cref="Dataset.LoadCsv"/> reads a CSV file. Every default is the strict one.</summary>
public sealed record CsvOptions
{
    /// <summary>
    /// Text columns, by header name, to one-hot encode: each becomes one 0/1 feature per distinct value, named
    /// <c>column=value</c> and ordered by ordinal string comparison of the values. Every other column must be
    /// numeric; text there is an error rather than a guess.
    /// </summary>
    public IReadOnlyList<string> CategoricalColumns { get; init; } = [];

    /// <summary>Columns, by header name, that are read (so the file must still be well formed) but not used.</summary>
    public IReadOnlyList<string> IgnoredColumns { get; init; } = [];

    /// <summary>What to do with empty fields; <see cref="MissingValuePolicy.Error"/> by default.</summary>
    public MissingValuePolicy MissingValues { get; init; } = MissingValuePolicy.Error;

    /// <summary>The field separator; a comma by default.</summary>
    public char Separator { get; init; } = ',';
}
