using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using SupplyGrid.Grains.Events;
using SupplyGrid.Grains.Streams;
using SupplyGrid.Kafka;
using SupplyGrid.Streaming.Kafka;

namespace SupplyGrid.Bench.Ingest;

/// <summary>
/// Kafka ingest into grains on the product's path: driver_event records (the product's JSON, drivers moving over
/// Singapore, each driver's pings at strictly later times) are produced into the embedded broker, and one silo reads
/// them through the grid's stream provider (<c>AddTopicStreams</c>: one pulling agent per partition, the product's
/// decoder validating each record against its contract, dead letters) into the real <c>DriverGrain</c> by implicit
/// subscription, on memory storage. The rate is of N records delivered, after warm-up rounds of N/10 (at most 100,000)
/// delivered unmeasured until a round compiled no new method (at most 3). Then the whole topic must be delivered (or
/// the run fails), and every driver's grain must show its last ping (<c>lost</c>: drivers whose grain does not) having
/// ignored no ping as stale (<c>stale_pings</c>; the grain counts repeats and pings out of order alike, so
/// <c>duplicates</c> and <c>order_violations</c> are 0 when it is 0 and null, not told apart, otherwise). In the same
/// run, a bare Confluent consumer reads the topic (<c>baseline_consumer_events_per_s</c>). Memory over the measured
/// window: mean RSS of its first and last quarter, the live managed heap right before and after it, the most records
/// the provider's caches held (each partition's cache holds at most --cache-size) and the most records produced but not
/// yet delivered.
/// Options: --events N (1,000,000), --drivers N (50,000), --partitions N of driver_event (default: enough for the
/// embedded broker's 5 MiB per partition), --poll-batch N and --cache-size N (the provider's PollBatchSize and
/// CacheSize), --produce-while-reading (the N records are produced during the measured window by one producer going as
/// fast as it can, rather than before the silo starts: <c>producer_events_per_s</c> against <c>events_per_s</c> shows
/// whether it outran the grains; its CPU then counts in <c>cpu_us_per_event</c>).
/// </summary>
public sealed class IngestSuite : IBenchSuite
{
    /// <summary>The embedded broker keeps at most 5 MiB per partition and drops older batches: stay below.</summary>
    private const long BytesPerPartition = 4L << 20;

    private const int ApproxBytesPerRecord = 260;

    private const int MaxWarmUpRounds = 3;

    public string Name => "ingest";

