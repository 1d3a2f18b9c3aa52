using Leibniz.Nn;

namespace Leibniz.Samples.HousingPrices;

/// <summary>A CSV file prepared for training: split, imputed and standardized on the training rows only.</summary>
/// <param name="Source">The loaded file.</param>
/// <param name="Train">Training rows, ready for the network.</param>
/// <param name="Validation">Validation rows (early stopping).</param>
/// <param name="Test">Held-out rows, used once at the end.</param>
/// <param name="Targets">The target standardizer, to turn predictions back into the file's units.</param>
public sealed record HousingData(Dataset Source, Dataset Train, Dataset Validation, Dataset Test, Standardizer Targets)
{
    /// <summary>
    /// Loads <paramref name="path"/>, one-hot encodes <paramref name="categorical"/> and any other text column the
    /// loader recognises, keeps blank fields as NaN,
    /// splits 80/10/10 with the seed, fills blanks with training means, and standardizes features and target with
    /// training statistics only — so nothing about the validation or test rows leaks into training.
    /// </summary>
    /// <exception cref="SampleInputException">The file is missing or malformed, or the target is unknown.</exception>
    public static HousingData Load(string path, string target, IReadOnlyList<string> categorical, int seed, int? maxRows = null)
    {
        if (!File.Exists(path))
        {
            throw new SampleInputException($"{path}: no such file. Pass a CSV file with --data <file.csv>.");
        }

        Dataset data;
        try
        {
            data = Dataset.LoadCsv(path, target, new CsvOptions
            {
                CategoricalColumns = categorical,
                MissingValues = MissingValuePolicy.KeepAsNaN,
            });
        }
        catch (CsvFormatException error)
        {
            // The loader names its own option; say what it is on this command line.
            var hint = error.Message.Contains("CategoricalColumns", StringComparison.Ordinal)
                ? " Here: --categorical <column>[,<column>…]."
                : "";
            throw new SampleInputException(error.Message + hint, error);
        }
        catch (ArgumentException error)
        {
            throw new SampleInputException($"{path}: {error.Message}", error);
        }

        if (data.ClassNames.Count > 0)
        {
            throw new SampleInputException(
                $"{path}: the target '{target}' holds text ({data.ClassNames.Count} classes: {string.Join(", ", data.ClassNames.Take(5))}{(data.ClassNames.Count > 5 ? ", …" : "")}); this sample predicts numbers, so pick a numeric --target.");
        }

        if (maxRows is { } max && data.Count > max)
        {
            data = data.Subset(Enumerable.Range(0, max).ToArray());
        }

        var split = data.Split(0.8, 0.1, seed);
        var imputer = MeanImputer.Fit(split.Train);
        var features = Standardizer.FitFeatures(imputer.Transform(split.Train));
        var targets = Standardizer.FitTargets(split.Train);
        Dataset Prepare(Dataset part) => imputer.Transform(part).Standardize(features, targets);
        return new HousingData(data, Prepare(split.Train), Prepare(split.Validation), Prepare(split.Test), targets)
        {
            Imputer = imputer,
            FeatureScaler = features,
        };
    }

    /// <summary>The training means that fill blank features (kept for <c>--export</c>).</summary>
    public MeanImputer? Imputer { get; init; }

    /// <summary>The feature standardizer fitted on the training rows (kept for <c>--export</c>).</summary>
    public Standardizer? FeatureScaler { get; init; }
}
