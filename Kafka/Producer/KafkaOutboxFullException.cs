namespace SupplyGrid.Kafka;

/// <summary>An outbox stayed full for longer than the caller may wait: the message was not queued.</summary>
public sealed class KafkaOutboxFullException(string topic, int capacity, TimeSpan waited)
    : Exception($"The Kafka outbox for topic '{topic}' is full ({capacity} messages awaiting delivery, Kafka:Outbox:Capacity) " +
                $"and no room came free within {waited} (Kafka:Outbox:EnqueueTimeout); the message was not queued.")
{
    public string Topic { get; } = topic;
}
