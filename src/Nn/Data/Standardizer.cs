using System.Globalization;

namespace Leibniz.Nn;

/// <summary>
/// Column-wise standardization, z = (x − mean) / standard deviation, with the statistics of the data it was
/// fitted on: fit it on the training rows only and apply it unchanged to validation, test and new data. Fitted on
/// targets, its <see cref="InverseTransform(float, int)"/> turns predictions back into the original units.
/// </summary>
/// <remarks>
/// The standard deviation is the population one (divisor n, as scikit-learn's StandardScaler). A column with zero
/// variance keeps a scale of 1, so it becomes all zeros instead of NaN.
/// </remarks>
public sealed class Standardizer
{
    private readonly float[] _means;
    private readonly float[] _scales;

    private Standardizer(float[] means, float[] scales, IReadOnlyList<string>? names)
    {
        _means = means;
        _scales = scales;
        ColumnNames = names ?? [.. Enumerable.Range(0, means.Length).Select(c => Invariant($"column {c}"))];
        HasNames = names is not null;
    }

    /// <summary>The names of the columns it was fitted on (<c>column 0, column 1, …</c> when none were given).</summary>
    public IReadOnlyList<string> ColumnNames { get; }

    /// <summary>Whether <see cref="ColumnNames"/> came from the data rather than positions.</summary>
    internal bool HasNames { get; }

    /// <summary>The number of columns it standardizes.</summary>
    public int ColumnCount => _means.Length;

    /// <summary>The fitted mean of each column.</summary>
    public ReadOnlySpan<float> Means => _means;

    /// <summary>The divisor of each column: its fitted standard deviation, or 1 for a constant column.</summary>
    public ReadOnlySpan<float> Scales => _scales;

    /// <summary>Fits the means and standard deviations of the columns of a row-major table.</summary>
    /// <param name="values">Row-major values, a whole number of rows of <paramref name="columnCount"/>, at least one row.</param>
    /// <param name="columnCount">Columns per row.</param>
    /// <param name="columnNames">One name per column, used in error messages; positions when omitted.</param>
    /// <exception cref="ArgumentException">
    /// The table is empty or ragged, the names do not match the columns, or a value is NaN or infinity (impute missing
    /// values first; the message names the row and the column).
    /// </exception>
    public static Standardizer Fit(ReadOnlySpan<float> values, int columnCount, IReadOnlyList<string>? columnNames = null) =>
        Fit(values, columnCount, columnNames, [], "column");

