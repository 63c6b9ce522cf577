using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using SupplyGrid.Bench.Grid;
using SupplyGrid.Grains.Events;
using SupplyGrid.Kafka;
using SupplyGrid.Streaming.Kafka;

namespace SupplyGrid.Bench.Ingest;

/// <summary>
/// Kafka ingest into grains, the path the silo uses: N driver location events (the product's driver_event JSON, 50,000
/// drivers moving over Singapore) are produced into the embedded broker, then the silo's consumer reads them, decodes
/// and validates each with the topic's contract, and hands it to an <see cref="OrderedRecordDispatcher"/>, which makes
/// one grain call per record with at most one in flight per driver. The grain (<see cref="IngestDriverGrain"/>) only
/// updates a driver's position, so the figure is the Kafka path's and Orleans', not the domain's (the city benchmark
/// has those). <c>--path stream-provider</c> runs the same records through the Orleans stream provider instead
/// (<see cref="StreamIngest"/>). Options: --events N (default 1,000,000), --drivers N (50,000), --partitions N
/// (default: enough for the embedded broker's 5 MiB per partition), --max-in-flight N (10,000, the consumer loop's),
/// --poll-batch N and --cache-size N (the stream provider's PollBatchSize and CacheSize). Warm-up rounds of N/10 events (at most
/// 100,000) are handled unmeasured until a round compiled no new method (at most 3: each costs partitions), then the N
/// are timed.
/// </summary>
public sealed class IngestSuite : IBenchSuite
{
    internal const string Topic = Topics.DriverEvent;

    /// <summary>The embedded broker keeps at most 5 MiB per partition and drops older batches: stay below.</summary>
    private const long BytesPerPartition = 4L << 20;

    private const int ApproxBytesPerRecord = 260;

    private const int MaxWarmUpRounds = 3;

    public string Name => "ingest";

