using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using Orleans.Hosting;
using Orleans.Runtime;
using SupplyGrid.Bench.Grid;
using SupplyGrid.Grains.Events;
using SupplyGrid.Grains.Ports;

namespace SupplyGrid.Bench.City;

/// <summary>
/// A city of N drivers pinging every 4 simulated seconds, with bookings and offers flowing and cells recomputing on
/// their 5 s timers, on an in-process Orleans silo as the default run composes it, time compressed so the machine is
/// saturated. <c>--via grain-calls</c> (the default): records reach the grains by grain calls through the silo's record
/// dispatcher, as its Kafka consumer loop hands them over. <c>--via kafka</c>: the load generator produces them as
/// their topic contracts' JSON to the embedded broker, and the silo reads them through the product's Kafka stream
/// provider into the grains by implicit subscription (drivers' replies to offers too). In the same process, right
/// before the city starts, the bare-Orleans baseline (empty calls over 10,000 activations). Prints one JSON line: the
/// path, events/s, p99 decision (deficit detected to MDT offer), bytes per driver, live heap kept per event, offers,
/// CPU per event, the baseline's calls/s, the load and cores of the machine, and the window's largest and final lag
/// (records handed over and not yet handled); via Kafka also the provider's consumer lag, dead letters and the
/// librdkafka version. Options: --drivers (100,000), --seconds (30, measured after warm-up), --bookings-per-s
/// (simulated; one per 2,000 drivers, concentrated around five hubs, and the 15 minutes before the start delivered
/// first so demand windows begin full), --via (grain-calls or kafka), --window (records handed over and not yet
/// handled: in flight by grain calls, 5,000; produced and not yet delivered via Kafka, 20,000, as records wait longer
/// on the way), --cache-size and --read-interval-ms (via Kafka: the stream provider's cache per partition and read
/// interval, the grid's 512 and 20 ms unless given), --warmup-rounds (5; the resident heap per driver is measured after them, then rounds go on until one
/// compiles fewer than 20 methods, at most --max-warmup-rounds, 40), --seed, --pool-shards (campaign grains of the
/// reposition pool, 16: a fleet this size makes thousands of ledger movements a second), --baseline-seconds (5),
/// --baseline-callers (256), --diagnostics (per-method call timings and calls by caller, to stderr).
/// </summary>
public sealed class CitySuite : IBenchSuite
{
    public string Name => "city";

