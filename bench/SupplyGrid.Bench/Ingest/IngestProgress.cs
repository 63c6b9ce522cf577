using System.Diagnostics;

namespace SupplyGrid.Bench.Ingest;

/// <summary>
/// Counts the events grains handled, so the run knows when the warm-up and the measured records are done, and how
/// many came again (the same ping twice) or out of order (a ping older than the driver's last).
/// </summary>
internal static class IngestProgress
{
    private static long _handled;
    private static long _repeated;
    private static long _earlier;

    public static long Handled => Interlocked.Read(ref _handled);

    public static long Repeated => Interlocked.Read(ref _repeated);

    public static long Earlier => Interlocked.Read(ref _earlier);

    public static void Reset()
    {
        Interlocked.Exchange(ref _handled, 0);
        Interlocked.Exchange(ref _repeated, 0);
        Interlocked.Exchange(ref _earlier, 0);
    }

    public static void OnHandled(PingOrder order)
    {
        Interlocked.Increment(ref _handled);
        if (order == PingOrder.Repeated)
            Interlocked.Increment(ref _repeated);
        else if (order == PingOrder.Earlier)
            Interlocked.Increment(ref _earlier);
    }

    public static async Task WaitUntilHandledAsync(long count, TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Interlocked.Read(ref _handled) < count)
        {
            if (Stopwatch.GetTimestamp() > deadline)
                throw new TimeoutException($"grains handled {Interlocked.Read(ref _handled)} of {count} events within {timeout}");
            await Task.Delay(1);
        }
    }
}
