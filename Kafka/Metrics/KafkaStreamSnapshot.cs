namespace SupplyGrid.Kafka;

/// <summary>What the operator dashboard shows about the Kafka stream layer at one moment.</summary>
/// <param name="Topics">Throughput per consumed topic.</param>
/// <param name="Partitions">Progress of every partition a pump of this process owns.</param>
/// <param name="DeadLettersByReason">Records dead-lettered since start, by <see cref="DeadLetterReasons.WireName"/>.</param>
/// <param name="InFlight">Records handed to the dispatcher and not yet finished.</param>
/// <param name="DeliveryLatencyP50">Median time from consume to the end of handling, over the rate window.</param>
/// <param name="DeliveryLatencyP99">99th percentile of the same.</param>
public sealed record KafkaStreamSnapshot(
    DateTimeOffset TakenAt,
    IReadOnlyList<TopicThroughput> Topics,
    IReadOnlyList<PartitionProgress> Partitions,
    IReadOnlyDictionary<string, long> DeadLettersByReason,
    long InFlight,
    TimeSpan DeliveryLatencyP50,
    TimeSpan DeliveryLatencyP99,
    IReadOnlyList<OutboxStatus> Outboxes);

/// <param name="RecordsPerSecond">Over the last rate window (at least one second).</param>
public sealed record TopicThroughput(string Topic, long RecordsConsumed, double RecordsPerSecond, long DeadLettered);

/// <param name="CommittedOffset">The next offset the group resumes from; -1 when nothing was committed yet.</param>
/// <param name="HighWatermark">The offset after the last record in the partition, as last seen; -1 when unknown.</param>
/// <param name="Lag">Records between the committed offset and the high watermark.</param>
/// <param name="Uncommitted">Records delivered but not yet committable.</param>
public sealed record PartitionProgress(
    string Topic, int Partition, long CommittedOffset, long HighWatermark, long Lag, int Uncommitted, bool Paused);

/// <param name="Pending">Messages enqueued and not yet confirmed by the brokers.</param>
public sealed record OutboxStatus(string Topic, long Pending, long Delivered, long Failed);