    public async Task<int> RunAsync(BenchArgs args)
    {
        var drivers = checked((int)args.Long("drivers", 100_000));
        var seconds = args.Double("seconds", 30);
        var bookingsPerSecond = args.Double("bookings-per-s", drivers / 2_000.0);
        var warmupRounds = args.Long("warmup-rounds", 5);
        var maxWarmupRounds = Math.Max(warmupRounds, args.Long("max-warmup-rounds", 40));
        var seed = checked((int)args.Long("seed", 20260105));
        var poolShards = checked((int)args.Long("pool-shards", 16));
        var baselineSeconds = args.Double("baseline-seconds", 5);
        var baselineCallers = checked((int)args.Long("baseline-callers", BaselineCalls.DefaultCallers));
        var via = args.String("via", GrainCallFeed.Name);
        if (via is not (GrainCallFeed.Name or KafkaCityFeed.Name))
        {
            Console.Error.WriteLine($"city: --via is {GrainCallFeed.Name} or {KafkaCityFeed.Name}");
            return 2;
        }

        var window = checked((int)args.Long("window", via == KafkaCityFeed.Name ? KafkaCityFeed.DefaultWindow : GrainCallFeed.DefaultWindow));
        // Through Kafka only: the provider's cache per partition and read interval, when not the grid's defaults.
        int? cacheSize = args.Has("cache-size") ? checked((int)args.Long("cache-size", 0)) : null;
        TimeSpan? readInterval = args.Has("read-interval-ms") ? TimeSpan.FromMilliseconds(args.Double("read-interval-ms", 0)) : null;
        if (drivers < 1 || seconds <= 0 || bookingsPerSecond < 0 || window < 1 || warmupRounds < 1 || baselineSeconds <= 0 || baselineCallers < 1)
        {
            Console.Error.WriteLine("city: --drivers, --seconds, --window, --warmup-rounds, --baseline-seconds and --baseline-callers must be positive, --bookings-per-s not negative");
            return 2;
        }

        // Monday 09:00 in Singapore.
        var clock = new SimulatedClock(new DateTimeOffset(2026, 1, 5, 1, 0, 0, TimeSpan.Zero));
        // Record times are simulated: validated against the simulated clock.
        var contracts = new TopicContracts(clock, new EventValidationOptions());
        // Declared before the silo, so it is disposed after it.
        using var kafka = via == KafkaCityFeed.Name ? new BenchKafka(window) : null;
        var outbox = new BenchOutbox();
        var timings = args.Has("diagnostics") ? new GrainCallTimings() : null;
        using var latency = new LatencyRecorder();
        using var host = await BenchSilo.StartAsync(
            new Dictionary<string, string?>
            {
                // The pool must outlast the run so offers keep flowing.
                ["Cities:singapore:RepositionPool:Budget"] = "1000000000",
                ["Cities:singapore:RepositionPool:Shards"] = poolShards.ToString(CultureInfo.InvariantCulture),
            },
            services =>
            {
                BenchSilo.UseGrainClock(services, clock);
                services.AddSingleton<IMdtOutbox>(outbox);
            },
            silo =>
            {
                if (timings is not null)
                    silo.AddIncomingGrainCallFilter(timings).AddOutgoingGrainCallFilter(timings);
                kafka?.AddTo(silo, contracts, cacheSize, readInterval);
            });
        var grains = host.Services.GetRequiredService<IGrainFactory>();

        var baselineLoad = BenchOutput.LoadAverage();
        var baseline = await BaselineCalls.MeasureAsync(grains, BaselineCalls.DefaultActivations, baselineCallers, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(baselineSeconds));

        ICityFeed feed = kafka is null
            ? new GrainCallFeed(BenchSilo.RecordDispatcher(host.Services), window)
            : new KafkaCityFeed(kafka, host.Services, window);
        var city = new CitySimulation(drivers, seed);
        var feeder = new CityFeeder(city, clock, contracts, feed, outbox, bookingsPerSecond);
        var heapBefore = ManagedHeap.Settled();

        var roundLength = CityFeeder.Round;
        // Resident bytes per driver after the first rounds (the figure the old runtime was measured by), then more
        // rounds until the JIT has settled.
        await DedicatedThread.Run(() =>
        {
            feeder.PrefillBookings(TimeSpan.FromMinutes(15));
            feeder.Run(() => feeder.Rounds >= warmupRounds);
        });
        await feed.SettleAsync();
        var heapAfter = ManagedHeap.Settled();
        var (rounds, jitLastRound) = await DedicatedThread.Run(() => JitWarmUp.Run(feeder, warmupRounds + 1, maxWarmupRounds));
        await feed.SettleAsync();
        var heapBeforeMeasuring = ManagedHeap.Settled();
        GC.KeepAlive(city);

        Console.Error.WriteLine($"city: warmed up in {rounds} rounds ({drivers} drivers, {(heapAfter - heapBefore) / drivers} bytes each); measuring for {seconds} s");
        latency.Start();
        feed.StartMeasuring();
        var completedBefore = feed.Handled;
        var offersBefore = outbox.Offers;
        var simBefore = clock.GetUtcNow();
        var load = BenchOutput.LoadAverage();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var jitBefore = (Methods: JitInfo.GetCompiledMethodCount(), Time: JitInfo.GetCompilationTime());
        var gcPauseBefore = GC.GetTotalPauseDuration();
        int gen0Before = GC.CollectionCount(0), gen1Before = GC.CollectionCount(1), gen2Before = GC.CollectionCount(2);
        var watch = Stopwatch.StartNew();
        await DedicatedThread.Run(() => feeder.Run(() => watch.Elapsed.TotalSeconds >= seconds));
        var elapsed = watch.Elapsed.TotalSeconds;
        var handled = feed.Handled - completedBefore;
        feed.StopMeasuring();
        // On a shared machine the cores this process actually got say how to read the rates.
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        latency.Stop();
        var jitMethods = JitInfo.GetCompiledMethodCount() - jitBefore.Methods;
        var jitTime = JitInfo.GetCompilationTime() - jitBefore.Time;
        var loadAfter = BenchOutput.LoadAverage();
        var gcPause = GC.GetTotalPauseDuration() - gcPauseBefore;
        int gen0 = GC.CollectionCount(0) - gen0Before, gen1 = GC.CollectionCount(1) - gen1Before, gen2 = GC.CollectionCount(2) - gen2Before;
        var simulated = (clock.GetUtcNow() - simBefore).TotalSeconds;
        await feed.SettleAsync();
        // Every driver exists before measuring: live heap that grows with the events handled is kept per event.
        var retainedPerEvent = (ManagedHeap.Settled() - heapBeforeMeasuring) / (double)Math.Max(1, handled);

        var activations = await grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        var line = new Dictionary<string, object?>
        {
            ["scenario"] = "city",
            ["runtime"] = "orleans",
            ["via"] = feed.Via,
            ["drivers"] = drivers,
            ["events_per_s"] = Math.Round(handled / elapsed),
            ["p99_decision_ms"] = Math.Round(latency.DecisionPercentile(0.99), 2),
            ["bytes_per_driver"] = Math.Round((heapAfter - heapBefore) / (double)drivers),
            ["retained_bytes_per_event"] = Math.Round(retainedPerEvent),
            ["offers"] = outbox.Offers - offersBefore,
            // CPU time of the whole process (feeder, grains, Orleans) per handled event: the load-independent figure.
            ["cpu_us_per_event"] = Math.Round(cpuSeconds * 1e6 / Math.Max(1, handled), 2),
            ["baseline_calls_per_s"] = Math.Round(baseline.CallsPerSecond),
            ["load_avg"] = load,
            ["load_avg_after"] = loadAfter,
            ["cores"] = BenchOutput.Cores,
            ["cpu_used"] = Math.Round(cpuSeconds / elapsed, 2),
            ["p50_decision_ms"] = Math.Round(latency.DecisionPercentile(0.5), 2),
            ["p99_tick_ms"] = Math.Round(latency.TickPercentile(0.99), 2),
            ["decisions"] = latency.Decisions,
            ["ticks"] = latency.Ticks,
            ["cells"] = ActivationsOf(activations, "CellGrain"),
            ["driver_activations"] = ActivationsOf(activations, "DriverGrain"),
            ["peak_rss_mb"] = Math.Round(BenchOutput.PeakRssMb()),
            ["seconds"] = Math.Round(elapsed, 1),
            ["simulated_s"] = Math.Round(simulated),
            ["rounds"] = (long)(simulated / roundLength.TotalSeconds),
            ["warmup_rounds"] = rounds,
            ["jit_methods_last_warmup_round"] = jitLastRound,
            // Methods the JIT compiled while measuring, and the time it took: how warm the measured code was.
            ["jit_methods_measured"] = jitMethods,
            ["jit_ms_measured"] = Math.Round(jitTime.TotalMilliseconds),
            ["failed_deliveries"] = feed.Failed,
            // Collections while measuring (gen0 counts include gen1 and gen2 ones) and the time the runtime was paused.
            ["gc_collections"] = $"{gen0}/{gen1}/{gen2}",
            ["gc_pause_ms"] = Math.Round(gcPause.TotalMilliseconds),
            ["server_gc"] = System.Runtime.GCSettings.IsServerGC,
            ["baseline_load_avg"] = baselineLoad,
        };
        feed.AddFiguresTo(line);
        baseline.AddTo(line, "baseline_");
        BenchOutput.WriteLine(line);

        timings?.WriteTo(Console.Error);
        if (feed.LastFailure is { } failure)
            Console.Error.WriteLine($"city: last delivery failure: {failure}");

        await host.StopAsync();
        return feed.Failed == 0 ? 0 : 1;
    }

    private static int ActivationsOf(SimpleGrainStatistic[] statistics, string grainClass) =>
        statistics.Where(s => s.GrainType.Contains(grainClass, StringComparison.Ordinal)).Sum(s => s.ActivationCount);
}