    private static Standardizer Fit(ReadOnlySpan<float> values, int columnCount, IReadOnlyList<string>? columnNames, IReadOnlyList<int> lines, string what)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columnCount, 1);
        if (columnNames is not null && columnNames.Count != columnCount)
        {
            throw new ArgumentException(Invariant($"{columnNames.Count} names were given for {columnCount} columns."), nameof(columnNames));
        }

        if (values.Length == 0 || values.Length % columnCount != 0)
        {
            throw new ArgumentException(
                Invariant($"Expected at least one row of {columnCount} values, got {values.Length} values."), nameof(values));
        }

        var rows = values.Length / columnCount;
        var means = new double[columnCount];
        for (var i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                var row = i / columnCount;
                var column = i % columnCount;
                var name = columnNames is null ? Invariant($"column {column}") : Invariant($"{what} '{columnNames[column]}' (column {column})");
                var line = lines.Count == 0 ? "" : Invariant($" (line {lines[row]} of the file)");
                throw new ArgumentException(
                    Invariant($"Row {row}{line}, {name} is {values[i]}; fill missing values (MeanImputer) before standardizing."),
                    nameof(values));
            }

            means[i % columnCount] += values[i];
        }

        for (var c = 0; c < columnCount; c++)
        {
            means[c] /= rows;
        }

        // Two passes (mean, then squared deviations) in double: no cancellation for large offsets.
        var variances = new double[columnCount];
        for (var i = 0; i < values.Length; i++)
        {
            var d = values[i] - means[i % columnCount];
            variances[i % columnCount] += d * d;
        }

        var scales = new float[columnCount];
        for (var c = 0; c < columnCount; c++)
        {
            var deviation = (float)Math.Sqrt(variances[c] / rows);
            scales[c] = deviation > 0 && float.IsNormal(deviation) ? deviation : 1f;
        }

        return new Standardizer([.. means.Select(m => (float)m)], scales, columnNames is null ? null : [.. columnNames]);
    }

    /// <summary>Fits the feature columns of <paramref name="training"/>.</summary>
    /// <param name="training">The training part only, so no statistic of held-out rows leaks in.</param>
    public static Standardizer FitFeatures(Dataset training)
    {
        ArgumentNullException.ThrowIfNull(training);
        return Fit(training.Features, training.FeatureCount, training.FeatureNames, training.SourceLines, "feature");
    }

    /// <summary>Fits the target columns of <paramref name="training"/>.</summary>
    /// <param name="training">The training part only, so no statistic of held-out rows leaks in.</param>
    /// <exception cref="ArgumentException">The target holds class indices (<see cref="Dataset.ClassNames"/>), which are labels, not quantities.</exception>
    public static Standardizer FitTargets(Dataset training)
    {
        ArgumentNullException.ThrowIfNull(training);
        if (training.ClassNames.Count > 0)
        {
            throw new ArgumentException(
                Invariant($"The target '{training.TargetNames[0]}' holds class indices ({training.ClassNames.Count} classes: {string.Join(", ", training.ClassNames.Take(5))}{(training.ClassNames.Count > 5 ? ", …" : "")}); standardize only numeric targets, and train classes with CrossEntropyLoss."),
                nameof(training));
        }

        return Fit(training.Targets, training.TargetCount, training.TargetNames, training.SourceLines, "target");
    }

    /// <summary>Standardizes a row-major table into <paramref name="destination"/> (which may be the source itself).</summary>
    /// <param name="source">Row-major values, a whole number of rows of <see cref="ColumnCount"/>.</param>
    /// <param name="destination">As long as <paramref name="source"/>.</param>
    public void Transform(ReadOnlySpan<float> source, Span<float> destination)
    {
        Check(source, destination);
        for (var i = 0; i < source.Length; i++)
        {
            var c = i % _means.Length;
            destination[i] = (source[i] - _means[c]) / _scales[c];
        }
    }

    /// <summary>Undoes <see cref="Transform"/>: x = z · scale + mean, into <paramref name="destination"/> (which may be the source itself).</summary>
    /// <param name="source">Row-major standardized values, a whole number of rows of <see cref="ColumnCount"/>.</param>
    /// <param name="destination">As long as <paramref name="source"/>.</param>
    public void InverseTransform(ReadOnlySpan<float> source, Span<float> destination)
    {
        Check(source, destination);
        for (var i = 0; i < source.Length; i++)
        {
            var c = i % _means.Length;
            destination[i] = (source[i] * _scales[c]) + _means[c];
        }
    }

    /// <summary>Undoes the standardization of one value, e.g. a predicted target, for reporting in original units.</summary>
    /// <param name="value">A standardized value.</param>
    /// <param name="column">Its column; 0 for a single target.</param>
    public float InverseTransform(float value, int column = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, ColumnCount);
        return (value * _scales[column]) + _means[column];
    }

    private void Check(ReadOnlySpan<float> source, Span<float> destination)
    {
        if (source.Length % _means.Length != 0)
        {
            throw new ArgumentException(
                Invariant($"{source.Length} values are not a whole number of rows of {_means.Length} columns."), nameof(source));
        }

        if (destination.Length != source.Length)
        {
            throw new ArgumentException(
                Invariant($"The destination holds {destination.Length} values, the source {source.Length}."), nameof(destination));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
