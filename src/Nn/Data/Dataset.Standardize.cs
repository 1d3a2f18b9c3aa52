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
            CheckColumns(features, FeatureNames, "features", nameof(features));
            x = new float[_features.Length];
            features.Transform(_features, x);
        }

        var y = _targets;
        if (targets is not null)
        {
            CheckColumns(targets, TargetNames, "targets", nameof(targets));
            y = new float[_targets.Length];
            targets.Transform(_targets, y);
        }

        return WithValues(x, y);
    }

    private static void CheckColumns(Standardizer standardizer, IReadOnlyList<string> names, string what, string paramName)
    {
        if (standardizer.ColumnCount != names.Count)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The standardizer has {standardizer.ColumnCount} columns ({Names(standardizer.ColumnNames)}); the data set has {names.Count} {what} ({Names(names)})."),
                paramName);
        }

        // Same count, other columns: typically one-hot columns of a file whose categories differ from the training file's.
        for (var c = 0; standardizer.HasNames && c < names.Count; c++)
        {
            if (standardizer.ColumnNames[c] != names[c])
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Column {c} of the {what} is '{names[c]}', but the standardizer was fitted on '{standardizer.ColumnNames[c]}' there."),
                    paramName);
            }
        }
    }

    private static string Names(IReadOnlyList<string> names) =>
        names.Count <= 6 ? string.Join(", ", names) : string.Join(", ", names.Take(5)) + ", …";
}
