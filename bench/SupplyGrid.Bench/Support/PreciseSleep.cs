using System.Diagnostics;
using System.Runtime.InteropServices;

namespace SupplyGrid.Bench;

/// <summary>
/// Waits until a Stopwatch timestamp with sub-millisecond accuracy without spinning: Thread.Sleep rounds up to whole
/// milliseconds, which at 2,000 requests/s would send every request up to a millisecond late (and that lateness
/// counts in its latency). On Linux nanosleep wakes within tens of microseconds.
/// </summary>
internal static class PreciseSleep
{
    private static readonly bool HasNanosleep = OperatingSystem.IsLinux();

    public static void Until(long timestamp)
    {
        while (true)
        {
            var remaining = timestamp - Stopwatch.GetTimestamp();
            if (remaining <= 0)
                return;
            var nanoseconds = remaining * (1_000_000_000.0 / Stopwatch.Frequency);
            if (HasNanosleep)
            {
                var request = new Timespec { Seconds = (long)(nanoseconds / 1e9), Nanoseconds = (long)(nanoseconds % 1e9) };
                _ = Nanosleep(ref request, IntPtr.Zero);
            }
            else
            {
                Thread.Sleep(Math.Max(1, (int)(nanoseconds / 1e6)));
            }
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    // DllImport rather than LibraryImport: the generated marshalling needs unsafe code, and a blittable struct by
    // reference needs no marshalling anyway.
    [DllImport("libc", EntryPoint = "nanosleep")]
    private static extern int Nanosleep(ref Timespec request, IntPtr remaining);
}
