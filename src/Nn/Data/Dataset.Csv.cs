namespace Leibniz.Nn;

public sealed partial class Dataset
{
    /// <summary>
    /// Reads a CSV file with a header row into a data set: the column named <paramref name="targetColumn"/> becomes
    /// the target, every other column a feature. Text columns are one-hot encoded: those listed in
    /// <see cref="CsvOptions.CategoricalColumns"/>, and (unless <see cref="CsvOptions.InferCategoricalColumns"/> is
    /// off) those found to hold text, reported in <see cref="InferredCategoricalColumns"/>. A text target becomes
    /// class indices with <see cref="ClassNames"/>. Numbers are parsed with the invariant culture and must be finite.
    /// </summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="targetColumn">The header name of the column to predict: numbers (regression) or class names (classification).</param>
    /// <param name="options">Separator, categorical and ignored columns, inference, missing-value policy; defaults when omitted.</param>
    /// <returns>The rows in file order, with <see cref="SourceLines"/> and <see cref="DroppedLines"/> filled.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="CsvFormatException">
    /// The file is empty or has no data rows, a named column is not in the header, a row has the wrong number of
    /// fields, a numeric field is not a finite number (in a column of mostly numbers, text is such an error), or a
    /// value is missing under <see cref="MissingValuePolicy.Error"/>; the message names the file, line and column.
    /// </exception>
    public static Dataset LoadCsv(string path, string targetColumn, CsvOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(targetColumn);
        return CsvLoader.Load(path, targetColumn, options ?? new CsvOptions());
    }
}
