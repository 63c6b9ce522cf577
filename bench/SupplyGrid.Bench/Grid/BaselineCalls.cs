using System.Diagnostics;
using Orleans;

namespace SupplyGrid.Bench.Grid;

/// <summary>
/// The bare-Orleans baseline measured beside each domain figure: request/response calls to an empty grain method,
/// each of <c>callers</c> concurrent callers awaiting one call at a time to a random one of <c>activations</c> grains.
/// What Orleans itself manages on this machine at this moment, so a domain figure can be read against it.
/// </summary>
internal static class BaselineCalls
{
    public const int DefaultActivations = 10_000;
    public const int DefaultCallers = 256;

    /// <param name="CallsPerSecond">Completed calls per second over the measured window.</param>
    /// <param name="MeanMs">Mean latency by Little's law (callers / rate): Orleans does not schedule callers fairly, so sampled percentiles alone mislead.</param>
    /// <param name="P50Ms">Sampled (one call in 16) latency percentiles.</param>
    /// <param name="CpuUsed">Cores this process used while measuring.</param>
    public readonly record struct Result(double CallsPerSecond, double MeanMs, double P50Ms, double P99Ms, double CpuUsed, int Activations, int Callers)
    {
        /// <summary>The figures as output fields, each name prefixed with <paramref name="prefix"/>.</summary>
        public void AddTo(IDictionary<string, object?> line, string prefix)
        {
            line[prefix + "calls_per_s"] = Math.Round(CallsPerSecond);
            line[prefix + "mean_ms"] = Math.Round(MeanMs, 3);
            line[prefix + "p50_ms"] = Math.Round(P50Ms, 3);
            line[prefix + "p99_ms"] = Math.Round(P99Ms, 3);
            line[prefix + "cpu_used"] = Math.Round(CpuUsed, 2);
            line[prefix + "activations"] = Activations;
            line[prefix + "callers"] = Callers;
        }
    }

    /// <summary>Activates every grain, calls for <paramref name="warmup"/> unmeasured, then measures for <paramref name="duration"/>.</summary>
    public static async Task<Result> MeasureAsync(IGrainFactory grains, int activations, int callers, TimeSpan warmup, TimeSpan duration)
    {
        var targets = Enumerable.Range(0, activations).Select(i => grains.GetGrain<IBaselineGrain>(i)).ToArray();
        for (var start = 0; start < targets.Length; start += 1_000)
            await Task.WhenAll(targets.Skip(start).Take(1_000).Select(g => g.Ping()));

        using var stop = new CancellationTokenSource();
        var counts = new long[callers];
        var samples = new List<long>[callers];
        var measuring = 0;
        var loops = Enumerable.Range(0, callers).Select(c => Task.Run(async () =>
        {
            var random = new Random(c);
            var sample = samples[c] = new List<long>(1_024);
            long calls = 0;
            while (!stop.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                await targets[random.Next(targets.Length)].Ping();
                if (Volatile.Read(ref measuring) == 1)
                {
                    counts[c]++;
                    if ((++calls & 15) == 0)
                        sample.Add(Stopwatch.GetTimestamp() - started);
                }
            }
        })).ToArray();

        await Task.Delay(warmup);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        Volatile.Write(ref measuring, 1);
        var watch = Stopwatch.StartNew();
        await Task.Delay(duration);
        Volatile.Write(ref measuring, 0);
        var elapsed = watch.Elapsed.TotalSeconds;
        var cpuUsed = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds / elapsed;
        await stop.CancelAsync();
        await Task.WhenAll(loops);

        var rate = counts.Sum() / elapsed;
        var latencies = samples.SelectMany(s => s).Select(t => t * 1000.0 / Stopwatch.Frequency).ToArray();
        return new Result(rate, callers / rate * 1000, Percentiles.Of(latencies, 0.5), Percentiles.Of(latencies, 0.99), cpuUsed, activations, callers);
    }
}
