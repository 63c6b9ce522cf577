using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SupplyGrid.Geo;
using SupplyGrid.Grains;
using SupplyGrid.Runtime;
using SupplyGrid.Kafka;

namespace SupplyGrid.Bench.City;

/// <summary>
/// ODRD ranking latency: a city of drivers (one ping each) with some cells in deficit, then rank requests of 50 and
/// 200 candidates through the ranking grain, one caller at a time and from several callers at once. Each request asks
/// every candidate's driver grain and every distinct cell among them, then scores. Prints one JSON line per
/// (candidates, callers). Options: --drivers (20,000), --requests (20,000 per line), --callers (8 for the
/// concurrent lines), --seed.
/// </summary>
public sealed class OdrdSuite : IBenchSuite
{
    public string Name => "odrd";

    public async Task<int> RunAsync(BenchArgs args)
    {
        var drivers = checked((int)args.Long("drivers", 20_000));
        var requests = checked((int)args.Long("requests", 20_000));
        var callers = checked((int)args.Long("callers", 8));
        var seed = checked((int)args.Long("seed", 20260105));
        if (drivers < 200 || requests < 1 || callers < 1)
        {
            Console.Error.WriteLine("odrd: --drivers must be at least 200, --requests and --callers positive");
            return 2;
        }

        var clock = new SimulatedClock(DateTimeOffset.UtcNow);
        using var host = await BenchHost.StartAsync(clock, new BenchOutbox(), new Dictionary<string, string?>());
        var city = new CitySimulation(drivers, seed);
        await PopulateAsync(host.Services, city, clock);
        var factory = host.Services.GetRequiredService<IGrainFactory>();
        var ranker = factory.GetGrain<IOdrdRankingGrain>("singapore");

        foreach (var candidates in new[] { 50, 200 })
        {
            await MeasureAsync(ranker, city, candidates, Math.Min(requests, 1_000), 1, seed);
            foreach (var concurrency in new[] { 1, callers })
            {
                var load = BenchOutput.LoadAverage();
                var (latencies, elapsed, cpuUsed) = await MeasureAsync(ranker, city, candidates, requests, concurrency, seed + concurrency);
                BenchOutput.WriteLine(new Dictionary<string, object?>
                {
                    ["scenario"] = "odrd",
                    ["candidates"] = candidates,
                    ["callers"] = concurrency,
                    ["requests"] = latencies.Length,
                    ["p50_ms"] = Math.Round(LatencyRecorder.Percentile(latencies, 0.5), 3),
                    ["p99_ms"] = Math.Round(LatencyRecorder.Percentile(latencies, 0.99), 3),
                    ["p999_ms"] = Math.Round(LatencyRecorder.Percentile(latencies, 0.999), 3),
                    ["ranks_per_s"] = Math.Round(latencies.Length / elapsed),
                    ["drivers"] = drivers,
                    ["cores"] = BenchOutput.Cores,
                    ["cpu_used"] = Math.Round(cpuUsed, 2),
                    ["cpu_ms_per_rank"] = Math.Round(cpuUsed * elapsed * 1000 / latencies.Length, 3),
                    ["load_avg"] = load,
                });
            }
        }

        await host.StopAsync();
        return 0;
    }

    /// <summary>One ping per driver, bookings around the hubs, then one recompute of every cell.</summary>
    private static async Task PopulateAsync(IServiceProvider services, CitySimulation city, SimulatedClock clock)
    {
        var dispatcher = services.GetRequiredService<IRecordDispatcher>();
        var feeder = new CityFeeder(city, clock, dispatcher, new BenchOutbox(), bookingsPerSimSecond: city.Drivers / 40.0, window: 20_000);
        var end = clock.GetUtcNow() + CityFeeder.Round;
        feeder.Run(() => clock.GetUtcNow() >= end);
        await feeder.DrainAsync();
        clock.AdvanceTo(clock.GetUtcNow() + TimeSpan.FromSeconds(6));
        await feeder.DrainAsync();
    }

    private static async Task<(double[] Latencies, double Seconds, double CpuUsed)> MeasureAsync(IOdrdRankingGrain ranker, CitySimulation city, int candidates,
        int requests, int concurrency, int seed)
    {
        var latencies = new double[requests];
        var next = -1;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(c => Task.Run(async () =>
        {
            var random = new Random(seed * 31 + c);
            var ids = new string[candidates];
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests)
            {
                var pickup = new LatLng(1.27 + random.NextDouble() * 0.15, 103.70 + random.NextDouble() * 0.25);
                var chosen = new HashSet<int>();
                while (chosen.Count < candidates)
                    chosen.Add(random.Next(city.Drivers));
                var k = 0;
                foreach (var index in chosen)
                    ids[k++] = city.Ids[index];
                var started = Stopwatch.GetTimestamp();
                var ranking = await ranker.Rank(new OdrdRankRequest(pickup, ids.ToArray()));
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (ranking.Ranked.Count + ranking.Unranked.Count != candidates)
                    throw new InvalidOperationException("The ranking lost candidates.");
            }
        })));
        var seconds = watch.Elapsed.TotalSeconds;
        return (latencies, seconds, (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds / seconds);
    }
}
