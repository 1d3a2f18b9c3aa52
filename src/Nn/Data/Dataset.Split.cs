using System.Globalization;

namespace Leibniz.Nn;

public sealed partial class Dataset
{
    /// <summary>
    /// Shuffles the rows with <paramref name="seed"/> and cuts them into training, validation and test parts; the
    /// test part gets the rows that remain. The same seed always gives the same split, on every platform.
    /// </summary>
    /// <param name="trainFraction">The share of rows for training, in (0, 1].</param>
    /// <param name="validationFraction">The share of rows for validation, in [0, 1 − <paramref name="trainFraction"/>].</param>
    /// <param name="seed">Fixes the shuffle.</param>
    /// <returns>The three parts; each part's size is its fraction of <see cref="Count"/>, rounded to nearest.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A fraction is outside its range, or the training part would be empty.</exception>
    public DatasetSplit Split(double trainFraction, double validationFraction, int seed)
    {
        if (!(trainFraction > 0 && trainFraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(trainFraction), trainFraction, "The training fraction must be in (0, 1].");
        }

        if (!(validationFraction >= 0 && trainFraction + validationFraction <= 1 + 1e-12))
        {
            throw new ArgumentOutOfRangeException(
                nameof(validationFraction), validationFraction, "The validation fraction must be in [0, 1 - trainFraction].");
        }

        var trainCount = (int)Math.Round(Count * trainFraction, MidpointRounding.AwayFromZero);
        var validationCount = Math.Min(
            Count - trainCount, (int)Math.Round(Count * validationFraction, MidpointRounding.AwayFromZero));
        if (trainCount == 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(trainFraction),
                trainFraction,
                string.Create(CultureInfo.InvariantCulture, $"{trainFraction} of {Count} rows leaves no training rows."));
        }

        var order = new int[Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        new SeededRandom(SeededRandom.Mix(seed, 0x5EED)).Shuffle(order);
        return new DatasetSplit(
            Subset(order.AsSpan(0, trainCount)),
            Subset(order.AsSpan(trainCount, validationCount)),
            Subset(order.AsSpan(trainCount + validationCount)));
    }
}
