namespace SupplyGrid.Streaming.Kafka;

/// <summary>
/// The names of the provider's System.Diagnostics.Metrics instruments and of their tags. Each provider has a meter
/// named <see cref="MeterName"/> tagged with its <see cref="ProviderTag"/>, made by the host's <c>IMeterFactory</c>;
/// every measurement carries the <see cref="ProviderTag"/> too.
/// </summary>
public static class KafkaStreamInstruments
{
    /// <summary>The meter name.</summary>
    public const string MeterName = "SupplyGrid.Streaming.Kafka";

    /// <summary>Counter: records read from Kafka (delivered and dead-lettered alike). Tags: provider, topic.</summary>
    public const string RecordsRead = "supplygrid.streaming.kafka.records.read";

    /// <summary>Counter: valid records the decoder sent to no stream (<c>KafkaDecodeResult.Ignore</c>). Tags: provider, topic.</summary>
    public const string RecordsIgnored = "supplygrid.streaming.kafka.records.ignored";

    /// <summary>Counter: dead letters the broker acknowledged. Tags: provider, topic (the source), reason.</summary>
    public const string RecordsDeadLettered = "supplygrid.streaming.kafka.records.dead_lettered";

    /// <summary>Counter: dead letters that could not be written. Tags: provider, topic (the source), reason.</summary>
    public const string DeadLetterFailures = "supplygrid.streaming.kafka.dead_letter.failures";

    /// <summary>Observable up-down counter: records the provider's stream caches hold. Tag: provider.</summary>
    public const string RecordsInCache = "supplygrid.streaming.kafka.cache.records";

    /// <summary>Counter: offset commits the broker accepted. Tags: provider, topic.</summary>
    public const string Commits = "supplygrid.streaming.kafka.commits";

    /// <summary>Counter: offset commits that failed. Tags: provider, topic.</summary>
    public const string CommitFailures = "supplygrid.streaming.kafka.commit.failures";

    /// <summary>
    /// Observable gauge: a partition's high watermark minus its receiver's position (the offset after the last record
    /// read). Tags: provider, topic, partition. Both come from the consumer's own state, refreshed whenever the pulling
    /// agent reads or purges; a partition is reported once its position is known (after its first record, or when
    /// the receiver finds itself at the end of the partition).
    /// </summary>
    public const string ConsumerLag = "supplygrid.streaming.kafka.consumer.lag";

    /// <summary>Tag: the stream provider name.</summary>
    public const string ProviderTag = "provider";

    /// <summary>Tag: the Kafka topic (the source topic for dead letters).</summary>
    public const string TopicTag = "topic";

    /// <summary>Tag: the partition number (an <see cref="int"/>).</summary>
    public const string PartitionTag = "partition";

    /// <summary>Tag: the dead-letter reason category, one of <see cref="KafkaDeadLetterReasons"/>.</summary>
    public const string ReasonTag = "reason";
}
