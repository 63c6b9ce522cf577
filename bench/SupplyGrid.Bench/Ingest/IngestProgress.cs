using System.Diagnostics;

namespace SupplyGrid.Bench.Ingest;

/// <summary>Counts the events grains handled, so the run knows when the warm-up and the measured records are done.</summary>
internal static class IngestProgress
{
    private static long _handled;

    public static void Reset() => Interlocked.Exchange(ref _handled, 0);

    public static void OnHandled() => Interlocked.Increment(ref _handled);

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
