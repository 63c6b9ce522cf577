using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SupplyGrid.Kafka;

/// <summary>
/// Where the stream layer's clients connect: <c>Kafka:BootstrapServers</c> when set, otherwise an embedded broker
/// started here with every declared topic (and the dead-letter topic) created at its configured partition count.
/// </summary>
public sealed class KafkaClusterConnection : IDisposable
{
    private readonly KafkaOptions _options;
    private readonly EmbeddedKafkaBroker? _embedded;

    public KafkaClusterConnection(IOptions<KafkaOptions> options, IEnumerable<KafkaTopicDeclaration> declarations, ILogger<KafkaClusterConnection> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(declarations);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options.Value;
        BundledLibRdKafka.EnsureLoaded();
        logger.LogInformation("Kafka: librdkafka {Version} from {Path}", BundledLibRdKafka.Version, BundledLibRdKafka.LoadedFrom ?? "Confluent's own loader");
        if (_options.BootstrapServers is { } servers)
        {
            BootstrapServers = servers;
            logger.LogInformation("Kafka: using the cluster at {BootstrapServers}", servers);
            return;
        }

        _embedded = new EmbeddedKafkaBroker(_options.EmbeddedBrokers);
        BootstrapServers = _embedded.BootstrapServers;
        var topics = declarations.Select(d => d.Topic)
            .Concat(_options.Topics.Select(t => t.Name))
            .Append(_options.DeadLetterTopic)
            .Distinct(StringComparer.Ordinal);
        foreach (var topic in topics)
            _embedded.CreateTopic(topic, _options.PartitionsOf(topic));
        logger.LogInformation(
            "Kafka: embedded broker (in memory, not for production) at {BootstrapServers} with topics {Topics}",
            BootstrapServers, string.Join(", ", _embedded.Topics.Select(t => $"{t.Key}[{t.Value}]")));
    }

    public string BootstrapServers { get; }

    /// <summary>The embedded broker, when <c>Kafka:BootstrapServers</c> is unset.</summary>
    public EmbeddedKafkaBroker? EmbeddedBroker => _embedded;

    internal ProducerConfig CreateProducerConfig()
    {
        var outbox = _options.Outbox;
        return new ProducerConfig(_options.ProducerProperties())
        {
            BootstrapServers = BootstrapServers,
            EnableIdempotence = true,
            Acks = Acks.All,
            // Java's default partitioner, which the stream provider's queue mapper agrees with: a key's records land on
            // the partition (queue) the grid expects, whichever client wrote them.
            Partitioner = Partitioner.Murmur2Random,
            LingerMs = outbox.Linger.TotalMilliseconds,
            MessageTimeoutMs = (int)outbox.DeliveryTimeout.TotalMilliseconds,
            // The outboxes bound what they hold; librdkafka's own queue must never be the one that refuses.
            QueueBufferingMaxMessages = Math.Max(100_000, outbox.Capacity * 4),
        };
    }

    public void Dispose() => _embedded?.Dispose();
}