    public async Task<int> RunAsync(BenchArgs args)
    {
        var events = args.Long("events", 1_000_000);
        var drivers = (int)args.Long("drivers", 50_000);
        var pollBatch = (int)args.Long("poll-batch", KafkaStreamOptions.DefaultPollBatchSize);
        var cacheSize = (int)args.Long("cache-size", SupplyGrid.Silo.Streams.TopicStreamsRegistration.DefaultCacheSize);
        var produceWhileReading = args.Has("produce-while-reading");
        if (events < 1 || drivers < 1 || pollBatch < 1 || cacheSize < 1)
        {
            Console.Error.WriteLine("ingest: --events, --drivers, --poll-batch and --cache-size must be positive");
            return 2;
        }

        var warmUp = Math.Max(1, Math.Min(events / 10, 100_000));
        var total = warmUp * MaxWarmUpRounds + events;
        var partitions = args.Has("partitions") ? (int)args.Long("partitions", 0) : PartitionsFor(total);
        var contracts = new TopicContracts(TimeProvider.System, new EventValidationOptions());
        var city = new SingaporeDrivers(drivers, seed: 42);

        await using var broker = IngestGrid.StartBroker(partitions);
        using var producer = new PingProducer(broker.BootstrapServers, contracts.DriverEvent, city);
        // Every warm-up round's records are there before the silo starts, and the measured ones too unless they are
        // produced while it reads.
        producer.Produce(produceWhileReading ? warmUp * MaxWarmUpRounds : total);

        using var stalePings = new StalePings();
        using var host = IngestGrid.BuildSilo(broker.BootstrapServers, contracts, partitions, pollBatch, cacheSize);
        var statistics = host.Services.GetRequiredKeyedService<KafkaStreamStatistics>(TopicStreams.ProviderName);
        var progress = new ProviderProgress(statistics);
        await host.StartAsync();
        var rounds = await WarmUpAsync(round => progress.WaitUntilReleasedAsync(warmUp * round, TimeSpan.FromMinutes(5)));

        // The live heap after full collections, before and after the window (outside the timing): the collector keeps
        // dead cached records it has promoted until a full collection, so the heap's size between collections says
        // little about what is kept.
        var heapBefore = ManagedHeap.Settled();
        var load = BenchOutput.LoadAverage();
        var started = Stopwatch.GetTimestamp();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var samples = new WindowSamples(progress, () => producer.Acknowledged);
        // A thread of its own: producing blocks whenever librdkafka's queue is full.
        var producing = produceWhileReading ? DedicatedThread.Run(() => producer.Produce(events)) : Task.FromResult(TimeSpan.Zero);
        await progress.WaitUntilReleasedAsync(warmUp * rounds + events, TimeSpan.FromMinutes(10));
        var elapsed = Stopwatch.GetElapsedTime(started);
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var window = await samples.StopAsync();
        var heapAfter = ManagedHeap.Settled();
        var producedIn = await producing;

        // The rest of the topic (warm-up rounds not run) is delivered too, so that every driver's last ping is.
        await progress.WaitUntilSettledAsync(total, TimeSpan.FromMinutes(1));
        var lost = await LastPingCheck.CountBehindAsync(host.Services.GetRequiredService<IGrainFactory>(), city.LastPings());
        var stale = stalePings.Count;
        var deadLetters = statistics.RecordsUndecodable;
        var recordsRead = statistics.RecordsRead;
        await host.StopAsync();
        var baseline = BaselineConsumer.Rate(broker.BootstrapServers, total);

        BenchOutput.WriteLine(new Dictionary<string, object?>
        {
            ["scenario"] = "ingest_kafka",
            ["path"] = "stream-provider",
            ["runtime"] = "orleans",
            ["events"] = events,
            ["events_per_s"] = Math.Round(events / elapsed.TotalSeconds),
            // The machine is shared: CPU time per event (all threads: broker, provider, grains, and the producer when
            // it produces while reading) is steadier than the rate.
            ["cpu_us_per_event"] = Math.Round(cpu.TotalMicroseconds / events, 2),
            ["cpu_used"] = Math.Round(cpu / elapsed, 2),
            ["bytes_allocated_per_event"] = Math.Round(allocated / (double)events),
            ["baseline_consumer_events_per_s"] = Math.Round(baseline),
            ["records_produced"] = total,
            ["records_read"] = recordsRead,
            ["lost"] = lost,
            ["stale_pings"] = stale,
            ["duplicates"] = stale == 0 ? 0 : null,
            ["order_violations"] = stale == 0 ? 0 : null,
            ["dead_letters"] = deadLetters,
            ["produce_while_reading"] = produceWhileReading,
            ["producer_events_per_s"] = produceWhileReading ? Math.Round(events / producedIn.TotalSeconds) : null,
            ["rss_mb_first_quarter"] = Math.Round(window.RssMbFirstQuarter),
            ["rss_mb_last_quarter"] = Math.Round(window.RssMbLastQuarter),
            ["heap_mb_before"] = Math.Round(heapBefore / 1048576.0),
            ["heap_mb_after"] = Math.Round(heapAfter / 1048576.0),
            ["records_in_cache_max"] = window.InCacheMax,
            ["records_in_cache_bound"] = (long)cacheSize * partitions,
            ["backlog_max"] = window.BacklogMax,
            ["peak_rss_mb"] = Math.Round(BenchOutput.PeakRssMb()),
            ["librdkafka"] = BundledLibRdKafka.Version,
            ["partitions"] = partitions,
            ["poll_batch"] = pollBatch,
            ["cache_size"] = cacheSize,
            ["warmup_rounds"] = rounds,
            ["load_avg"] = load,
            ["cores"] = BenchOutput.Cores,
        });
        return lost == 0 && stale == 0 && deadLetters == 0 && recordsRead == total ? 0 : 1;
    }

    private static int PartitionsFor(long events) =>
        (int)Math.Max(6, (events * ApproxBytesPerRecord + BytesPerPartition - 1) / BytesPerPartition);

    /// <summary>
    /// Runs warm-up rounds until one compiled no new method (tiered compilation has settled; at least two rounds),
    /// or <see cref="MaxWarmUpRounds"/>. Returns the rounds run.
    /// </summary>
    private static async Task<int> WarmUpAsync(Func<int, Task> round)
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
