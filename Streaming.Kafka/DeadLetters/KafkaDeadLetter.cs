using System.Globalization;
using System.Text;
using Confluent.Kafka;

namespace SupplyGrid.Streaming.Kafka;

/// <summary>A record that goes to the dead-letter topic: the original key, value and headers, where it was read, and why.</summary>
/// <param name="SourceTopic">The topic the record was read from.</param>
/// <param name="SourcePartition">Its partition.</param>
/// <param name="SourceOffset">Its offset.</param>
/// <param name="ConsumerGroup">The provider's consumer group.</param>
/// <param name="Key">The original key (null or empty when it had none).</param>
/// <param name="Value">The original value (null for a tombstone).</param>
/// <param name="Headers">The original headers, in order.</param>
/// <param name="Category">One of <see cref="KafkaDeadLetterReasons"/>.</param>
/// <param name="Reason">The full reason, for people.</param>
/// <param name="ExceptionType">The decoder's exception type, when it threw.</param>
internal sealed record KafkaDeadLetter(
    string SourceTopic,
    int SourcePartition,
    long SourceOffset,
    string ConsumerGroup,
    byte[]? Key,
    byte[]? Value,
    IReadOnlyList<IHeader> Headers,
    string Category,
    string Reason,
    string? ExceptionType)
{
    /// <summary>The record to produce: original key, value and headers, then <see cref="KafkaDeadLetterHeaders"/>.</summary>
    public Message<byte[]?, byte[]?> ToMessage()
    {
        var headers = new Headers();
        foreach (var header in Headers)
            headers.Add(header.Key, header.GetValueBytes());
        headers.Add(KafkaDeadLetterHeaders.Reason, Utf8(Reason.Length <= KafkaDeadLetterHeaders.MaxReasonLength ? Reason : Reason[..KafkaDeadLetterHeaders.MaxReasonLength]));
        headers.Add(KafkaDeadLetterHeaders.Category, Utf8(Category));
        if (ExceptionType is not null)
            headers.Add(KafkaDeadLetterHeaders.Exception, Utf8(ExceptionType));
        headers.Add(KafkaDeadLetterHeaders.Topic, Utf8(SourceTopic));
        headers.Add(KafkaDeadLetterHeaders.Partition, Utf8(SourcePartition.ToString(CultureInfo.InvariantCulture)));
        headers.Add(KafkaDeadLetterHeaders.Offset, Utf8(SourceOffset.ToString(CultureInfo.InvariantCulture)));
        headers.Add(KafkaDeadLetterHeaders.ConsumerGroup, Utf8(ConsumerGroup));
        return new Message<byte[]?, byte[]?> { Key = Key, Value = Value, Headers = headers };
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
