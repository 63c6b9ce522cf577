namespace SupplyGrid.Kafka;

/// <summary>Configuration section <c>Kafka</c>: where the cluster is, how the stream provider reads it and how the outboxes produce.</summary>
public sealed class KafkaOptions
{
    public const string SectionName = "Kafka";

    /// <summary>
    /// <c>bootstrap.servers</c> of the cluster. Unset: an embedded broker is started in-process and the declared
    /// topics are created on it with their partition counts.
    /// </summary>
    public string? BootstrapServers { get; set; }

    /// <summary>Consumer group under which the stream provider commits its offsets; every silo of one grid uses the same group.</summary>
    public string GroupId { get; set; } = "supplygrid-silo";

    /// <summary>
    /// Partition counts of topics: created so on the embedded broker; on an external cluster the consumed topics must have
    /// them (the stream provider refuses to start otherwise).
    /// </summary>
    public List<KafkaTopicOptions> Topics { get; set; } = [];

    /// <summary>Partitions of a declared topic that <see cref="Topics"/> does not list.</summary>
    public int DefaultPartitions { get; set; } = 6;

    /// <summary>Where the stream provider writes records that cannot be delivered, with the reason in headers.</summary>
    public string DeadLetterTopic { get; set; } = "supplygrid.dead-letter";

    /// <summary>Least time between two offset commits of a partition (progress is also committed when a receiver stops).</summary>
    public TimeSpan CommitInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Where a group with no committed offset starts: <c>earliest</c> or <c>latest</c>.</summary>
    public string AutoOffsetReset { get; set; } = "earliest";

    /// <summary>Brokers of the embedded cluster (only when <see cref="BootstrapServers"/> is unset).</summary>
    public int EmbeddedBrokers { get; set; } = 1;

    /// <summary>librdkafka properties for every client (e.g. <c>security.protocol</c>, <c>sasl.mechanism</c>).</summary>
    public Dictionary<string, string> Client { get; set; } = new(StringComparer.Ordinal);

    /// <summary>librdkafka properties for the stream provider's consumers only (e.g. <c>fetch.max.bytes</c>).</summary>
    public Dictionary<string, string> Consumer { get; set; } = new(StringComparer.Ordinal);

    /// <summary>librdkafka properties for the producer only.</summary>
    public Dictionary<string, string> Producer { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The keyed producer behind the outboxes.</summary>
    public KafkaProducerOptions Outbox { get; set; } = new();

    /// <summary>The librdkafka properties of a consumer: <see cref="Client"/>, overridden by <see cref="Consumer"/>.</summary>
    public Dictionary<string, string> ConsumerProperties() => Merge(Client, Consumer);

    /// <summary>The librdkafka properties of a producer: <see cref="Client"/>, overridden by <see cref="Producer"/>.</summary>
    public Dictionary<string, string> ProducerProperties() => Merge(Client, Producer);

    /// <summary>The partition count to create <paramref name="topic"/> with.</summary>
    public int PartitionsOf(string topic) =>
        Topics.FirstOrDefault(t => string.Equals(t.Name, topic, StringComparison.Ordinal))?.Partitions ?? DefaultPartitions;

    /// <summary>Later dictionaries win.</summary>
    internal static Dictionary<string, string> Merge(params Dictionary<string, string>[] layers)
    {
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var layer in layers)
        {
            foreach (var (key, value) in layer)
                merged[key] = value;
        }

        return merged;
    }
}

/// <summary>One entry of <c>Kafka:Topics</c>.</summary>
public sealed class KafkaTopicOptions
{
    public string Name { get; set; } = "";

    public int Partitions { get; set; } = 6;
}

/// <summary>Section <c>Kafka:Outbox</c>: the idempotent producer shared by the outboxes.</summary>
public sealed class KafkaProducerOptions
{
    /// <summary>How long the producer waits to fill a batch (<c>linger.ms</c>).</summary>
    public TimeSpan Linger { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Messages an outbox holds before delivery is confirmed; a full outbox makes callers wait.</summary>
    public int Capacity { get; set; } = 10_000;

    /// <summary>How long a caller waits for room in a full outbox before <see cref="KafkaOutboxFullException"/>.</summary>
    public TimeSpan EnqueueTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the producer retries one message before reporting it failed (<c>delivery.timeout.ms</c>).</summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>On shutdown, how long queued messages may take to be delivered.</summary>
    public TimeSpan FlushTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
