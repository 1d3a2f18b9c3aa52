using System.Collections;
using System.Globalization;
using System.Numerics;

namespace Leibniz.Nn;

/// <summary>
/// Cuts a data set into batches, like PyTorch's <c>DataLoader</c>: each enumeration is one epoch, reshuffled (when
/// <see cref="Shuffle"/> is on) with an order fixed by <see cref="Seed"/> and the epoch number, ending with a
/// smaller batch when the batch size does not divide the number of examples. The lecture's three regimes:
/// <see cref="FullBatch"/> (batch gradient descent), <see cref="Stochastic"/> (one example per step) and the
/// mini-batch constructor (32 by default).
/// </summary>
/// <remarks>
/// The batch tensors are allocated once and refilled, so a steady-state epoch allocates nothing; a batch is valid
/// until the enumeration moves on.
/// </remarks>
public sealed class DataLoader : IEnumerable<Batch>
{
    // Stored in the element type of the batches (float[] or double[]), so filling a batch is a plain copy and a
    // float64 tensor source keeps its precision.
    private readonly Array _features;
    private readonly Array _targets;
    private readonly int[] _order;
    private readonly Batch _full;
    private readonly Batch? _last;

    /// <summary>Creates a mini-batch loader over a data set.</summary>
    /// <param name="data">The examples; copied, so later changes to the source do not show.</param>
    /// <param name="batchSize">Examples per batch (the last batch may be smaller); clamped to the data set size.</param>
    /// <param name="shuffle">Whether each epoch visits the examples in a new random order.</param>
    /// <param name="seed">Fixes the sequence of orders: the same seed gives the same batches epoch after epoch.</param>
    /// <param name="dtype">The element type of the batch tensors.</param>
    public DataLoader(Dataset data, int batchSize = 32, bool shuffle = true, int seed = 0, DType dtype = DType.Float32)
        : this(
            Convert(Check(data).Features, dtype),
            data.FeatureCount,
            Convert(data.Targets, dtype),
            data.TargetCount,
            targetsAreVector: false,
            batchSize,
            shuffle,
            seed,
            dtype)
    {
        CheckFinite(data.Features, FeatureCount, data.FeatureNames, data.SourceLines, "feature", nameof(data));
        CheckFinite(data.Targets, TargetCount, data.TargetNames, data.SourceLines, "target", nameof(data));
    }

    /// <summary>Creates a mini-batch loader over a feature matrix and its targets.</summary>
    /// <param name="features">An <c>[n, featureCount]</c> matrix; its values are copied.</param>
    /// <param name="targets">An <c>[n]</c> vector or <c>[n, targetCount]</c> matrix; batches keep its rank.</param>
    /// <param name="batchSize">Examples per batch (the last batch may be smaller); clamped to <c>n</c>.</param>
    /// <param name="shuffle">Whether each epoch visits the examples in a new random order.</param>
    /// <param name="seed">Fixes the sequence of orders.</param>
    public DataLoader(Tensor features, Tensor targets, int batchSize = 32, bool shuffle = true, int seed = 0)
        : this(
            Copy(features, features.DType, nameof(features), 2),
            features.Rank == 2 ? features.Columns : 0,
            Copy(targets, features.DType, nameof(targets), 1, 2),
            targets.Rank == 2 ? targets.Columns : 1,
            targets.Rank == 1,
            batchSize,
            shuffle,
            seed,
            features.DType)
    {
        if (targets.Rows != features.Rows)
        {
            throw new ArgumentException(
                Invariant($"The targets have {targets.Rows} rows but the features have {features.Rows}."), nameof(targets));
        }

        CheckFinite(features.ToArray(), FeatureCount, null, [], "feature", nameof(features));
        CheckFinite(targets.ToArray(), TargetCount, null, [], "target", nameof(targets));
    }

