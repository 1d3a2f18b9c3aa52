namespace Leibniz.Nn;

public sealed partial class Dataset
{
    /// <summary>
    /// Reads a CSV file with a header row into a data set: the column named <paramref name="targetColumn"/> becomes
    /// the target, every other column a feature (text columns listed in <see cref="CsvOptions.CategoricalColumns"/>
    /// one-hot encoded). Numbers are parsed with the invariant culture and must be finite.
    /// </summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="targetColumn">The header name of the column to predict; it must be numeric.</param>
    /// <param name="options">Separator, categorical and ignored columns, missing-value policy; strict defaults when omitted.</param>
    /// <returns>The rows in file order, with <see cref="SourceLines"/> and <see cref="DroppedLines"/> filled.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="CsvFormatException">
    /// The file is empty or has no data rows, a named column is not in the header, a row has the wrong number of
    /// fields, a numeric field is not a finite number, or a value is missing under <see cref="MissingValuePolicy.Error"/>;
    /// the message names the file, line and column.
    /// </exception>
    public static Dataset LoadCsv(string path, string targetColumn, CsvOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(targetColumn);
        return CsvLoader.Load(path, targetColumn, options ?? new CsvOptions());
    }
}
