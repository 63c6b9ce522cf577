using Confluent.Kafka;

namespace SupplyGrid.Streaming.Kafka;

/// <summary>
/// Settings of one Kafka stream provider, bound by provider name (<c>IOptionsMonitor&lt;KafkaStreamOptions&gt;.Get(name)</c>).
/// Checked when the silo starts; see <see cref="KafkaStreamOptionsValidator"/>.
/// </summary>
public sealed class KafkaStreamOptions
{
    /// <summary>The default of <see cref="PollBatchSize"/>.</summary>
    public const int DefaultPollBatchSize = 256;

    /// <summary>Kafka's <c>bootstrap.servers</c>: comma-separated <c>host:port</c> pairs.</summary>
    public string BootstrapServers { get; set; } = "";

    /// <summary>
    /// The consumer group whose committed offsets record how far each partition has been handed over. Used only to
    /// commit and read offsets: partitions are assigned to receivers by Orleans' queue balancer, never by a group
    /// rebalance.
    /// </summary>
    public string ConsumerGroupId { get; set; } = "";

    /// <summary>The topics read, each with its stream namespace and partition count. Topics and namespaces must be unique.</summary>
    public List<KafkaStreamTopic> Topics { get; set; } = [];

    /// <summary>Turns each record into the event delivered to the stream, or a reason to dead-letter it. Required.</summary>
    public IKafkaRecordDecoder? Decoder { get; set; }

    /// <summary>
    /// The topic records go to when they have no key or the decoder refuses or throws on them: original key, value and
    /// headers, plus <see cref="KafkaDeadLetterHeaders"/>. Required; it must exist when the silo starts (checked, as
    /// the topics are) and must not be one of <see cref="Topics"/>. A record's offset is committed past only once the
    /// broker has acknowledged its dead letter.
    /// </summary>
    public string DeadLetterTopic { get; set; } = "";

    /// <summary>
    /// Records each partition's cache (<see cref="KafkaQueueCache"/>) holds. A partition reads no further while its
    /// cache is full, and offsets are committed only once the cache has let go of a record.
    /// </summary>
    public int CacheSize { get; set; } = Orleans.Configuration.SimpleQueueCacheOptions.DEFAULT_CACHE_SIZE;

    /// <summary>
    /// How often a partition's pulling agent reads when its last read found nothing new or its cache was full (Orleans'
    /// <c>GetQueueMsgsTimerPeriod</c>, 100 ms by default); while reads return records it reads again at once. With
    /// grains keeping up, this is how late a record found after a quiet spell starts; with the cache full, the agent
    /// reads again only at the next tick, so at most <see cref="CacheSize"/> records per interval pass per partition.
    /// Shorter costs an idle silo a read per partition per interval.
    /// </summary>
    public TimeSpan ReadInterval { get; set; } = Orleans.Configuration.StreamPullingAgentOptions.DEFAULT_GET_QUEUE_MESSAGES_TIMER_PERIOD;

    /// <summary>Most records a partition's receiver takes from the consumer per read (also capped by the cache's own limit).</summary>
    public int PollBatchSize { get; set; } = DefaultPollBatchSize;

    /// <summary>
    /// Least time between two offset commits of one partition; zero commits whenever the position moves. Progress not
    /// yet committed is committed at the next read after the interval, and when the receiver shuts down.
    /// </summary>
    public TimeSpan CommitInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long Orleans retries delivering a record to a subscriber that keeps failing on it (the pulling agent's
    /// <c>MaxEventDeliveryTime</c>) before it gives up: the record is then dead-lettered, category
    /// <see cref="KafkaDeadLetterReasons.DeliveryFailed"/>, and its stream goes on. Also the longest one poisoned record
    /// can hold back its partition: its stream waits on it, and the rest of the partition once the cache has filled
    /// behind it. Attempts are 100 ms apart at first, doubling up to a fifth of the limit, so the record is given up at
    /// most a fifth of the limit after it. Orleans' default is one minute.
    /// </summary>
    public TimeSpan DeliveryTimeLimit { get; set; } = Orleans.Configuration.StreamPullingAgentOptions.DEFAULT_MAX_EVENT_DELIVERY_TIME;

    /// <summary>Where a partition starts when the group has no committed offset for it (Kafka's <c>auto.offset.reset</c>).</summary>
    public AutoOffsetReset AutoOffsetReset { get; set; } = AutoOffsetReset.Earliest;

    /// <summary>
    /// Further librdkafka consumer settings (security, timeouts, ...), applied as given. The keys the provider manages
    /// (<see cref="ManagedConsumerSettings"/>) are refused here: set them through their own properties.
    /// </summary>
    public Dictionary<string, string> ConsumerSettings { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// librdkafka consumer settings the provider starts from, which <see cref="ConsumerSettings"/> may override. The
    /// provider opens one consumer per partition, and librdkafka's own default lets each prefetch up to 64 MiB and
    /// 100,000 records: with dozens of partitions per silo that is gigabytes. These keep each partition's prefetch to
    /// 4 MiB, several cache-fulls of typical records; what a partition holds is then bounded by its cache plus this.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ConsumerDefaults { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["queued.max.messages.kbytes"] = "4096",
        ["queued.min.messages"] = "10000",
    };

    /// <summary>The librdkafka consumer settings the provider sets itself and <see cref="ConsumerSettings"/> may not override.</summary>
    public static IReadOnlySet<string> ManagedConsumerSettings { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "bootstrap.servers", "group.id", "enable.auto.commit", "enable.auto.offset.store", "auto.offset.reset", "enable.partition.eof",
    };

    /// <summary>
    /// Further librdkafka producer settings of the dead-letter producer (security, timeouts, ...), applied as given.
    /// Security settings are not taken from <see cref="ConsumerSettings"/>: give them here too. The keys the provider
    /// manages (<see cref="ManagedProducerSettings"/>) are refused.
    /// </summary>
    public Dictionary<string, string> ProducerSettings { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The librdkafka producer settings the provider sets itself (the dead-letter producer is idempotent and waits for
    /// every in-sync replica) and <see cref="ProducerSettings"/> may not override.
    /// </summary>
    public static IReadOnlySet<string> ManagedProducerSettings { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "bootstrap.servers", "enable.idempotence", "acks", "request.required.acks",
    };

    /// <summary>Adds a topic to read; returns these options.</summary>
    public KafkaStreamOptions AddTopic(string topic, string streamNamespace, int partitionCount)
    {
        Topics.Add(new KafkaStreamTopic { Topic = topic, StreamNamespace = streamNamespace, PartitionCount = partitionCount });
        return this;
    }
}