    private DataLoader(
        Array features, int featureCount, Array targets, int targetCount, bool targetsAreVector, int batchSize, bool shuffle, int seed, DType dtype)
    {
        var count = features.Length / featureCount;
        if (count == 0)
        {
            throw new ArgumentException("The data set has no examples.", nameof(features));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _features = features;
        _targets = targets;
        _order = new int[count];
        Count = count;
        FeatureCount = featureCount;
        TargetCount = targetCount;
        BatchSize = Math.Min(batchSize, count);
        Shuffle = shuffle;
        Seed = seed;
        _full = NewBatch(BatchSize, featureCount, targetCount, targetsAreVector, dtype);
        var remainder = count % BatchSize;
        _last = remainder == 0 ? null : NewBatch(remainder, featureCount, targetCount, targetsAreVector, dtype);
    }

    /// <summary>The number of examples.</summary>
    public int Count { get; }

    /// <summary>Features per example.</summary>
    public int FeatureCount { get; }

    /// <summary>Targets per example.</summary>
    public int TargetCount { get; }

    /// <summary>Examples per batch; the last batch of an epoch may be smaller.</summary>
    public int BatchSize { get; }

    /// <summary>Batches per epoch: ⌈<see cref="Count"/> / <see cref="BatchSize"/>⌉.</summary>
    public int BatchesPerEpoch => (Count + BatchSize - 1) / BatchSize;

    /// <summary>Whether each epoch visits the examples in a new random order.</summary>
    public bool Shuffle { get; }

    /// <summary>The seed of the shuffle sequence (see <see cref="Reset"/>).</summary>
    public int Seed { get; private set; }

    /// <summary>The number of epochs enumerated so far; the next enumeration is epoch number <see cref="Epoch"/>.</summary>
    public int Epoch { get; private set; }

    /// <summary>Batch gradient descent: one batch holding the whole data set, in file order.</summary>
    /// <param name="data">The examples.</param>
    /// <param name="dtype">The element type of the batch tensors.</param>
    public static DataLoader FullBatch(Dataset data, DType dtype = DType.Float32) =>
        new(data, Check(data).Count, shuffle: false, seed: 0, dtype);

    /// <summary>Stochastic gradient descent: one example per batch, in a new random order each epoch.</summary>
    /// <param name="data">The examples.</param>
    /// <param name="seed">Fixes the sequence of orders.</param>
    /// <param name="dtype">The element type of the batch tensors.</param>
    public static DataLoader Stochastic(Dataset data, int seed = 0, DType dtype = DType.Float32) =>
        new(data, 1, shuffle: true, seed, dtype);

    /// <summary>Restarts the shuffle sequence: the next enumeration is epoch 0 of <paramref name="seed"/>.</summary>
    /// <param name="seed">The new seed.</param>
    public void Reset(int seed)
    {
        Seed = seed;
        Epoch = 0;
    }

    /// <summary>Starts the next epoch.</summary>
    public Enumerator GetEnumerator()
    {
        for (var i = 0; i < _order.Length; i++)
        {
            _order[i] = i;
        }

        if (Shuffle)
        {
            new SeededRandom(SeededRandom.Mix(Seed, Epoch)).Shuffle(_order);
        }

        Epoch++;
        return new Enumerator(this);
    }

    IEnumerator<Batch> IEnumerable<Batch>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private Batch Fill(int start)
    {
        var batch = start + BatchSize <= Count ? _full : _last!.Value;
        if (_features is float[] features32)
        {
            Gather(features32, (float[])_targets, batch.Features.AsSpan<float>(), batch.Targets.AsSpan<float>(), start, batch.Size);
        }
        else
        {
            Gather((double[])_features, (double[])_targets, batch.Features.AsSpan<double>(), batch.Targets.AsSpan<double>(), start, batch.Size);
        }

        return batch;
    }

    private void Gather<T>(T[] features, T[] targets, Span<T> x, Span<T> y, int start, int size)
    {
        for (var i = 0; i < size; i++)
        {
            var row = _order[start + i];
            features.AsSpan(row * FeatureCount, FeatureCount).CopyTo(x.Slice(i * FeatureCount, FeatureCount));
            targets.AsSpan(row * TargetCount, TargetCount).CopyTo(y.Slice(i * TargetCount, TargetCount));
        }
    }

    private static Array Convert(ReadOnlySpan<float> values, DType dtype)
    {
        if (dtype == DType.Float32)
        {
            return values.ToArray();
        }

        var result = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = values[i];
        }

        return result;
    }

    private static Batch NewBatch(int size, int featureCount, int targetCount, bool targetsAreVector, DType dtype) => new(
        Tensor.Zeros(size, featureCount, dtype),
        targetsAreVector ? Tensor.Zeros(size, dtype) : Tensor.Zeros(size, targetCount, dtype));

    /// <summary>A NaN would only surface epochs later as a NaN loss; name the culprit now.</summary>
    private static void CheckFinite<T>(
        ReadOnlySpan<T> values, int columns, IReadOnlyList<string>? names, IReadOnlyList<int> lines, string what, string paramName)
        where T : IFloatingPointIeee754<T>, IMinMaxValue<T>
    {
        var i = values.IndexOfAnyExceptInRange(T.MinValue, T.MaxValue);
        if (i < 0)
        {
            return;
        }

        var row = i / columns;
        var column = i % columns;
        var name = names is null ? Invariant($"{what} {column}") : $"{what} '{names[column]}'";
        var line = lines.Count == 0 ? "" : Invariant($" (line {lines[row]} of the file)");
        throw new ArgumentException(
            Invariant($"Row {row}{line}, {name} is {values[i]}; fill missing values with a MeanImputer fitted on the training rows first."),
            paramName);
    }

    private static Dataset Check(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data.Count > 0 ? data : throw new ArgumentException("The data set has no examples.", nameof(data));
    }

    private static Array Copy(Tensor tensor, DType dtype, string paramName, params int[] ranks)
    {
        if (!tensor.IsValid || Array.IndexOf(ranks, tensor.Rank) < 0)
        {
            throw new ArgumentException(
                Invariant($"Expected a tensor of rank {string.Join(" or ", ranks)}, got {tensor}."), paramName);
        }

        var values = tensor.ToArray();
        return dtype == DType.Float64 ? values : values.Select(v => (float)v).ToArray();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Walks the batches of one epoch; allocation-free.</summary>
    public struct Enumerator : IEnumerator<Batch>
    {
        private readonly DataLoader _loader;
        private int _next;

        internal Enumerator(DataLoader loader)
        {
            _loader = loader;
            _next = 0;
            Current = default;
        }

        /// <summary>The current batch (its tensors are refilled by the next <see cref="MoveNext"/>).</summary>
        public Batch Current { get; private set; }

        readonly object IEnumerator.Current => Current;

        /// <summary>Fills the next batch.</summary>
        /// <returns><see langword="false"/> after the last batch of the epoch.</returns>
        public bool MoveNext()
        {
            if (_next >= _loader.Count)
            {
                return false;
            }

            Current = _loader.Fill(_next);
            _next += Current.Size;
            return true;
        }

        /// <summary>Not supported: enumerate the loader again for the next epoch.</summary>
        public readonly void Reset() => throw new NotSupportedException("Enumerate the DataLoader again to start the next epoch.");

        /// <summary>Nothing to release.</summary>
        public readonly void Dispose()
        {
        }
    }
}
