using System.Globalization;

namespace Leibniz.Nn;

/// <summary>
/// A CSV file could not be turned into a <see cref="Dataset"/>: the message names the file, the 1-based line and,
/// where one is to blame, the 1-based column and its header name.
/// </summary>
public sealed class CsvFormatException : FormatException
{
    /// <summary>Creates the exception for a problem at <paramref name="lineNumber"/> of <paramref name="filePath"/>.</summary>
    /// <param name="filePath">The file being read.</param>
    /// <param name="lineNumber">The 1-based line (the header is line 1).</param>
    /// <param name="columnNumber">The 1-based column, or <see langword="null"/> when the problem is not in one column.</param>
    /// <param name="columnName">The header name of that column, or <see langword="null"/>.</param>
    /// <param name="problem">What is wrong and what to do about it.</param>
    public CsvFormatException(string filePath, int lineNumber, int? columnNumber, string? columnName, string problem)
        : base(Compose(filePath, lineNumber, columnNumber, columnName, problem))
    {
        FilePath = filePath;
        LineNumber = lineNumber;
        ColumnNumber = columnNumber;
        ColumnName = columnName;
        Problem = problem;
    }

    /// <summary>The file being read.</summary>
    public string FilePath { get; }

    /// <summary>The 1-based line of the problem (the header is line 1).</summary>
    public int LineNumber { get; }

    /// <summary>The 1-based column of the problem, or <see langword="null"/> when it is not in one column.</summary>
    public int? ColumnNumber { get; }

    /// <summary>The header name of the column at fault, or <see langword="null"/>.</summary>
    public string? ColumnName { get; }

    /// <summary>The problem alone, without the location.</summary>
    public string Problem { get; }

    private static string Compose(string filePath, int lineNumber, int? columnNumber, string? columnName, string problem)
    {
        var where = columnNumber is { } column
            ? string.Create(CultureInfo.InvariantCulture, $"line {lineNumber}, column {column}") + (columnName is null ? "" : $" ('{columnName}')")
            : string.Create(CultureInfo.InvariantCulture, $"line {lineNumber}");
        return $"{filePath}, {where}: {problem}";
    }
}
