using BenchmarkDotNet.Configs;

namespace Leibniz.Benchmarks.Infrastructure;

/// <summary>Adds a column with the median nanoseconds per element, for suites whose size parameter is <c>N</c>.</summary>
public sealed class PerElementConfig : ManualConfig
{
    /// <summary>The configuration with the ns/element column.</summary>
    public PerElementConfig() => AddColumn(new RateColumn(
        "ns/element", "median nanoseconds per element of x (N)",
        (c, ns) => RateColumn.Parameter(c, "N") is { } n ? ns / n : null, "F3"));
}
