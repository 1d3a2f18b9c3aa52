using System.Globalization;

namespace Leibniz.Nn;

/// <summary>
/// Fills missing feature values (<see cref="float.NaN"/>, from <see cref="MissingValuePolicy.KeepAsNaN"/>) with the
/// column mean of the rows it was fitted on. Fit it on the training part after the split and apply it to every
/// part: the held-out rows then contribute nothing to the values used in training.
/// </summary>
public sealed class MeanImputer
{
    private readonly float[] _means;

    private MeanImputer(float[] means) => _means = means;

    /// <summary>The fill value of each feature: the mean of its non-missing training values.</summary>
    public ReadOnlySpan<float> Means => _means;

    /// <summary>Fits the mean of each feature column over its non-missing values.</summary>
    /// <param name="training">The training part.</param>
    /// <exception cref="ArgumentException">A feature column has no value at all.</exception>
    public static MeanImputer Fit(Dataset training)
    {
        ArgumentNullException.ThrowIfNull(training);
        var columns = training.FeatureCount;
        var sums = new double[columns];
        var counts = new int[columns];
        var values = training.Features;
        for (var i = 0; i < values.Length; i++)
        {
            if (!float.IsNaN(values[i]))
            {
                sums[i % columns] += values[i];
                counts[i % columns]++;
            }
        }

        var means = new float[columns];
        for (var c = 0; c < columns; c++)
        {
            if (counts[c] == 0)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Feature '{training.FeatureNames[c]}' (column {c}) has no value in any of the {training.Count} rows."),
                    nameof(training));
            }

            means[c] = (float)(sums[c] / counts[c]);
        }

        return new MeanImputer(means);
    }

    /// <summary>A copy of <paramref name="data"/> with every missing feature replaced by its fitted mean.</summary>
    /// <param name="data">Any part with the same features as the training part.</param>
    public Dataset Transform(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.FeatureCount != _means.Length)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The data set has {data.FeatureCount} features; the imputer was fitted on {_means.Length}."),
                nameof(data));
        }

        var features = data.Features.ToArray();
        for (var i = 0; i < features.Length; i++)
        {
            if (float.IsNaN(features[i]))
            {
                features[i] = _means[i % _means.Length];
            }
        }

        return data.WithValues(features, data.Targets.ToArray());
    }
}
