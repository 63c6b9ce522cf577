namespace SupplyGrid.Kafka;

/// <summary>Produces JSON messages of <typeparamref name="T"/> to one topic, keyed (one key's messages stay in order).</summary>
public interface IKafkaOutbox<in T>
    where T : class
{
    string Topic { get; }

    /// <summary>
    /// Queues <paramref name="message"/> for delivery and returns once it is queued (not yet delivered). When the
    /// outbox is full it waits up to <c>Kafka:Outbox:EnqueueTimeout</c> for room.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="key"/> is null or empty.</exception>
    /// <exception cref="KafkaOutboxFullException">No room came free in time; the message was not queued.</exception>
    ValueTask EnqueueAsync(string key, T message, CancellationToken cancellationToken = default);
}
