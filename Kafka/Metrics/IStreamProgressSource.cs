namespace SupplyGrid.Kafka;

/// <summary>A pump (or the direct ingress) reporting its progress to <see cref="KafkaStreamMetrics"/>.</summary>
internal interface IStreamProgressSource
{
    long InFlight { get; }

    /// <summary>The latest published progress; read from any thread.</summary>
    IReadOnlyList<PartitionProgress> Partitions { get; }
}

/// <summary>An outbox reporting its state to <see cref="KafkaStreamMetrics"/>.</summary>
internal interface IOutboxStatusSource
{
    OutboxStatus Status { get; }
}
