namespace Leibniz.Nn;

/// <summary>
/// What <see cref="Dataset.LoadCsv"/> does with an empty field (nothing, or only spaces, between two separators).
/// </summary>
public enum MissingValuePolicy
{
    /// <summary>
    /// The default: the first missing value throws a <see cref="CsvFormatException"/> naming its line and column,
    /// so that missing data is always a decision, never a surprise.
    /// </summary>
    Error = 0,

    /// <summary>
    /// Rows with any missing value are left out; their line numbers are listed in
    /// <see cref="Dataset.DroppedLines"/>, so nothing disappears unreported.
    /// </summary>
    DropRow = 1,

    /// <summary>
    /// Missing feature values become <see cref="float.NaN"/> (every one-hot column of a missing category too), to
    /// be filled after the split by a <see cref="MeanImputer"/> fitted on the training rows only, so that no
    /// statistic of the validation or test rows leaks into training. A missing target still throws.
    /// </summary>
    KeepAsNaN = 2,
}
