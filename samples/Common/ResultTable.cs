using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Leibniz.Samples;

/// <summary>An aligned table of results: text columns left, numbers right, all formatted invariantly.</summary>
public sealed class ResultTable
{
    private readonly string[] _headers;
    private readonly List<string[]> _rows = [];

    /// <summary>Creates a table with the given column headers.</summary>
    /// <param name="headers">One header per column.</param>
    public ResultTable(params string[] headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (headers.Length == 0)
        {
            throw new ArgumentException("A table needs at least one column.", nameof(headers));
        }

        _headers = headers;
    }

    /// <summary>The rows added so far, as formatted text.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows => _rows;

    /// <summary>Adds a row; numbers are formatted with <see cref="Num"/>, everything else with ToString.</summary>
    /// <param name="cells">One cell per column.</param>
    public ResultTable Add(params object?[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != _headers.Length)
        {
            throw new ArgumentException(
                $"The row has {cells.Length} cells but the table has {_headers.Length} columns.", nameof(cells));
        }

        _rows.Add(cells.Select(Format).ToArray());
        return this;
    }

    /// <summary>A short invariant representation of a number: 6 significant digits, exponent when tiny or huge.</summary>
    /// <param name="value">The number.</param>
    public static string Num(double value) =>
        value == 0 || (Math.Abs(value) >= 1e-3 && Math.Abs(value) < 1e7)
            ? value.ToString("G6", CultureInfo.InvariantCulture)
            : value.ToString("0.00e+00", CultureInfo.InvariantCulture);

    /// <summary>The Spectre renderable of the table.</summary>
    public IRenderable ToRenderable()
    {
        var table = new Table().Border(TableBorder.Rounded);
        for (var c = 0; c < _headers.Length; c++)
        {
            var numeric = _rows.Count > 0 && _rows.All(r => IsNumeric(r[c]));
            var column = new TableColumn(Markup.Escape(_headers[c]));
            table.AddColumn(numeric ? column.RightAligned() : column.LeftAligned());
        }

        foreach (var row in _rows)
        {
            table.AddRow(row.Select(cell => new Text(cell)).ToArray<IRenderable>());
        }

        return table;
    }

    private static string Format(object? cell) => cell switch
    {
        null => "",
        double d => Num(d),
        float f => Num(f),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };

    private static bool IsNumeric(string cell) =>
        cell.Length == 0 || double.TryParse(cell.TrimEnd('%', '×'), NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}
