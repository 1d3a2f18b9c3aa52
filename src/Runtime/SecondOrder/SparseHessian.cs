using System.Buffers;
using System.Numerics;

namespace Leibniz;

/// <summary>
/// The sparsity pattern of a symmetric n×n Hessian, colored so that the whole Hessian comes from a few
/// Hessian-vector products instead of n: one per color. Off-diagonal entries are read directly from the products
/// (star coloring; no linear solve): no cancellation, and both triangles hold the same bits (exactly symmetric).
/// </summary>
/// <remarks>
/// <para>The values are stored in compressed sparse row order over the full symmetric pattern (both triangles and
/// the whole diagonal, which is always part of the pattern): row i's entries are
/// <c>values[RowStarts[i]..RowStarts[i + 1]]</c>, in the columns <c>Columns[RowStarts[i]..RowStarts[i + 1]]</c>,
/// ascending.</para>
/// <para>A banded Hessian of half-bandwidth k needs at most 2k + 1 products whatever n is (the extended Rosenbrock
/// function's tridiagonal one needs 3); an arrowhead (one variable coupled to all) needs 2. Build a pattern once
/// and evaluate it at many points: <see cref="Evaluate{T}"/> allocates nothing once the shared array pool is warm
/// and is safe to call from several threads at once.</para>
/// </remarks>
public sealed partial class SparseHessian
{
    private readonly int[] _rowStarts;
    private readonly int[] _columns;
    private readonly int[] _colors;

    // Entries grouped by the color of the product they are read from: entry _entries[k] is element _sources[k] of
    // the product for color c, for _colorStarts[c] ≤ k < _colorStarts[c + 1].
    private readonly int[] _colorStarts;
    private readonly int[] _entries;
    private readonly int[] _sources;

    // The variables of color c are _members[_memberStarts[c].._memberStarts[c + 1]]: the ones of its direction.
    private readonly int[] _memberStarts;
    private readonly int[] _members;

    private SparseHessian(int[] rowStarts, int[] columns)
    {
        _rowStarts = rowStarts;
        _columns = columns;
        (_colors, ColorCount) = StarColoring.Color(rowStarts, columns);
        (_colorStarts, _entries, _sources) = RecoveryPlan();
        (_memberStarts, _members) = GroupByColor(_colors, ColorCount);
    }

    /// <summary>The number of variables n (the Hessian is n×n).</summary>
    public int Size => _rowStarts.Length - 1;

    /// <summary>The number of stored entries: every nonzero of both triangles and the whole diagonal.</summary>
    public int NonzeroCount => _columns.Length;

    /// <summary>The number of Hessian-vector products one <see cref="Evaluate{T}"/> costs.</summary>
    public int ColorCount { get; }

    /// <summary>Where each row's entries start in <see cref="Columns"/> and in the values (n + 1 offsets).</summary>
    public ReadOnlySpan<int> RowStarts => _rowStarts;

    /// <summary>The column of each stored entry, ascending within a row.</summary>
    public ReadOnlySpan<int> Columns => _columns;

    /// <summary>The color of each variable: the variables of one color share one Hessian-vector product.</summary>
    public ReadOnlySpan<int> Colors => _colors;

    /// <summary>
    /// Computes f(x), ∇f(x) and the Hessian's entries at <paramref name="x"/> with <see cref="ColorCount"/> calls
    /// of <paramref name="hvp"/>, each in the direction that sums the unit vectors of one color.
    /// </summary>
    /// <typeparam name="T">The floating type.</typeparam>
    /// <param name="hvp">The Hessian-vector product of f, for example a generated <c>FHvp</c> method group.</param>
    /// <param name="x">The point; its length must be <see cref="Size"/>.</param>
    /// <param name="gradient">Receives ∇f(x); length <see cref="Size"/>.</param>
    /// <param name="values">Receives the entries in the order of <see cref="Columns"/>; length <see cref="NonzeroCount"/>.</param>
    /// <returns>f(x).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="hvp"/> is null.</exception>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    public T Evaluate<T>(HessianVectorProduct<T> hvp, ReadOnlySpan<T> x, Span<T> gradient, Span<T> values)
        where T : INumberBase<T>
    {
        ArgumentNullException.ThrowIfNull(hvp);
        ThrowIfLengthDiffers(x.Length, Size, nameof(x), "Size");
        ThrowIfLengthDiffers(gradient.Length, Size, nameof(gradient), "Size");
        ThrowIfLengthDiffers(values.Length, NonzeroCount, nameof(values), "NonzeroCount");

        // Buffers lost to an exception thrown by hvp are only not reused: no try/finally, which would keep the
        // loop's locals out of registers.
        var direction = ArrayPool<T>.Shared.Rent(Size);
        var product = ArrayPool<T>.Shared.Rent(Size);
        var value = EvaluateColors(hvp, x, gradient, values, direction.AsSpan(0, Size), product.AsSpan(0, Size));
        ArrayPool<T>.Shared.Return(direction);
        ArrayPool<T>.Shared.Return(product);
        return value;
    }

