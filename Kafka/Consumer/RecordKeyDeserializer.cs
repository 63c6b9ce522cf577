using Confluent.Kafka;

namespace SupplyGrid.Kafka;

/// <summary>Decodes record keys straight from librdkafka's buffer; never throws, bad keys carry their rejection.</summary>
internal sealed class RecordKeyDeserializer(int maxKeyBytes) : IDeserializer<RecordKey>
{
    public RecordKey Deserialize(ReadOnlySpan<byte> data, bool isNull, SerializationContext context) =>
        RecordKey.Decode(data, isNull, maxKeyBytes);
}
