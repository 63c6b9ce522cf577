using System.Text;

namespace SupplyGrid.Streaming.Kafka.Tests;

/// <summary>
/// The tests' record format: the value is a UTF-8 string; values starting with "reject" fail decoding, values
/// starting with "throw" make the decoder throw, and "to:KEY|text" goes to another stream.
/// </summary>
internal static class TestRecords
{
    public const string RejectPrefix = "reject";
    public const string ThrowPrefix = "throw";

    /// <summary>Values starting with "fail" decode, but the recording grains throw on them every time.</summary>
    public const string FailPrefix = "fail";

    /// <summary>Values starting with "ignore" are valid but go to no stream.</summary>
    public const string IgnorePrefix = "ignore";

    /// <summary>"to:KEY|text" delivers "text" on the stream keyed KEY, whatever the record's key.</summary>
    public const string RedirectPrefix = "to:";

    public static IKafkaRecordDecoder Decoder { get; } = KafkaRecordDecoder.Create(record =>
    {
        if (record.Value is null)
            return KafkaDecodeResult.Failure("tombstone");
        var text = Encoding.UTF8.GetString(record.Value);
        if (text.StartsWith(ThrowPrefix, StringComparison.Ordinal))
            throw new InvalidOperationException($"test decoder throws on '{text}'");
        if (text.StartsWith(IgnorePrefix, StringComparison.Ordinal))
            return KafkaDecodeResult.Ignore($"test decoder ignores '{text}'");
        if (text.StartsWith(RedirectPrefix, StringComparison.Ordinal) && text.IndexOf('|', StringComparison.Ordinal) is > 3 and var bar)
            return KafkaDecodeResult.SuccessOnStream(text[(bar + 1)..], text[RedirectPrefix.Length..bar]);
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

    /// <summary>Produces <paramref name="records"/> in order and returns where each landed, once all are acknowledged.</summary>
    public static async Task<IReadOnlyList<DeliveryResult<string?, string>>> ProduceAsync(
        string bootstrapServers, string topic, IEnumerable<Message<string?, string>> records)
    {
        using var producer = Producer(bootstrapServers);
        var deliveries = new List<Task<DeliveryResult<string?, string>>>();
        // ProduceAsync queues in call order; awaiting all at once keeps them in one batch per partition.
        foreach (var record in records)
            deliveries.Add(producer.ProduceAsync(topic, record));
        return await Task.WhenAll(deliveries);
    }

    /// <summary>A header list (name, UTF-8 value).</summary>
    public static Headers Headers(params (string Name, string Value)[] headers)
    {
        var list = new Headers();
        foreach (var (name, value) in headers)
            list.Add(name, Encoding.UTF8.GetBytes(value));
        return list;
    }

    /// <summary>A header's UTF-8 value; the last one of <paramref name="name"/>.</summary>
    public static string? Header(Headers? headers, string name) =>
        headers is not null && headers.TryGetLastBytes(name, out var bytes) ? Encoding.UTF8.GetString(bytes) : null;
}
