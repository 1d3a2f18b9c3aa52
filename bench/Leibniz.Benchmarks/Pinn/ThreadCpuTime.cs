using System.Runtime.InteropServices;

namespace Leibniz.Benchmarks.Pinn;

/// <summary>
/// The calling thread's CPU time (Linux <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>, Python's
/// <c>time.thread_time()</c>): on a shared machine, time spent waiting for a core is not counted, and neither is the
/// runtime's background JIT, which the process CPU time would include.
/// </summary>
internal static partial class ThreadCpuTime
{
    private const int ClockThreadCpuTime = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>Seconds of CPU time this thread has used; NaN where the clock is not available (not Linux).</summary>
    public static double Seconds() =>
        OperatingSystem.IsLinux() && ClockGetTime(ClockThreadCpuTime, out var time) == 0 ? time.Seconds + (time.Nanoseconds * 1e-9) : double.NaN;
}
