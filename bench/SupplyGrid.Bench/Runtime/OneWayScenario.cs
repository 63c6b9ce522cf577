using System.Diagnostics;

namespace SupplyGrid.Bench.Runtime;

/// <summary>
/// One-way messages: one sender per core sprays messages over the grains, keeping at most a window of unhandled
/// messages in flight (so mailboxes stay bounded); handled messages are counted in per-thread stripes.
/// </summary>
internal static class OneWayScenario
{
    public readonly record struct Result(double OpsPerSecond, double P50Us, double P99Us);

    private const int Stripes = 64;
    private const long Window = 50_000;
    private static readonly long[] Handled = new long[Stripes * 8];
    private static readonly long[] Samples = new long[1 << 20];
    private static long s_sampleCount;

    /// <param name="sentAt">The send's Stopwatch timestamp for sampled messages (one in 64), else 0.</param>
    public static void OnHandled(long sentAt)
    {
        ++Handled[(Environment.CurrentManagedThreadId & (Stripes - 1)) * 8];
        if (sentAt != 0)
        {
            var slot = Interlocked.Increment(ref s_sampleCount) - 1;
            if (slot < Samples.Length)
                Samples[slot] = Stopwatch.GetTimestamp() - sentAt;
        }
    }

    private static long TotalHandled()
    {
        long total = 0;
        for (var i = 0; i < Stripes; i++)
            total += Volatile.Read(ref Handled[i * 8]);
        return total;
    }

    public static async Task<Result> RunAsync(IBenchGrain[] grains, TimeSpan duration)
    {
        using var stop = new CancellationTokenSource();
        long sent = 0;
        var senders = Enumerable.Range(0, Environment.ProcessorCount).Select(s => Task.Run(async () =>
        {
            var random = new Random(s);
            while (!stop.IsCancellationRequested)
            {
                for (var i = 0; i < 256; i++)
                    await grains[random.Next(grains.Length)].Tell((i & 63) == 0 ? Stopwatch.GetTimestamp() : 0);
                // Over the window, let the handlers run: the sender goes to the back of the thread pool's queue.
                if (Interlocked.Add(ref sent, 256) - TotalHandled() > Window)
                    await Task.Yield();
            }
        })).ToArray();

        await Task.Delay(500);
        var startHandled = TotalHandled();
        Interlocked.Exchange(ref s_sampleCount, 0);
        var watch = Stopwatch.StartNew();
        await Task.Delay(duration);
        var handled = TotalHandled() - startHandled;
        var elapsed = watch.Elapsed.TotalSeconds;
        var sampleCount = (int)Math.Min(Interlocked.Read(ref s_sampleCount), Samples.Length);
        await stop.CancelAsync();
        await Task.WhenAll(senders);

        var latencies = Samples.AsSpan(0, sampleCount).ToArray();
        Array.Sort(latencies);
        return new Result(handled / elapsed, CallScenario.Percentile(latencies, 0.5), CallScenario.Percentile(latencies, 0.99));
    }
}
