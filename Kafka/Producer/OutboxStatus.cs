namespace SupplyGrid.Kafka;

/// <param name="Pending">Messages enqueued and not yet confirmed by the brokers.</param>
public sealed record OutboxStatus(string Topic, long Pending, long Delivered, long Failed);

/// <summary>An outbox reporting its state to <see cref="KafkaOutboxMetrics"/>.</summary>
internal interface IOutboxStatusSource
{
    OutboxStatus Status { get; }
}
