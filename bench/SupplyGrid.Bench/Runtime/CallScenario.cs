using System.Diagnostics;

namespace SupplyGrid.Bench.Runtime;

/// <summary>Request/response: <c>callers</c> concurrent loops, each awaiting one call at a time to a random grain.</summary>
internal static class CallScenario
{
    public readonly record struct Result(double OpsPerSecond, double P50Us, double P99Us);

    public static async Task<Result> RunAsync(IBenchGrain[] grains, int callers, TimeSpan duration)
    {
        using var stop = new CancellationTokenSource();
        var counts = new long[callers];
        var samples = Enumerable.Range(0, callers).Select(_ => new List<long>(4096)).ToArray();
        var measuring = false;
        var loops = Enumerable.Range(0, callers).Select(c => Task.Run(async () =>
        {
            var random = new Random(c);
            var sample = samples[c];
            long n = 0;
            while (!stop.IsCancellationRequested)
            {
                var start = Stopwatch.GetTimestamp();
                await grains[random.Next(grains.Length)].Call(1);
                if (Volatile.Read(ref measuring))
                {
                    n++;
                    if ((n & 15) == 0 && sample.Count < 100_000)
                        sample.Add(Stopwatch.GetTimestamp() - start);
                }
            }

            counts[c] = n;
        })).ToArray();

        await Task.Delay(500);
        Volatile.Write(ref measuring, true);
        var watch = Stopwatch.StartNew();
        await Task.Delay(duration);
        Volatile.Write(ref measuring, false);
        var elapsed = watch.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await Task.WhenAll(loops);

        var latencies = samples.SelectMany(s => s).Order().ToArray();
        return new Result(counts.Sum() / elapsed, Percentile(latencies, 0.5), Percentile(latencies, 0.99));
    }

    internal static double Percentile(long[] sortedTicks, double quantile) =>
        sortedTicks.Length == 0 ? 0 : RuntimeSuite.Microseconds(sortedTicks[Math.Min(sortedTicks.Length - 1, (int)(quantile * sortedTicks.Length))]);
}
