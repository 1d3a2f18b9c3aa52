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

    private Standardizer(float[] means, float[] scales)
    {
        _means = means;
        _scales = scales;
    }

    /// <summary>The number of columns it standardizes.</summary>
    public int ColumnCount => _means.Length;

    /// <summary>The fitted mean of each column.</summary>
    public ReadOnlySpan<float> Means => _means;

    /// <summary>The divisor of each column: its fitted standard deviation, or 1 for a constant column.</summary>
    public ReadOnlySpan<float> Scales => _scales;

    /// <summary>Fits the means and standard deviations of the columns of a row-major table.</summary>
    /// <param name="values">Row-major values, a whole number of rows of <paramref name="columnCount"/>, at least one row.</param>
    /// <param name="columnCount">Columns per row.</param>
    /// <exception cref="ArgumentException">The table is empty or ragged, or holds NaN or infinity (impute missing values first).</exception>
    public static Standardizer Fit(ReadOnlySpan<float> values, int columnCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columnCount, 1);
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
                throw new ArgumentException(
                    Invariant($"Row {i / columnCount}, column {i % columnCount} is {values[i]}; fill missing values (MeanImputer) before standardizing."),
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

        return new Standardizer([.. means.Select(m => (float)m)], scales);
    }

    /// <summary>Fits the feature columns of <paramref name="training"/>.</summary>
    /// <param name="training">The training part only, so no statistic of held-out rows leaks in.</param>
    public static Standardizer FitFeatures(Dataset training)
    {
        ArgumentNullException.ThrowIfNull(training);
        return Fit(training.Features, training.FeatureCount);
    }

    /// <summary>Fits the target columns of <paramref name="training"/>.</summary>
    /// <param name="training">The training part only, so no statistic of held-out rows leaks in.</param>
    public static Standardizer FitTargets(Dataset training)
    {
        ArgumentNullException.ThrowIfNull(training);
        return Fit(training.Targets, training.TargetCount);
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
