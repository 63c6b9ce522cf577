
namespace SupplyGrid.Kafka;

/// <summary>
/// Binds one Kafka topic to its one event type: how a record value becomes a validated event, or why it cannot.
/// Create through <see cref="TopicBinding{T}"/>.
/// </summary>
public abstract class TopicBinding
{
    private protected TopicBinding(string topic)
    {
        KafkaTopicName.ThrowIfInvalid(topic);
        Topic = topic;
    }

    public string Topic { get; }

    public abstract Type EventType { get; }

    /// <summary>Parses and validates a record value.</summary>
    /// <returns>Null and the event, or the rejection and null.</returns>
    internal abstract RecordRejection? Decode(ReadOnlySpan<byte> value, out object? item);

    /// <summary>Reads and validates a record value: null and the event, or why it cannot become one.</summary>
    public RecordRejection? TryDecode(ReadOnlySpan<byte> value, out object? item) => Decode(value, out item);
}
