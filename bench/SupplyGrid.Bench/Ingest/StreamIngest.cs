using System.Diagnostics;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using SupplyGrid.Bench.Grid;
using SupplyGrid.Grains.Events;
using SupplyGrid.Kafka;
using SupplyGrid.Streaming.Kafka;

namespace SupplyGrid.Bench.Ingest;

/// <summary>
/// Kafka ingest through the Orleans stream provider (Streaming.Kafka): the same driver_event records as the consumer
/// loop's run, produced with Kafka's murmur2 partitioner, read by one pulling agent per partition, decoded and
/// validated with the topic's contract, and delivered to <see cref="StreamIngestDriverGrain"/>s by implicit
/// subscription. In the same run, a bare Confluent consumer reads the same topic as the baseline. Counts what was
/// lost, delivered twice or out of order.
/// </summary>
internal static class StreamIngest
{
    public const string ProviderName = "kafka";
    // A namespace of the benchmark's own: the domain's DriverGrain subscribes to the topic's name, and would be
    // activated for every driver too.
    public const string StreamNamespace = "bench.ingest.driver_event";
    private const string GroupId = "bench-ingest";
    private const string DeadLetterTopic = "bench.ingest.dead-letter";

    public static async Task<int> RunAsync(long events, int drivers, int partitions, long warmUp, int maxWarmUpRounds, int pollBatch, int cacheSize)
    {
        var contract = new TopicContracts(TimeProvider.System, new EventValidationOptions()).DriverEvent;
        await using var broker = new EmbeddedKafkaBroker();
        broker.CreateTopic(IngestSuite.Topic, partitions);
        broker.CreateTopic(DeadLetterTopic, 1);
        var total = warmUp * maxWarmUpRounds + events;
        Produce(broker.BootstrapServers, contract, new SingaporeDrivers(drivers, seed: 42), total);

        var decoder = KafkaRecordDecoder.Create(record =>
            record.Value is not { } value ? KafkaDecodeResult.Failure("a tombstone")
            : contract.TryRead(value, out var ping, out var error) ? KafkaDecodeResult.Success(ping)
            : KafkaDecodeResult.Failure(error));
        var builder = BenchSilo.CreateBuilder(new Dictionary<string, string?>(), silo: silo => silo.AddKafkaStreams(ProviderName, options => options.Configure(o =>
        {
            o.BootstrapServers = broker.BootstrapServers;
            o.ConsumerGroupId = GroupId;
            o.AddTopic(IngestSuite.Topic, StreamNamespace, partitions);
            o.Decoder = decoder;
            o.DeadLetterTopic = DeadLetterTopic;
            o.PollBatchSize = pollBatch;
            o.CacheSize = cacheSize;
        })));
        using var host = builder.Build();
        var statistics = host.Services.GetRequiredKeyedService<KafkaStreamStatistics>(ProviderName);

        IngestProgress.Reset();
        await host.StartAsync();
        var rounds = await IngestSuite.WarmUpAsync(round => IngestProgress.WaitUntilHandledAsync(warmUp * round, TimeSpan.FromMinutes(5)));
        var measuredFrom = warmUp * rounds;
        var load = BenchOutput.LoadAverage();
        var started = Stopwatch.GetTimestamp();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        await IngestProgress.WaitUntilHandledAsync(measuredFrom + events, TimeSpan.FromMinutes(10));
        var elapsed = Stopwatch.GetElapsedTime(started);
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        // The rest of the topic (warm-up rounds not run) is delivered too: wait for all of it, so losses show.
        var settled = await SettleAsync(total, TimeSpan.FromSeconds(60));
        var (repeated, earlier) = (IngestProgress.Repeated, IngestProgress.Earlier);
        var lost = total - (IngestProgress.Handled - repeated - earlier);
        var undecodable = statistics.RecordsDeadLettered;
        await host.StopAsync();

        var baseline = BaselineConsumerRate(broker.BootstrapServers, total);
        BenchOutput.WriteLine(new Dictionary<string, object?>
        {
            ["scenario"] = "ingest_kafka",
            ["path"] = "stream-provider",
            ["runtime"] = "orleans",
            ["events"] = events,
            ["events_per_s"] = Math.Round(events / elapsed.TotalSeconds),
            ["cpu_us_per_event"] = Math.Round(cpu.TotalMicroseconds / events, 2),
            ["cpu_used"] = Math.Round(cpu / elapsed, 2),
            ["bytes_allocated_per_event"] = Math.Round(allocated / (double)events),
            ["baseline_consumer_events_per_s"] = Math.Round(baseline),
            ["lost"] = lost,
            ["duplicates"] = repeated,
            ["order_violations"] = earlier,
            ["dead_letters"] = undecodable,
            ["all_delivered_within_60s"] = settled,
            ["peak_rss_mb"] = Math.Round(BenchOutput.PeakRssMb()),
            ["librdkafka"] = BundledLibRdKafka.Version,
            ["partitions"] = partitions,
            ["poll_batch"] = pollBatch,
            ["cache_size"] = cacheSize,
            ["warmup_rounds"] = rounds,
            ["load_avg"] = load,
            ["cores"] = BenchOutput.Cores,
        });
        return lost == 0 && earlier == 0 && undecodable == 0 ? 0 : 1;
    }

