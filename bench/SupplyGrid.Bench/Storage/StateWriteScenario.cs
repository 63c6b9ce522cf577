using System.Diagnostics;

namespace SupplyGrid.Bench.Storage;

/// <summary>Every grain writes its state again as soon as its previous write completed; counts completed writes.</summary>
internal static class StateWriteScenario
{
    public readonly record struct Result(double WritesPerSecond, double P50Ms, double P99Ms, double ClientCpuUs, double? ServerCpuUs);

    public static async Task<Result> RunAsync(IDriverStateGrain[] grains, TimeSpan duration, CpuMeter cpu)
    {
        using var stop = new CancellationTokenSource();
        var counts = new long[grains.Length];
        var samples = new List<long>[grains.Length];
        var measuring = false;
        var loops = grains.Select((grain, g) => Task.Run(async () =>
        {
            var sample = samples[g] = new List<long>(64);
            var sequence = 1;
            while (!stop.IsCancellationRequested)
            {
                var start = Stopwatch.GetTimestamp();
                await grain.Ping(sequence++);
                if (Volatile.Read(ref measuring))
                {
                    counts[g]++;
                    if ((sequence & 7) == 0)
                        sample.Add(Stopwatch.GetTimestamp() - start);
                }
            }
        })).ToArray();

        await Task.Delay(TimeSpan.FromSeconds(2));
        var cpuStart = cpu.Read();
        Volatile.Write(ref measuring, true);
        var watch = Stopwatch.StartNew();
        await Task.Delay(duration);
        Volatile.Write(ref measuring, false);
        var elapsed = watch.Elapsed.TotalSeconds;
        var cpuEnd = cpu.Read();
        await stop.CancelAsync();
        await Task.WhenAll(loops);

        var latencies = samples.SelectMany(s => s).Order().ToArray();
        var writes = counts.Sum();
        var (client, server) = cpuEnd.PerOperationSince(cpuStart, writes);
        return new Result(writes / elapsed, Milliseconds(latencies, 0.5), Milliseconds(latencies, 0.99), client, server);
    }

    private static double Milliseconds(long[] sorted, double quantile) => sorted.Length == 0
        ? 0
        : sorted[Math.Min(sorted.Length - 1, (int)(quantile * sorted.Length))] * 1000.0 / Stopwatch.Frequency;
}
