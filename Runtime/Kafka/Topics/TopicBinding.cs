using SupplyGrid.Runtime.Streams;

namespace SupplyGrid.Runtime.Kafka;

/// <summary>
/// Binds one Kafka topic (a stream namespace) to its one event type: how a record value becomes a validated event
/// and how that event is handed to the implicitly subscribed grains. Create through <see cref="TopicBinding{T}"/>.
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

    /// <summary>Hands an event produced by <see cref="Decode"/> to the dispatcher with its static type.</summary>
    internal abstract void Deliver(
        IImplicitStreamDispatcher dispatcher, string key, object item, StreamSequenceToken token, IStreamDeliveryObserver observer, object state);
}