    /// <summary>Writes <paramref name="count"/> pings keyed by driver, partitioned by murmur2 as Java producers do.</summary>
    private static void Produce(string bootstrapServers, TopicContract<DriverEvent> contract, SingaporeDrivers city, long count)
    {
        using var producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig
        {
            BootstrapServers = bootstrapServers,
            Partitioner = Partitioner.Murmur2Random,
            EnableIdempotence = true,
            LingerMs = 5,
        }).Build();
        var failed = 0L;
        for (var i = 0L; i < count; i++)
        {
            var ping = city.NextPing();
            var message = new Message<byte[], byte[]>
            {
                Key = System.Text.Encoding.UTF8.GetBytes(ping.DriverId),
                Value = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(ping, contract.TypeInfo),
            };
            while (true)
            {
                try
                {
                    producer.Produce(IngestSuite.Topic, message, report =>
                    {
                        if (report.Error.IsError)
                            Interlocked.Increment(ref failed);
                    });
                    break;
                }
                catch (ProduceException<byte[], byte[]> e) when (e.Error.Code == Confluent.Kafka.ErrorCode.Local_QueueFull)
                {
                    producer.Poll(TimeSpan.FromMilliseconds(100));
                }
            }
        }

        if (producer.Flush(TimeSpan.FromMinutes(2)) > 0 || Interlocked.Read(ref failed) > 0)
            throw new InvalidOperationException($"{failed} events could not be written to the embedded broker");
    }

    /// <summary>Waits until every record was delivered once (repeats and late ones aside); false when some never came.</summary>
    private static async Task<bool> SettleAsync(long total, TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (IngestProgress.Handled - IngestProgress.Repeated - IngestProgress.Earlier < total)
        {
            if (Stopwatch.GetTimestamp() > deadline)
                return false;
            await Task.Delay(10);
        }

        return true;
    }

    /// <summary>A bare consumer reading the whole topic from the start, as fast as it can: records per second.</summary>
    private static double BaselineConsumerRate(string bootstrapServers, long total)
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = GroupId + "-baseline",
            EnableAutoCommit = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
        }).Build();
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).Build();
        var metadata = admin.GetMetadata(IngestSuite.Topic, TimeSpan.FromSeconds(10));
        consumer.Assign(metadata.Topics[0].Partitions.Select(p => new TopicPartitionOffset(IngestSuite.Topic, p.PartitionId, Offset.Beginning)));
        var started = Stopwatch.GetTimestamp();
        var read = 0L;
        var deadline = started + 120 * Stopwatch.Frequency;
        while (read < total && Stopwatch.GetTimestamp() < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(100)) is not null)
                read++;
        }

        return read / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}
