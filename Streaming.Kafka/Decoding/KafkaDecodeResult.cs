namespace SupplyGrid.Streaming.Kafka;

/// <summary>What <see cref="IKafkaRecordDecoder"/> made of a record: the event to deliver, or why there is none.</summary>
public readonly struct KafkaDecodeResult
{
    private KafkaDecodeResult(
        object? value, string? failureReason, string? streamKey = null, string? ignoredBecause = null, string? failureCategory = null)
    {
        Event = value;
        FailureReason = failureReason;
        FailureCategory = failureCategory;
        StreamKey = streamKey;
        IgnoredBecause = ignoredBecause;
    }

    /// <summary>The event to deliver (set when <see cref="IsSuccess"/>).</summary>
    public object? Event { get; }

    /// <summary>Why the record cannot be delivered (set when not <see cref="IsSuccess"/>).</summary>
    public string? FailureReason { get; }

    /// <summary>
    /// The dead letter's category (its <c>dlq.category</c> header and the <c>reason</c> tag of the dead-letter metrics)
    /// when not <see cref="IsSuccess"/>: <see cref="KafkaDeadLetterReasons.Rejected"/> unless the decoder named one.
    /// </summary>
    public string? FailureCategory { get; }

    /// <summary>The key of the stream the event goes to, when not the record's key (see <see cref="SuccessOnStream"/>).</summary>
    public string? StreamKey { get; }

    /// <summary>True when the record decoded into <see cref="Event"/>.</summary>
    public bool IsSuccess => FailureReason is null && Event is not null;

    /// <summary>Why a valid record goes to no stream (see <see cref="Ignore"/>); null otherwise.</summary>
    public string? IgnoredBecause { get; }

    /// <summary>True when the record is valid but no subscriber wants it (see <see cref="Ignore"/>).</summary>
    public bool IsIgnored => IgnoredBecause is not null;

    /// <summary>
    /// The record becomes <paramref name="value"/>. It travels to subscriber grains as an Orleans message, so its type
    /// must be serializable by Orleans (e.g. <c>[GenerateSerializer]</c>). Subscribers receive it from streams typed as
    /// its type or a base type.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static KafkaDecodeResult Success(object value) => new(value ?? throw new ArgumentNullException(nameof(value)), null);

    /// <summary>
    /// The record becomes <paramref name="value"/> on the stream keyed <paramref name="streamKey"/> (in the topic's
    /// namespace) rather than on the stream of the record's key: for records keyed by one thing and consumed by a grain
    /// of another (a booking keyed by its id, counted by the cell of its pickup). Such a stream can receive records
    /// from several partitions, so its events keep their order per partition only, and the queue mapper does not name
    /// its queue.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="streamKey"/> is empty.</exception>
    public static KafkaDecodeResult SuccessOnStream(object value, string streamKey)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentException.ThrowIfNullOrEmpty(streamKey);
        return new KafkaDecodeResult(value, null, streamKey);
    }

    /// <summary>
    /// The record is valid but goes to no stream, because of <paramref name="reason"/> (a booking outside every city the
    /// grid serves): it is counted (<c>records.ignored</c>) and committed past, not dead-lettered.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is empty.</exception>
    public static KafkaDecodeResult Ignore(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new KafkaDecodeResult(null, null, ignoredBecause: reason);
    }

    /// <summary>The record cannot be delivered, because of <paramref name="reason"/>: it goes to the dead-letter topic with the reason in a header.</summary>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is empty.</exception>
    public static KafkaDecodeResult Failure(string reason) => Failure(reason, KafkaDeadLetterReasons.Rejected);

    /// <summary>
    /// As <see cref="Failure(string)"/>, in the decoder's own <paramref name="category"/> (e.g. <c>malformed_json</c>)
    /// instead of <see cref="KafkaDeadLetterReasons.Rejected"/>, so that dashboards can count dead letters by cause.
    /// </summary>
    /// <param name="reason">Why, for people: the dead letter's <c>dlq.reason</c> header.</param>
    /// <param name="category">A short tag: 1 to 64 ASCII lowercase letters, digits or '_'. Keep the set small: it is a metric tag.</param>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is empty, or <paramref name="category"/> is not a short tag.</exception>
    public static KafkaDecodeResult Failure(string reason, string category)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (string.IsNullOrEmpty(category) || category.Length > 64 || !category.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
            throw new ArgumentException($"'{category}' is not a dead-letter category: use 1 to 64 ASCII lowercase letters, digits or '_'.", nameof(category));
        return new KafkaDecodeResult(null, reason, failureCategory: category);
    }
}
