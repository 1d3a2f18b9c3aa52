using System.Globalization;

namespace Leibniz.Nn;

/// <summary>
/// A table of float32 examples: <see cref="Count"/> rows of <see cref="FeatureCount"/> features and
/// <see cref="TargetCount"/> targets, both stored row-major. Immutable: every transformation returns a new data set.
/// </summary>
public sealed partial class Dataset
{
    private readonly float[] _features;
    private readonly float[] _targets;

    /// <summary>Creates a data set from copies of row-major feature and target arrays.</summary>
    /// <param name="features">Row-major features, <c>Count × featureCount</c> values.</param>
    /// <param name="featureCount">Features per row (at least 1).</param>
    /// <param name="targets">Row-major targets, <c>Count × targetCount</c> values.</param>
    /// <param name="targetCount">Targets per row (at least 1).</param>
    /// <param name="featureNames">One name per feature; <c>x0, x1, …</c> when omitted.</param>
    /// <param name="targetNames">One name per target; <c>y0, y1, …</c> when omitted.</param>
    /// <exception cref="ArgumentException">The lengths do not describe the same number of rows, or the names do not match the counts.</exception>
    public Dataset(
        ReadOnlySpan<float> features,
        int featureCount,
        ReadOnlySpan<float> targets,
        int targetCount = 1,
        IReadOnlyList<string>? featureNames = null,
        IReadOnlyList<string>? targetNames = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(featureCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(targetCount, 1);
        if (features.Length % featureCount != 0)
        {
            throw new ArgumentException(
                Invariant($"{features.Length} feature values are not a whole number of rows of {featureCount}."), nameof(features));
        }

        var count = features.Length / featureCount;
        if (targets.Length != count * targetCount)
        {
            throw new ArgumentException(
                Invariant($"{features.Length / featureCount} rows need {count * targetCount} target values ({targetCount} per row), but {targets.Length} were given."),
                nameof(targets));
        }

        _features = features.ToArray();
        _targets = targets.ToArray();
        Count = count;
        FeatureCount = featureCount;
        TargetCount = targetCount;
        FeatureNames = CheckNames(featureNames, featureCount, "x", nameof(featureNames));
        TargetNames = CheckNames(targetNames, targetCount, "y", nameof(targetNames));
        SourceLines = [];
        DroppedLines = [];
        ClassNames = [];
        InferredCategoricalColumns = [];
    }

    private Dataset(Dataset shape, float[] features, float[] targets, int[] sourceLines, IReadOnlyList<int> droppedLines)
        : this(features, shape.FeatureCount, targets, shape.TargetCount, shape.FeatureNames, shape.TargetNames, sourceLines, droppedLines,
            shape.ClassNames, shape.InferredCategoricalColumns)
    {
    }

    internal Dataset(
        float[] features,
        int featureCount,
        float[] targets,
        int targetCount,
        IReadOnlyList<string> featureNames,
        IReadOnlyList<string> targetNames,
        int[] sourceLines,
        IReadOnlyList<int> droppedLines,
        IReadOnlyList<string> classNames,
        IReadOnlyList<string> inferredCategoricalColumns)
    {
        _features = features;
        _targets = targets;
        Count = features.Length / featureCount;
        FeatureCount = featureCount;
        TargetCount = targetCount;
        FeatureNames = featureNames;
        TargetNames = targetNames;
        SourceLines = sourceLines;
        DroppedLines = droppedLines;
        ClassNames = classNames;
        InferredCategoricalColumns = inferredCategoricalColumns;
    }

    /// <summary>The number of rows (examples).</summary>
    public int Count { get; }

    /// <summary>Features per row.</summary>
    public int FeatureCount { get; }

    /// <summary>Targets per row.</summary>
    public int TargetCount { get; }

    /// <summary>The features, row-major: row <c>i</c> is <c>Features.Slice(i * FeatureCount, FeatureCount)</c>.</summary>
    public ReadOnlySpan<float> Features => _features;

    /// <summary>The targets, row-major: row <c>i</c> is <c>Targets.Slice(i * TargetCount, TargetCount)</c>.</summary>
    public ReadOnlySpan<float> Targets => _targets;

    /// <summary>One name per feature; one-hot features are named <c>column=value</c>.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>One name per target.</summary>
    public IReadOnlyList<string> TargetNames { get; }

    /// <summary>
    /// For a data set read from a file (and its subsets), the 1-based line each row came from, so a suspicious
    /// example can be found in the file; empty for data sets built in memory.
    /// </summary>
    public IReadOnlyList<int> SourceLines { get; }

    /// <summary>
    /// The 1-based lines left out by <see cref="MissingValuePolicy.DropRow"/> while loading, in file order;
    /// empty otherwise (and for subsets).
    /// </summary>
    public IReadOnlyList<int> DroppedLines { get; }

    /// <summary>
    /// For a class target read from text (a classification data set), the class names in ordinal order: a row's
    /// target is the index of its class here, ready for <see cref="CrossEntropyLoss"/>. Empty for a numeric target.
    /// </summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>
    /// The columns <see cref="Dataset.LoadCsv"/> found to hold text and one-hot encoded without being listed in
    /// <see cref="CsvOptions.CategoricalColumns"/>, in file order; empty otherwise.
    /// </summary>
    public IReadOnlyList<string> InferredCategoricalColumns { get; }

    /// <summary>The features of one row.</summary>
    /// <param name="row">A row index in [0, <see cref="Count"/>).</param>
    public ReadOnlySpan<float> FeatureRow(int row)
    {
        CheckRow(row);
        return _features.AsSpan(row * FeatureCount, FeatureCount);
    }

    /// <summary>The targets of one row.</summary>
    /// <param name="row">A row index in [0, <see cref="Count"/>).</param>
    public ReadOnlySpan<float> TargetRow(int row)
    {
        CheckRow(row);
        return _targets.AsSpan(row * TargetCount, TargetCount);
    }

    /// <summary>The rows at <paramref name="rows"/>, in that order (repeats allowed).</summary>
    /// <param name="rows">Row indices in [0, <see cref="Count"/>).</param>
    public Dataset Subset(ReadOnlySpan<int> rows)
    {
        var features = new float[rows.Length * FeatureCount];
        var targets = new float[rows.Length * TargetCount];
        var lines = SourceLines.Count == 0 ? [] : new int[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            if ((uint)row >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(rows), row, Invariant($"Row index {row} (at position {i}) is outside [0, {Count})."));
            }

            _features.AsSpan(row * FeatureCount, FeatureCount).CopyTo(features.AsSpan(i * FeatureCount));
            _targets.AsSpan(row * TargetCount, TargetCount).CopyTo(targets.AsSpan(i * TargetCount));
            if (lines.Length != 0)
            {
                lines[i] = SourceLines[row];
            }
        }

        return new Dataset(this, features, targets, lines, []);
    }

