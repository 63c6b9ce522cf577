using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using SupplyGrid.Grains.Events;
using SupplyGrid.Grains.Streams;
using SupplyGrid.Kafka;
using SupplyGrid.Silo.Streams;
using SupplyGrid.Streaming.Kafka;

namespace SupplyGrid.Bench.Grid;

/// <summary>
/// Kafka for a benchmark silo, as the default run has it: the embedded broker with every topic the grid consumes (at
/// the product's partition counts) and a dead-letter topic, the silo reading them through the product's stream
/// provider (<see cref="TopicStreamsRegistration.AddTopicStreams(ISiloBuilder, Action{Microsoft.Extensions.Options.OptionsBuilder{KafkaStreamOptions}})"/>:
/// the grid's decoder, implicit subscriptions of the real grains), a producer for the load generator, the provider's
/// consumer-lag gauge, and a way to tell when the grains are quiet. Dispose it after the silo has stopped.
/// </summary>
internal sealed class BenchKafka : IDisposable
{
    private const string GroupId = "bench-city";
    private const string DeadLetterTopic = "bench.city.dead-letter";

    private readonly EmbeddedKafkaBroker _broker = new();

    /// <param name="maxQueued">Most records the producer must be able to hold unsent (the feeder's window).</param>
    public BenchKafka(int maxQueued)
    {
        foreach (var topic in TopicRouter.ConsumedTopics)
            _broker.CreateTopic(topic, Topics.DefaultPartitions[topic]);
        _broker.CreateTopic(DeadLetterTopic, 1);
        Producer = new ProducerBuilder<string, byte[]>(ProducerConfig(_broker.BootstrapServers, maxQueued)).Build();
    }

    public IProducer<string, byte[]> Producer { get; }

    public ConsumerLagGauge ConsumerLag { get; } = new();

    /// <summary>When the silo's grains are quiet: its process never is, as the provider polls Kafka all the time.</summary>
    public QuietGrains QuietGrains { get; } = new();

    /// <summary>
    /// Adds the grid's stream provider on this broker to <paramref name="silo"/>, validating records against
    /// <paramref name="contracts"/> (on the simulated clock: record times are simulated), and keeps the provider's
    /// pulling agents on the system clock (<see cref="SystemTargetTimers"/>).
    /// </summary>
    /// <param name="cacheSize">The provider's cache per partition; null keeps the grid's default.</param>
    /// <param name="readInterval">The pulling agents' read interval; null keeps the grid's default.</param>
    public void AddTo(ISiloBuilder silo, TopicContracts contracts, int? cacheSize = null, TimeSpan? readInterval = null)
    {
        silo.Services.AddSingleton(contracts);
        SystemTargetTimers.Use(silo);
        silo.AddTopicStreams(options => options.Configure(o =>
        {
            o.BootstrapServers = _broker.BootstrapServers;
            o.ConsumerGroupId = GroupId;
            o.DeadLetterTopic = DeadLetterTopic;
            foreach (var (key, value) in EmbeddedKafkaBroker.ConsumerSettings)
                o.ConsumerSettings[key] = value;
            o.CacheSize = cacheSize ?? o.CacheSize;
            o.ReadInterval = readInterval ?? o.ReadInterval;
        }));
    }

    /// <summary>The provider's running counts on the silo of <paramref name="services"/>.</summary>
    public static KafkaStreamStatistics Statistics(IServiceProvider services) =>
        services.GetRequiredKeyedService<KafkaStreamStatistics>(TopicStreams.ProviderName);

    private static ProducerConfig ProducerConfig(string bootstrapServers, int maxQueued) =>
        new()
        {
            BootstrapServers = bootstrapServers,
            // Kafka's default partitioner, which the provider's queue mapper follows (librdkafka's own is CRC32).
            Partitioner = Partitioner.Murmur2Random,
            // Throughput over latency, within what the window allows: a few milliseconds of batching, big batches,
            // one acknowledgement (one broker, in memory), and no compression on a machine whose cores the grid needs.
            LingerMs = 5,
            BatchNumMessages = 10_000,
            BatchSize = 1_000_000,
            Acks = Acks.Leader,
            CompressionType = CompressionType.None,
            SocketNagleDisable = true,
            // The feeder never has more unacknowledged than its window: Produce's queue-full error cannot happen.
            QueueBufferingMaxMessages = Math.Max(100_000, maxQueued),
            // The feeder reads only whether a record failed.
            DeliveryReportFields = "status",
        };

    public void Dispose()
    {
        QuietGrains.Dispose();
        ConsumerLag.Dispose();
        Producer.Dispose();
        _broker.Dispose();
    }
}
