namespace SupplyGrid.Kafka;

/// <summary>A message the caller waited on was not acknowledged by the brokers (see <see cref="IKafkaOutbox{T}.DeliverAsync"/>).</summary>
public sealed class KafkaDeliveryException(string topic, string key, string error)
    : Exception($"The message for key '{key}' was not delivered to topic '{topic}': {error}")
{
    public string Topic { get; } = topic;

    public string Key { get; } = key;
}
