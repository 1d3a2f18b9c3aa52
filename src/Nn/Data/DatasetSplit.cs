namespace Leibniz.Nn;

/// <summary>A data set cut into disjoint training, validation and test parts by <see cref="Dataset.Split"/>.</summary>
/// <param name="Train">The rows to fit the model (and every preprocessing statistic) on.</param>
/// <param name="Validation">The rows to choose hyper-parameters and stop early on; may be empty.</param>
/// <param name="Test">The rows to report the final error on, looked at once; may be empty.</param>
public sealed record DatasetSplit(Dataset Train, Dataset Validation, Dataset Test);
