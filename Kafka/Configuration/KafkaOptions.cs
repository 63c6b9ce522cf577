namespace SupplyGrid.Kafka;

/// <summary>Configuration section <c>Kafka</c>: where the cluster is and how the stream layer consumes and produces.</summary>
public sealed class KafkaOptions
{
    public const string SectionName = "Kafka";

    /// <summary>
    /// <c>bootstrap.servers</c> of the cluster. Unset: an embedded broker is started in-process and the declared
    /// topics are created on it with their partition counts.
    /// </summary>
    public string? BootstrapServers { get; set; }

    /// <summary>Consumer group of the silo's stream pump; every silo of one grid uses the same group.</summary>
    public string GroupId { get; set; } = "supplygrid-silo";

    /// <summary>Partition counts for topics (created on the embedded broker; informational for an external cluster).</summary>
    public List<KafkaTopicOptions> Topics { get; set; } = [];

    /// <summary>Partitions of a declared topic that <see cref="Topics"/> does not list.</summary>
    public int DefaultPartitions { get; set; } = 6;

    /// <summary>Where records that cannot be handled go, with the reason in headers.</summary>
    public string DeadLetterTopic { get; set; } = "supplygrid.dead-letter";

    /// <summary>Records handed to the dispatcher and not yet finished, per pump; above it the pump pauses its partitions.</summary>
    public int MaxInFlight { get; set; } = 10_000;

    /// <summary>Paused partitions resume when in-flight records drain to this many. Unset: half of <see cref="MaxInFlight"/>.</summary>
    public int? ResumeInFlight { get; set; }

    /// <summary>
    /// Records of one partition delivered but not yet committable (finished records waiting behind an unfinished one).
    /// A partition that reaches it is paused alone until its oldest record finishes; this bounds memory when one key is slow.
    /// </summary>
    public int MaxUncommittedPerPartition { get; set; } = 50_000;

    /// <summary>How often finished offsets are committed (they are also committed on revocation and on stop).</summary>
    public TimeSpan CommitInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest a consume call blocks; bounds how late the pump notices a stop or a due commit.</summary>
    public TimeSpan PollTimeout { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>On revocation or stop, how long in-flight records may take to finish before they are abandoned uncommitted.</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest record key accepted, in UTF-8 bytes; longer keys are dead-lettered.</summary>
    public int MaxKeyBytes { get; set; } = 128;

    /// <summary>Where a group with no committed offset starts: <c>earliest</c> or <c>latest</c>.</summary>
    public string AutoOffsetReset { get; set; } = "earliest";

    /// <summary>Brokers of the embedded cluster (only when <see cref="BootstrapServers"/> is unset).</summary>
    public int EmbeddedBrokers { get; set; } = 1;

    /// <summary>librdkafka properties for every client (e.g. <c>security.protocol</c>, <c>sasl.mechanism</c>).</summary>
    public Dictionary<string, string> Client { get; set; } = new(StringComparer.Ordinal);

    /// <summary>librdkafka properties for the consumer only (e.g. <c>session.timeout.ms</c>).</summary>
    public Dictionary<string, string> Consumer { get; set; } = new(StringComparer.Ordinal);

    /// <summary>librdkafka properties for the producer only.</summary>
    public Dictionary<string, string> Producer { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The keyed producer behind outboxes and dead letters.</summary>
    public KafkaProducerOptions Outbox { get; set; } = new();

    /// <summary>The effective low-water mark.</summary>
    public int EffectiveResumeInFlight => ResumeInFlight ?? Math.Max(0, MaxInFlight / 2);

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

/// <summary>Section <c>Kafka:Outbox</c>: the idempotent producer shared by outboxes and the dead-letter writer.</summary>
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