    /// <summary>The size and column names, e.g. <c>Dataset(20640 rows; features: longitude, latitude, …; target: median_house_value)</c>.</summary>
    public override string ToString()
    {
        var features = FeatureNames.Count <= 6 ? string.Join(", ", FeatureNames) : string.Join(", ", FeatureNames.Take(5)) + ", …";
        return Invariant($"Dataset({Count} rows; {FeatureCount} features: {features}; {TargetCount} target{(TargetCount == 1 ? "" : "s")}: {string.Join(", ", TargetNames)}{Classes()})");
    }

    private string Classes() => ClassNames.Count == 0
        ? ""
        : Invariant($" ({ClassNames.Count} classes: {(ClassNames.Count <= 6 ? string.Join(", ", ClassNames) : string.Join(", ", ClassNames.Take(5)) + ", …")})");

    /// <summary>A copy with new values (same shape and names).</summary>
    internal Dataset WithValues(float[] features, float[] targets) =>
        new(this, features, targets, SourceLines as int[] ?? [.. SourceLines], DroppedLines);

    private void CheckRow(int row)
    {
        if ((uint)row >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(row), row, Invariant($"Row index must be in [0, {Count})."));
        }
    }

    private static IReadOnlyList<string> CheckNames(IReadOnlyList<string>? names, int count, string prefix, string paramName)
    {
        if (names is null)
        {
            return [.. Enumerable.Range(0, count).Select(i => Invariant($"{prefix}{i}"))];
        }

        if (names.Count != count)
        {
            throw new ArgumentException(Invariant($"{names.Count} names were given for {count} columns."), paramName);
        }

        return [.. names];
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
