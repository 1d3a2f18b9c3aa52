using System.Buffers;
using System.Numerics;

namespace Leibniz;

public sealed partial class SparseHessian
{
    /// <summary>
    /// A pattern from its nonzero positions. Give each off-diagonal pair once or twice, in either triangle: the pattern
    /// is made symmetric, and the whole diagonal is always included. Repeated pairs are merged.
    /// </summary>
    /// <param name="size">The number of variables n ≥ 1.</param>
    /// <param name="nonzeros">(row, column) positions, each index in [0, n).</param>
    /// <returns>The colored pattern.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is below 1, or a position is outside the matrix.</exception>
    public static SparseHessian FromPattern(int size, ReadOnlySpan<(int Row, int Column)> nonzeros)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var keys = new long[size + 2 * nonzeros.Length];
        for (var i = 0; i < size; i++)
        {
            keys[i] = Key(i, i, size);
        }

        for (var k = 0; k < nonzeros.Length; k++)
        {
            var (row, column) = nonzeros[k];
            if ((uint)row >= (uint)size || (uint)column >= (uint)size)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(nonzeros), $"Position {k} is ({row}, {column}), outside the {size}×{size} Hessian.");
            }

            keys[size + 2 * k] = Key(row, column, size);
            keys[size + 2 * k + 1] = Key(column, row, size);
        }

        Array.Sort(keys);
        var distinct = keys.Length == 0 ? 0 : 1;
        for (var k = 1; k < keys.Length; k++)
        {
            if (keys[k] != keys[distinct - 1])
            {
                keys[distinct++] = keys[k];
            }
        }

        var rowStarts = new int[size + 1];
        var columns = new int[distinct];
        for (var k = 0; k < distinct; k++)
        {
            rowStarts[(int)(keys[k] / size) + 1]++;
            columns[k] = (int)(keys[k] % size);
        }

        for (var row = 0; row < size; row++)
        {
            rowStarts[row + 1] += rowStarts[row];
        }

        return new SparseHessian(rowStarts, columns);
    }

    /// <summary>The pattern of a banded Hessian: entry (i, j) may be nonzero when |i − j| ≤ <paramref name="halfBandwidth"/>.</summary>
    /// <param name="size">The number of variables n ≥ 1.</param>
    /// <param name="halfBandwidth">k ≥ 0: 0 is diagonal, 1 tridiagonal.</param>
    /// <returns>The colored pattern (at most 2k + 1 colors).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is below 1 or <paramref name="halfBandwidth"/> is negative.</exception>
    public static SparseHessian Banded(int size, int halfBandwidth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(halfBandwidth);
        var pairs = new List<(int, int)>();
        for (var row = 0; row < size; row++)
        {
            for (var column = row + 1; column <= Math.Min(size - 1, row + halfBandwidth); column++)
            {
                pairs.Add((row, column));
            }
        }

        return FromPattern(size, pairs.ToArray());
    }

    /// <summary>
    /// Finds the pattern numerically: n Hessian-vector products at <paramref name="x"/>, one per unit vector, and
    /// every entry that is not exactly zero there. Costs as much as one dense Hessian; detect once, then
    /// <see cref="Evaluate{T}"/> at many points.
    /// </summary>
    /// <remarks>
    /// An entry that happens to be zero at <paramref name="x"/> (a product with a coordinate that is 0 there, or a
    /// branch not taken at x) is taken as structurally zero, and would then be missing wherever it is not. Detect at
    /// a generic point (not all zeros or ones), or use <see cref="FromPattern"/> when the structure is known.
    /// </remarks>
    /// <typeparam name="T">The floating type.</typeparam>
    /// <param name="hvp">The Hessian-vector product of f.</param>
    /// <param name="x">The point (n ≥ 1 coordinates) where f is twice differentiable.</param>
    /// <returns>The colored pattern.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="hvp"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty, or the Hessian at x has a NaN or infinite entry.</exception>
    public static SparseHessian Detect<T>(HessianVectorProduct<T> hvp, ReadOnlySpan<T> x)
        where T : INumberBase<T>
    {
        ArgumentNullException.ThrowIfNull(hvp);
        var n = x.Length;
        if (n == 0)
        {
            throw new ArgumentException("Expected at least one coordinate, got an empty span.", nameof(x));
        }

        var direction = ArrayPool<T>.Shared.Rent(n);
        var gradient = ArrayPool<T>.Shared.Rent(n);
        var product = ArrayPool<T>.Shared.Rent(n);
        try
        {
            direction.AsSpan(0, n).Clear();
            var pairs = new List<(int, int)>();
            for (var column = 0; column < n; column++)
            {
                direction[column] = T.One;
                hvp(x, direction.AsSpan(0, n), gradient.AsSpan(0, n), product.AsSpan(0, n));
                direction[column] = T.Zero;
                for (var row = 0; row < n; row++)
                {
                    if (!T.IsFinite(product[row]))
                    {
                        throw new ArgumentException(
                            $"The Hessian at x has the non-finite entry {product[row]} at ({row}, {column}): detect at a point where f is twice differentiable.",
                            nameof(x));
                    }

                    if (row != column && !T.IsZero(product[row]))
                    {
                        pairs.Add((row, column));
                    }
                }
            }

            return FromPattern(n, pairs.ToArray());
        }
        finally
        {
            ArrayPool<T>.Shared.Return(direction);
            ArrayPool<T>.Shared.Return(gradient);
            ArrayPool<T>.Shared.Return(product);
        }
    }

    private static long Key(int row, int column, int size) => (long)row * size + column;
}
