using System.Globalization;

namespace Leibniz.Nn;

public sealed partial class Dataset
{
    /// <summary>A copy with the features and/or targets standardized by already fitted standardizers.</summary>
    /// <param name="features">Fitted on the training features (see <see cref="Standardizer.FitFeatures"/>), or <see langword="null"/> to keep them.</param>
    /// <param name="targets">Fitted on the training targets (see <see cref="Standardizer.FitTargets"/>), or <see langword="null"/> to keep them.</param>
    public Dataset Standardize(Standardizer? features, Standardizer? targets = null)
    {
        var x = _features;
        if (features is not null)
        {
            CheckColumns(features, FeatureCount, "features", nameof(features));
            x = new float[_features.Length];
            features.Transform(_features, x);
        }

        var y = _targets;
        if (targets is not null)
        {
            CheckColumns(targets, TargetCount, "targets", nameof(targets));
            y = new float[_targets.Length];
            targets.Transform(_targets, y);
        }

        return WithValues(x, y);
    }

    private static void CheckColumns(Standardizer standardizer, int expected, string what, string paramName)
    {
        if (standardizer.ColumnCount != expected)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The standardizer has {standardizer.ColumnCount} columns; the data set has {expected} {what}."),
                paramName);
        }
    }
}
