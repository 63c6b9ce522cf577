namespace SupplyGrid.Silo.OperatorDashboard;

/// <summary>The Kafka stream provider on this silo at one moment, as its instruments report it.</summary>
/// <param name="RecordsRead">Records read since start, by topic (delivered, ignored and dead-lettered alike).</param>
/// <param name="DeadLettered">Records dead-lettered since start, by source topic.</param>
/// <param name="DeadLettersByReason">Records dead-lettered since start, by reason.</param>
/// <param name="Partitions">The lag of every partition this silo reads whose position is known.</param>
/// <param name="InCache">Records read and not yet delivered to every subscribed grain.</param>
public sealed record KafkaStreamFigures(
    IReadOnlyDictionary<string, long> RecordsRead,
    IReadOnlyDictionary<string, long> DeadLettered,
    IReadOnlyDictionary<string, long> DeadLettersByReason,
    IReadOnlyList<PartitionLag> Partitions,
    long InCache);

/// <param name="Lag">Records between the partition's high watermark and this silo's position in it.</param>
public sealed record PartitionLag(string Topic, int Partition, long Lag);