    private T EvaluateColors<T>(
        HessianVectorProduct<T> hvp, ReadOnlySpan<T> x, Span<T> gradient, Span<T> values, Span<T> direction, Span<T> product)
        where T : INumberBase<T>
    {
        ReadOnlySpan<int> members = _members, entries = _entries, sources = _sources;

        // One zero direction, whose ones are set and reset color by color: O(n) in all, not O(n·colors).
        direction.Clear();
        var value = T.Zero;
        for (var color = 0; color < ColorCount; color++)
        {
            var ones = members[_memberStarts[color].._memberStarts[color + 1]];
            foreach (var member in ones)
            {
                direction[member] = T.One;
            }

            value = hvp(x, direction, gradient, product);
            foreach (var member in ones)
            {
                direction[member] = T.Zero;
            }

            var (first, end) = (_colorStarts[color], _colorStarts[color + 1]);
            for (var k = first; k < end; k++)
            {
                values[entries[k]] = product[sources[k]];
            }
        }

        return value;
    }

    /// <summary>Writes the entries <paramref name="values"/> into a dense n×n row-major matrix (zeros elsewhere).</summary>
    /// <typeparam name="T">The floating type.</typeparam>
    /// <param name="values">Entries in the order of <see cref="Columns"/>; length <see cref="NonzeroCount"/>.</param>
    /// <param name="dense">Receives the matrix; length n².</param>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    public void ToDense<T>(ReadOnlySpan<T> values, Span<T> dense)
        where T : INumberBase<T>
    {
        ThrowIfLengthDiffers(values.Length, NonzeroCount, nameof(values), "NonzeroCount");
        ThrowIfLengthDiffers(dense.Length, Size * Size, nameof(dense), "Size²");
        dense.Clear();
        for (var row = 0; row < Size; row++)
        {
            for (var k = _rowStarts[row]; k < _rowStarts[row + 1]; k++)
            {
                dense[row * Size + _columns[k]] = values[k];
            }
        }
    }

    // Entry (i, j) is product_{color(j)}[i] when j is the only variable of its color among row i's columns
    // (always so for j = i, since neighbors differ in color); otherwise the star coloring guarantees the mirror
    // case, product_{color(i)}[j]. Each entry is read once per evaluation, from one product.
    private (int[] ColorStarts, int[] Entries, int[] Sources) RecoveryPlan()
    {
        var colorOfEntry = new int[NonzeroCount];
        var sources = new int[NonzeroCount];
        for (var row = 0; row < Size; row++)
        {
            for (var k = _rowStarts[row]; k < _rowStarts[row + 1]; k++)
            {
                // Both triangles take the decision of the upper one, so the result is exactly symmetric.
                var (upper, lower) = (Math.Min(row, _columns[k]), Math.Max(row, _columns[k]));
                (colorOfEntry[k], sources[k]) = IsOnlyOfItsColor(upper, lower) ? (_colors[lower], upper)
                    : IsOnlyOfItsColor(lower, upper) ? (_colors[upper], lower)
                    : throw new InvalidOperationException(
                        $"The coloring is not a star coloring at entry ({upper}, {lower}); please report this pattern.");
            }
        }

        var (colorStarts, entries) = GroupByColor(colorOfEntry, ColorCount);
        var grouped = new int[NonzeroCount];
        for (var slot = 0; slot < NonzeroCount; slot++)
        {
            grouped[slot] = sources[entries[slot]];
        }

        return (colorStarts, entries, grouped);
    }

    // A counting sort of the indices 0…m−1 by their color: group c is indices[starts[c]..starts[c + 1]], ascending.
    private static (int[] Starts, int[] Indices) GroupByColor(int[] colorOf, int colorCount)
    {
        var starts = new int[colorCount + 1];
        foreach (var color in colorOf)
        {
            starts[color + 1]++;
        }

        for (var color = 0; color < colorCount; color++)
        {
            starts[color + 1] += starts[color];
        }

        var next = starts[..^1];
        var indices = new int[colorOf.Length];
        for (var index = 0; index < colorOf.Length; index++)
        {
            indices[next[colorOf[index]]++] = index;
        }

        return (starts, indices);
    }

    private bool IsOnlyOfItsColor(int row, int column)
    {
        for (var k = _rowStarts[row]; k < _rowStarts[row + 1]; k++)
        {
            if (_columns[k] != column && _colors[_columns[k]] == _colors[column])
            {
                return false;
            }
        }

        return true;
    }

    private static void ThrowIfLengthDiffers(int actual, int expected, string paramName, string what)
    {
        if (actual != expected)
        {
            throw new ArgumentException($"Expected length {expected} (the pattern's {what}), got {actual}.", paramName);
        }
    }
}
