namespace SupplyGrid.Streaming.Kafka;

/// <summary>
/// The headers the provider adds to a record it writes to <see cref="KafkaStreamOptions.DeadLetterTopic"/>. The dead
/// letter keeps the original key, value and headers; these follow the original headers, so when a record that was
/// dead-lettered before is dead-lettered again, the last header of each name is the newest. Values are UTF-8 text.
/// </summary>
public static class KafkaDeadLetterHeaders
{
    /// <summary>What every header name the provider adds starts with.</summary>
    public const string Prefix = "dlq.";

    /// <summary>Why the record could not be delivered: the decoder's failure reason, the exception's message, or that it had no key (at most <see cref="MaxReasonLength"/> characters).</summary>
    public const string Reason = Prefix + "reason";

    /// <summary>The reason's category, one of <see cref="KafkaDeadLetterReasons"/> (also the metrics' <c>reason</c> tag).</summary>
    public const string Category = Prefix + "category";

    /// <summary>The full name of the exception the decoder threw; only on <see cref="KafkaDeadLetterReasons.DecoderThrew"/> letters.</summary>
    public const string Exception = Prefix + "exception";

    /// <summary>The topic the record was read from.</summary>
    public const string Topic = Prefix + "topic";

    /// <summary>The partition the record was read from (decimal).</summary>
    public const string Partition = Prefix + "partition";

    /// <summary>The record's offset in that partition (decimal).</summary>
    public const string Offset = Prefix + "offset";

    /// <summary>The consumer group of the provider that dead-lettered it.</summary>
    public const string ConsumerGroup = Prefix + "group";

    /// <summary><see cref="Reason"/> is cut to this many characters, so one bad record cannot make a huge header.</summary>
    public const int MaxReasonLength = 1000;
}

/// <summary>
/// The provider's categories of <see cref="KafkaDeadLetterHeaders.Category"/>, and of the <c>reason</c> tag of the dead-letter
/// metrics; a decoder may add its own (<see cref="KafkaDecodeResult.Failure(string, string)"/>).
/// </summary>
public static class KafkaDeadLetterReasons
{
    /// <summary>The record has no key (or an empty one), so it belongs to no stream.</summary>
    public const string NoKey = "no_key";

    /// <summary>The decoder returned <see cref="KafkaDecodeResult.Failure(string)"/> (with no category of its own).</summary>
    public const string Rejected = "rejected";

    /// <summary>The decoder threw.</summary>
    public const string DecoderThrew = "decoder_threw";

    /// <summary>
    /// A subscriber kept failing on the record for longer than <see cref="KafkaStreamOptions.DeliveryTimeLimit"/>, so
    /// Orleans gave up delivering it (the record is read again from Kafka to write its dead letter).
    /// </summary>
    public const string DeliveryFailed = "delivery_failed";

    /// <summary>Every category the provider itself gives (a decoder may add its own).</summary>
    public static IReadOnlyList<string> All { get; } = [NoKey, Rejected, DecoderThrew, DeliveryFailed];
}
