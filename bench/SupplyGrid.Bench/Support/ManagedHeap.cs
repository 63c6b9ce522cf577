using System.Diagnostics;

namespace SupplyGrid.Bench;

internal static class ManagedHeap
{
    /// <summary>Managed heap after full, compacting collections.</summary>
    public static long Settled()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>
    /// Waits until this process uses less than a tenth of a core over 200 ms (the one-way notifications that handled
    /// records set off have run), or fails after <paramref name="timeout"/>.
    /// </summary>
    public static async Task WaitUntilQuietAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        var window = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            var before = Process.GetCurrentProcess().TotalProcessorTime;
            await Task.Delay(window);
            if (Process.GetCurrentProcess().TotalProcessorTime - before < window / 10)
                return;
            if (Stopwatch.GetTimestamp() > deadline)
                throw new TimeoutException($"the process was still busy {timeout.TotalSeconds:0} s after the last record was handled");
        }
    }
}
