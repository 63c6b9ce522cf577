namespace SupplyGrid.Streaming.Kafka;

/// <summary>
/// Turns a Kafka record into the event its stream delivers, or says why it cannot. Called on the partition's pulling
/// agent, one record at a time, in offset order; it must be thread-safe when several partitions share it. A decoder
/// that throws is treated as having returned a failure carrying the exception's message.
/// </summary>
public interface IKafkaRecordDecoder
{
    /// <summary>Decodes <paramref name="record"/>.</summary>
    KafkaDecodeResult Decode(in KafkaRecord record);
}
