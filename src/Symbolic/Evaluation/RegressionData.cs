namespace Leibniz.Symbolic;

/// <summary>Named input columns and a target, stored by column (the interpreter reads contiguous rows).</summary>
public sealed class RegressionData
{
    private readonly double[][] _columns;

    /// <summary>Creates a dataset from columns.</summary>
    /// <param name="names">The inputs' names, in order; they become the emitted method's parameters.</param>
    /// <param name="columns">One array per input, all as long as <paramref name="target"/>.</param>
    /// <param name="target">The values to fit.</param>
    /// <exception cref="ArgumentException">Counts or lengths disagree, or there are no rows or no inputs.</exception>
    public RegressionData(IReadOnlyList<string> names, IReadOnlyList<double[]> columns, double[] target)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(target);
        if (names.Count != columns.Count)
        {
            throw new ArgumentException($"{names.Count} names for {columns.Count} columns.", nameof(names));
        }

        if (columns.Count == 0)
        {
            throw new ArgumentException("A dataset needs at least one input column.", nameof(columns));
        }

        if (target.Length == 0)
        {
            throw new ArgumentException("A dataset needs at least one row.", nameof(target));
        }

        for (var j = 0; j < columns.Count; j++)
        {
            ArgumentNullException.ThrowIfNull(columns[j], $"{nameof(columns)}[{j}]");
            if (columns[j].Length != target.Length)
            {
                throw new ArgumentException($"Column '{names[j]}' has {columns[j].Length} rows; the target has {target.Length}.", nameof(columns));
            }
        }

        Names = [.. names];
        _columns = [.. columns];
        Target = target;
    }

    /// <summary>The inputs' names, in order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The values to fit.</summary>
    public double[] Target { get; }

    /// <summary>The number of rows.</summary>
    public int Rows => Target.Length;

    /// <summary>The number of input columns.</summary>
    public int Variables => _columns.Length;

    /// <summary>Input column <paramref name="index"/>.</summary>
    /// <param name="index">The column.</param>
    public double[] Column(int index) => _columns[index];

    /// <summary>Builds a dataset from row-major points.</summary>
    /// <param name="names">The inputs' names.</param>
    /// <param name="points">Row-major inputs, <c>rows × names.Count</c> long.</param>
    /// <param name="target">The values to fit.</param>
    public static RegressionData FromRows(IReadOnlyList<string> names, ReadOnlySpan<double> points, double[] target)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(target);
        if (names.Count == 0 || points.Length != names.Count * target.Length)
        {
            throw new ArgumentException($"{points.Length} values are not {target.Length} rows of {names.Count} inputs.", nameof(points));
        }

        var columns = new double[names.Count][];
        for (var j = 0; j < names.Count; j++)
        {
            columns[j] = new double[target.Length];
            for (var i = 0; i < target.Length; i++)
            {
                columns[j][i] = points[i * names.Count + j];
            }
        }

        return new RegressionData(names, columns, target);
    }

    /// <summary>The rows <paramref name="rows"/> of this dataset, as a new dataset.</summary>
    /// <param name="rows">Row indices.</param>
    public RegressionData Subset(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var columns = _columns.Select(c => rows.Select(r => c[r]).ToArray()).ToArray();
        return new RegressionData(Names, columns, [.. rows.Select(r => Target[r])]);
    }

    /// <summary>The inputs of row <paramref name="row"/>.</summary>
    /// <param name="row">The row.</param>
    public double[] Row(int row) => [.. _columns.Select(c => c[row])];
}
