using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SupplyGrid.Runtime;
using SupplyGrid.Kafka;

namespace SupplyGrid.Bench.City;

/// <summary>
/// A city of N drivers pinging every 4 simulated seconds, with bookings and offers flowing and cells recomputing on
/// their 5 s timers, time compressed so the machine is saturated. Prints one JSON line: events/s, offers, p99 cell
/// tick, p99 decision (deficit detected to MDT offer), peak RSS and resident bytes per driver.
/// Options: --drivers (100,000), --seconds (30, measured after warm-up), --bookings-per-s (simulated; one per 2,000
/// drivers, concentrated around five hubs, and the 15 minutes before the start delivered first so demand windows begin full),
/// --window (records in flight, 5,000), --warmup-rounds (5), --seed, --pool-shards (campaign grains of the
/// reposition pool, 16: a fleet this size makes thousands of ledger movements a second), --diagnostics (per-method grain
/// latencies to stderr).
/// </summary>
public sealed class CitySuite : IBenchSuite
{
    public string Name => "city";

    public async Task<int> RunAsync(BenchArgs args)
    {
        var drivers = checked((int)args.Long("drivers", 100_000));
        var seconds = args.Double("seconds", 30);
        var bookingsPerSecond = args.Double("bookings-per-s", drivers / 2_000.0);
        var window = checked((int)args.Long("window", 5_000));
        var warmupRounds = args.Long("warmup-rounds", 5);
        var seed = checked((int)args.Long("seed", 20260105));
        var poolShards = checked((int)args.Long("pool-shards", 16));
        if (drivers < 1 || seconds <= 0 || bookingsPerSecond < 0 || window < 1 || warmupRounds < 1)
        {
            Console.Error.WriteLine("city: --drivers, --seconds, --window and --warmup-rounds must be positive, --bookings-per-s not negative");
            return 2;
        }

        // Monday 09:00 in Singapore.
        var clock = new SimulatedClock(new DateTimeOffset(2026, 1, 5, 1, 0, 0, TimeSpan.Zero));
        var outbox = new BenchOutbox();
        using var latency = new LatencyRecorder();
        using var host = await BenchHost.StartAsync(clock, outbox, new Dictionary<string, string?>
        {
            // The pool must outlast the run so offers keep flowing.
            ["Cities:singapore:RepositionPool:Budget"] = "1000000000",
            ["Cities:singapore:RepositionPool:Shards"] = poolShards.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var dispatcher = host.Services.GetRequiredService<IRecordDispatcher>();
        var city = new CitySimulation(drivers, seed);
        var feeder = new CityFeeder(city, clock, dispatcher, outbox, bookingsPerSecond, window);
        var heapBefore = BenchHost.SettledHeap();

        var roundLength = CityFeeder.Round;
        var warmupEnd = clock.GetUtcNow() + roundLength * warmupRounds;
        await Task.Run(() =>
        {
            feeder.PrefillBookings(TimeSpan.FromMinutes(15));
            feeder.Run(() => feeder.SimulatedNow >= warmupEnd);
        });
        await feeder.DrainAsync();
        var heapAfter = BenchHost.SettledHeap();
        GC.KeepAlive(city);

        latency.Start();
        var completedBefore = feeder.Completed;
        var offersBefore = outbox.Offers;
        var simBefore = clock.GetUtcNow();
        var load = BenchOutput.LoadAverage();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var gcPauseBefore = GC.GetTotalPauseDuration();
        int gen0Before = GC.CollectionCount(0), gen1Before = GC.CollectionCount(1), gen2Before = GC.CollectionCount(2);
        var watch = Stopwatch.StartNew();
        await Task.Factory.StartNew(() => feeder.Run(() => watch.Elapsed.TotalSeconds >= seconds), TaskCreationOptions.LongRunning);
        var elapsed = watch.Elapsed.TotalSeconds;
        var handled = feeder.Completed - completedBefore;
        // On a shared machine the cores this process actually got say how to read the rates.
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        var cpuUsed = cpuSeconds / elapsed;
        latency.Stop();
        var gcPause = GC.GetTotalPauseDuration() - gcPauseBefore;
        int gen0 = GC.CollectionCount(0) - gen0Before, gen1 = GC.CollectionCount(1) - gen1Before, gen2 = GC.CollectionCount(2) - gen2Before;
        var simulated = (clock.GetUtcNow() - simBefore).TotalSeconds;
        var rounds = (long)(simulated / roundLength.TotalSeconds);

        var monitor = host.Services.GetRequiredService<IGridMonitor>().Snapshot();
        var cells = monitor.GrainTypes.FirstOrDefault(t => t.GrainType == "cell")?.Activations ?? 0;
        BenchOutput.WriteLine(new Dictionary<string, object?>
        {
            ["scenario"] = "city",
            ["drivers"] = drivers,
            ["cells"] = cells,
            ["events_per_s"] = Math.Round(handled / elapsed),
            ["offers"] = outbox.Offers - offersBefore,
            ["p99_tick_ms"] = Math.Round(latency.TickPercentile(0.99), 2),
            ["p99_decision_ms"] = Math.Round(latency.DecisionPercentile(0.99), 2),
            ["peak_rss_mb"] = Math.Round(BenchOutput.PeakRssMb()),
            ["bytes_per_driver"] = Math.Round((heapAfter - heapBefore) / (double)drivers),
            ["cores"] = BenchOutput.Cores,
            ["cpu_used"] = Math.Round(cpuUsed, 2),
            // CPU time of the whole process (feeder, grains, runtime) per handled event: the load-independent figure.
            ["cpu_us_per_event"] = Math.Round(cpuSeconds * 1e6 / Math.Max(1, handled), 2),
            ["load_avg"] = load,
            ["seconds"] = Math.Round(elapsed, 1),
            ["simulated_s"] = Math.Round(simulated),
            ["rounds"] = rounds,
            ["ticks"] = latency.Ticks,
            ["decisions"] = latency.Decisions,
            ["p50_decision_ms"] = Math.Round(latency.DecisionPercentile(0.5), 2),
            ["failed_deliveries"] = feeder.Failed,
            // Collections while measuring (gen0 counts include gen1 and gen2 ones) and the time the runtime was paused.
            ["gc_collections"] = $"{gen0}/{gen1}/{gen2}",
            ["gc_pause_ms"] = Math.Round(gcPause.TotalMilliseconds),
        });
        if (args.Has("diagnostics"))
        {
            foreach (var type in monitor.GrainTypes)
            {
                foreach (var method in type.Methods.Where(m => m.Calls > 0))
                    Console.Error.WriteLine($"{type.GrainType,-12} {method.InterfaceName}.{method.MethodName,-24} calls {method.Calls,10} p50 {method.P50Microseconds,10:0} us p99 {method.P99Microseconds,10:0} us");
            }
        }

        if (feeder.LastError is { } error)
            Console.Error.WriteLine($"city: last delivery failure: {error}");

        await host.StopAsync();
        return 0;
    }
}
