using System.Text;

namespace SupplyGrid.Streaming.Kafka.Tests;

/// <summary>The tests' record format: the value is a UTF-8 string; values starting with "reject" fail decoding.</summary>
internal static class TestRecords
{
    public const string RejectPrefix = "reject";

    public static IKafkaRecordDecoder Decoder { get; } = KafkaRecordDecoder.Create(record =>
    {
        if (record.Value is null)
            return KafkaDecodeResult.Failure("tombstone");
        var text = Encoding.UTF8.GetString(record.Value);
        return text.StartsWith(RejectPrefix, StringComparison.Ordinal)
            ? KafkaDecodeResult.Failure($"test decoder rejects '{text}'")
            : KafkaDecodeResult.Success(text);
    });

    /// <summary>A producer that partitions as Java's default and the mapper do.</summary>
    public static IProducer<string?, string> Producer(string bootstrapServers) =>
        new ProducerBuilder<string?, string>(new ProducerConfig
        {
            BootstrapServers = bootstrapServers,
            Partitioner = Partitioner.Murmur2Random,
            // One producer writes each key in order; idempotence keeps that order across retries.
            EnableIdempotence = true,
            LingerMs = 2,
        }).Build();
}
