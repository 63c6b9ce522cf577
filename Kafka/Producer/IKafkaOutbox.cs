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

    /// <summary>
    /// Queues <paramref name="message"/> like <see cref="EnqueueAsync"/> and completes only once the brokers have
    /// acknowledged it (acks=all): for a message whose loss the caller must be able to repair, it records the message
    /// as sent only after this completes. A message queued but unacknowledged dies with the process.
    /// </summary>
    /// <exception cref="KafkaOutboxFullException">No room came free in time; the message was not queued.</exception>
    /// <exception cref="KafkaDeliveryException">The producer gave up on the message, or the outbox stopped first.</exception>
    Task DeliverAsync(string key, T message, CancellationToken cancellationToken = default);
}
