using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Csv;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace Leibniz.Benchmarks.Infrastructure;

/// <summary>The configuration every suite runs under: one job, memory diagnoser, medians and ratios.</summary>
public static class BenchmarkConfig
{
    /// <summary>
    /// The full job keeps a run of every suite near ten minutes on a 2-core machine: 9 measured iterations of
    /// 200 ms (each the mean of many calls) after 6 to 15 warm-ups (until stable: with fewer, tiered JIT
    /// compilation sometimes swapped in the final code during the measured iterations), one process per benchmark;
    /// tables show their median.
    /// The quick job runs in-process (no per-suite build) with 3 iterations of 40 ms: a smoke run, not numbers
    /// (its iterations are too short for the JIT to finish optimising some benchmarks).
    /// </summary>
    public static IConfig Create(bool quick)
    {
        var job = quick
            ? Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1)
                .WithWarmupCount(1).WithIterationCount(3).WithIterationTime(TimeInterval.FromMilliseconds(40))
                .WithId("Quick")
            : Job.Default.WithLaunchCount(1).WithMinWarmupCount(6).WithMaxWarmupCount(15).WithIterationCount(9)
                .WithIterationTime(TimeInterval.FromMilliseconds(200)).WithId("Full");
        return ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddColumn(StatisticColumn.Median)
            .AddLogger(BenchmarkDotNet.Loggers.ConsoleLogger.Default)
            .AddExporter(MarkdownExporter.GitHub, CsvExporter.Default, JsonExporter.Full)
            .WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared))
            .WithOptions(ConfigOptions.DisableLogFile)
            .HideColumns(Column.Error, Column.StdDev, Column.RatioSD, Column.AllocRatio);
    }
}
