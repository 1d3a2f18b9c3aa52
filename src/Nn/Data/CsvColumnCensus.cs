using System.Globalization;

namespace Leibniz.Nn;

/// <summary>
/// How many non-blank values of one CSV column read as numbers and how many as text, counted in a first pass over
/// the file so that the loader can tell a text column (a category) from a numeric column with a few bad values.
/// </summary>
/// <param name="Numbers">Values that read as numbers (a decimal comma included, so that it is reported, not encoded).</param>
/// <param name="Texts">Every other non-blank value.</param>
internal readonly record struct CsvColumnCensus(int Numbers, int Texts)
{
    private static readonly NumberFormatInfo DecimalComma = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "\u00A0" };

    /// <summary>A text column: some text, and numbers at most half of the values.</summary>
    public bool IsText => Texts > 0 && Numbers <= Texts;

    /// <summary>The census with one more value counted.</summary>
    public CsvColumnCensus Count(ReadOnlySpan<char> value) =>
        LooksNumeric(value) ? this with { Numbers = Numbers + 1 } : this with { Texts = Texts + 1 };

    /// <summary>What the census says about a column that is read as numeric, for an error at one of its text values.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Numbers} of the column's {Numbers + Texts} values are numbers, so it is read as numeric and this value is taken for a data error, not a category");

    private static bool LooksNumeric(ReadOnlySpan<char> value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
        || double.TryParse(value, NumberStyles.Float, DecimalComma, out _);
}
