namespace SupplyGrid.Streaming.Kafka;

/// <summary>
/// Where a provider's receivers write dead letters: <see cref="KafkaDeadLetterProducer"/>, or a test's stand-in (the
/// seam at the producer boundary). One per provider, shared by its receivers, so it must be thread-safe.
/// </summary>
internal interface IKafkaDeadLetterSink
{
    /// <summary>
    /// Writes <paramref name="letter"/>. The task completes once the broker has acknowledged it, and faults when it
    /// could not be written (the record's offset is then never committed past by this receiver).
    /// </summary>
    Task WriteAsync(KafkaDeadLetter letter);
}
