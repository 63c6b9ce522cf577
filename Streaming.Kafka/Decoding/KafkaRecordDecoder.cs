namespace SupplyGrid.Streaming.Kafka;

/// <summary>Builds <see cref="IKafkaRecordDecoder"/>s from delegates.</summary>
public static class KafkaRecordDecoder
{
    /// <summary>A decoder that calls <paramref name="decode"/>.</summary>
    public static IKafkaRecordDecoder Create(Func<KafkaRecord, KafkaDecodeResult> decode)
    {
        ArgumentNullException.ThrowIfNull(decode);
        return new DelegateDecoder(decode);
    }

    private sealed class DelegateDecoder(Func<KafkaRecord, KafkaDecodeResult> decode) : IKafkaRecordDecoder
    {
        public KafkaDecodeResult Decode(in KafkaRecord record) => decode(record);
    }
}
