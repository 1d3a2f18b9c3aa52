using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Leibniz.Benchmarks.Infrastructure;

/// <summary>
/// A column derived from a benchmark's median time: GFLOP/s, steps/s, ns per recorded operation. The function gets
/// the case (for its parameters) and the median in nanoseconds, and returns the number to show or null for none.
/// </summary>
public sealed class RateColumn(string name, string legend, Func<BenchmarkCase, double, double?> rate, string format)
    : IColumn
{
    public string Id => nameof(RateColumn) + "." + name;

    public string ColumnName => name;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => legend;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        if (statistics is null)
        {
            return "NA";
        }

        var value = rate(benchmarkCase, statistics.Median);
        return value is { } v ? v.ToString(format, System.Globalization.CultureInfo.InvariantCulture) : "-";
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    /// <summary>Reads an integer parameter of the case by name, or null when the case has no such parameter.</summary>
    public static long? Parameter(BenchmarkCase benchmarkCase, string parameterName) =>
        benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == parameterName)?.Value is { } value
            ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)
            : null;
}