    public async Task<int> RunAsync(BenchArgs args)
    {
        var events = args.Long("events", 1_000_000);
        var drivers = (int)args.Long("drivers", 50_000);
        var maxInFlight = (int)args.Long("max-in-flight", 10_000);
        if (events < 1 || drivers < 1 || maxInFlight < 1)
        {
            Console.Error.WriteLine("ingest: --events, --drivers and --max-in-flight must be positive");
            return 2;
        }

        var warmUp = Math.Max(1, Math.Min(events / 10, 100_000));
        var partitions = args.Has("partitions") ? (int)args.Long("partitions", 0) : PartitionsFor(warmUp * MaxWarmUpRounds + events);
        switch (args.String("path") ?? "consumer-loop")
        {
            case "stream-provider":
                return await StreamIngest.RunAsync(events, drivers, partitions, warmUp, MaxWarmUpRounds,
                    (int)args.Long("poll-batch", KafkaStreamOptions.DefaultPollBatchSize), (int)args.Long("cache-size", Orleans.Configuration.SimpleQueueCacheOptions.DEFAULT_CACHE_SIZE));
            case "consumer-loop":
                break;
            default:
                Console.Error.WriteLine("ingest: --path must be consumer-loop or stream-provider");
                return 2;
        }

        var contract = new TopicContracts(TimeProvider.System, new EventValidationOptions()).DriverEvent;
        var builder = BenchSilo.CreateBuilder(
            new Dictionary<string, string?>
            {
                ["Kafka:MaxInFlight"] = maxInFlight.ToString(),
                ["Kafka:Topics:0:Name"] = Topic,
                ["Kafka:Topics:0:Partitions"] = partitions.ToString(),
                ["Kafka:Outbox:Capacity"] = "50000",
                ["Kafka:Outbox:Linger"] = "00:00:00.020",
            },
            services => services.AddSingleton<IRecordDispatcher>(sp =>
            {
                var grains = sp.GetRequiredService<IGrainFactory>();
                return new OrderedRecordDispatcher(
                    topic => topic == Topic,
                    (_, key, _) => key,
                    (key, record) => grains.GetGrain<IIngestDriverGrain>(key).OnNext((DriverEvent)record));
            }));
        // Registered after the silo, as the silo does: the consumer starts after it and stops, committing, before it.
        builder.Services.AddKafkaStreams(builder.Configuration)
            .AddTopic(Topic, contract.TypeInfo, contract.Validate)
            .AddOutbox(Topic, contract.TypeInfo);
        using var host = builder.Build();

        // The topic is filled (room for every warm-up round) before the consumer starts.
        var outbox = host.Services.GetRequiredService<KafkaOutbox<DriverEvent>>();
        var city = new SingaporeDrivers(drivers, seed: 42);
        for (var i = 0; i < warmUp * MaxWarmUpRounds + events; i++)
        {
            var ping = city.NextPing();
            await outbox.EnqueueAsync(ping.DriverId, ping);
        }

        while (outbox.Status.Pending > 0)
            await Task.Delay(10);
        if (outbox.Status.Failed > 0)
            throw new InvalidOperationException($"{outbox.Status.Failed} events could not be written to the embedded broker");

        var metrics = host.Services.GetRequiredService<KafkaStreamMetrics>();
        IngestProgress.Reset();
        await host.StartAsync();
        var rounds = await WarmUpAsync(round => IngestProgress.WaitUntilHandledAsync(warmUp * round, TimeSpan.FromMinutes(5)));
        var measuredFrom = warmUp * rounds;
        var heapBefore = ManagedHeap.Settled();
        var load = BenchOutput.LoadAverage();
        var started = Stopwatch.GetTimestamp();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var warmUpLatency = metrics.DeliveryLatency.CopyCounts();
        await IngestProgress.WaitUntilHandledAsync(measuredFrom + events, TimeSpan.FromMinutes(10));
        var elapsed = Stopwatch.GetElapsedTime(started);
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var p99 = LatencyHistogram.Percentile(LatencyHistogram.Difference(metrics.DeliveryLatency.CopyCounts(), warmUpLatency), 0.99);
        var deadLetters = metrics.GetSnapshot().DeadLettersByReason.Values.Sum();
        var retained = ManagedHeap.Settled() - heapBefore;
        await host.StopAsync();

        BenchOutput.WriteLine(new Dictionary<string, object?>
        {
            ["scenario"] = "ingest_kafka",
            ["runtime"] = "orleans",
            ["events"] = events,
            ["events_per_s"] = Math.Round(events / elapsed.TotalSeconds),
            // From the record consumed to the end of its grain call, queueing behind the in-flight window included.
            ["p99_event_to_grain_ms"] = Math.Round(p99.TotalMilliseconds, 2),
            // The machine is shared: CPU time per event (all threads, the broker's included) is steadier than the rate.
            ["cpu_us_per_event"] = Math.Round(cpu.TotalMicroseconds / events, 2),
            ["cpu_used"] = Math.Round(cpu / elapsed, 2),
            // Managed allocation per event, all threads: what the garbage collector has to clean up after.
            ["bytes_allocated_per_event"] = Math.Round(allocated / (double)events),
            // Live heap growth over the measured events, after full collections: every driver grain already exists,
            // so anything but zero is kept per event (a leak).
            ["retained_bytes_per_event"] = Math.Round(retained / (double)events),
            ["peak_rss_mb"] = Math.Round(BenchOutput.PeakRssMb()),
            ["dead_letters"] = deadLetters,
            ["partitions"] = partitions,
            ["warmup_rounds"] = rounds,
            ["load_avg"] = load,
            ["cores"] = BenchOutput.Cores,
        });
        return deadLetters == 0 ? 0 : 1;
    }

    private static int PartitionsFor(long events) =>
        (int)Math.Max(6, (events * ApproxBytesPerRecord + BytesPerPartition - 1) / BytesPerPartition);

    /// <summary>
    /// Runs warm-up rounds until one compiled no new method (tiered compilation has settled; at least two rounds),
    /// or <see cref="MaxWarmUpRounds"/>. Returns the rounds run.
    /// </summary>
    internal static async Task<int> WarmUpAsync(Func<int, Task> round)
    {
        var compiled = -1L;
        for (var rounds = 1; ; rounds++)
        {
            await round(rounds);
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if ((now == compiled && rounds >= 2) || rounds == MaxWarmUpRounds)
                return rounds;
            compiled = now;
        }
    }
}
