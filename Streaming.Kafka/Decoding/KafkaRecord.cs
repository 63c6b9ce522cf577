using Confluent.Kafka;

namespace SupplyGrid.Streaming.Kafka;

/// <summary>A record as read from Kafka, handed to <see cref="IKafkaRecordDecoder"/>. The arrays are the consumer's own: read, do not keep.</summary>
/// <param name="Topic">The topic it was read from.</param>
/// <param name="Partition">The partition it was read from.</param>
/// <param name="Offset">Its offset in the partition.</param>
/// <param name="Key">The record key (never empty: keyless records go to the dead-letter topic before decoding, having no stream).</param>
/// <param name="Value">The record value; null for a tombstone.</param>
/// <param name="Headers">The record headers, in order (empty when it has none).</param>
/// <param name="Timestamp">The record's timestamp.</param>
public readonly record struct KafkaRecord(
    string Topic,
    int Partition,
    long Offset,
    byte[] Key,
    byte[]? Value,
    IReadOnlyList<IHeader> Headers,
    Timestamp Timestamp);
