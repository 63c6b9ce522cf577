namespace SupplyGrid.Streaming.Kafka;

/// <summary>
/// Turns a Kafka record into the event its stream delivers, or says why it cannot. Called on the partition's pulling
/// agent, one record at a time, in offset order; it must be thread-safe when several partitions share it. A record it
/// refuses, or throws on, goes to <see cref="KafkaStreamOptions.DeadLetterTopic"/> (reason <c>rejected</c> or
/// <c>decoder_threw</c>, with the exception's message) and the partition moves on.
/// </summary>
public interface IKafkaRecordDecoder
{
    /// <summary>Decodes <paramref name="record"/>.</summary>
    KafkaDecodeResult Decode(in KafkaRecord record);
}
