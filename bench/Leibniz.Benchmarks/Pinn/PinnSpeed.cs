using System.Diagnostics;
using System.Globalization;

namespace Leibniz.Benchmarks.Pinn;

/// <summary>
/// <c>pinn [--seconds S]</c>: steps/s of each problem by wall clock (after a warm-up), from the median step time, and
/// per second of this thread's CPU time (robust to a shared machine's preemptions), the same protocol as
/// bench/pytorch/pinn_steps.py, for a side-by-side run. BenchmarkDotNet's <see cref="PinnStepBenchmarks"/> is the
/// careful measurement.
/// </summary>
public static class PinnSpeed
{
    /// <summary>Runs the comparison.</summary>
    public static int Run(string[] args)
    {
        var seconds = args.Length >= 2 && args[0] == "--seconds" ? double.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        foreach (var name in PinnProblem.Names)
        {
            var problem = PinnProblem.Create(name);
            // 20 steps, at least two seconds and half a second of this thread's CPU, so that tiered JIT has finished
            // before the clock starts even when the machine gives this process a fraction of a core.
            var warmUp = Stopwatch.StartNew();
            var warmUpCpu = ThreadCpuTime.Seconds();
            for (var i = 0; i < 20 || warmUp.Elapsed.TotalSeconds < 2 || ThreadCpuTime.Seconds() - warmUpCpu < 0.5; i++)
            {
                problem.Step();
            }

            var times = new List<double>(100_000);
            var before = GC.GetAllocatedBytesForCurrentThread();
            var cpu = ThreadCpuTime.Seconds();
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed.TotalSeconds < seconds)
            {
                var start = Stopwatch.GetTimestamp();
                problem.Step();
                times.Add((Stopwatch.GetTimestamp() - start) / (double)Stopwatch.Frequency);
            }

            var cpuSeconds = (ThreadCpuTime.Seconds() - cpu);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            var steps = times.Count;
            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-10} {steps / watch.Elapsed.TotalSeconds,9:0.0} steps/s  median {1 / times[steps / 2],9:0.0} steps/s  cpu {steps / cpuSeconds,9:0.0} steps/s  ({steps} steps, {allocated / (double)steps:0} bytes/step)"));
        }

        return 0;
    }
}
