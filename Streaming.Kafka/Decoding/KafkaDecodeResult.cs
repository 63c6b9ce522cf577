namespace SupplyGrid.Streaming.Kafka;

/// <summary>What <see cref="IKafkaRecordDecoder"/> made of a record: the event to deliver, or why there is none.</summary>
public readonly struct KafkaDecodeResult
{
    private KafkaDecodeResult(object? value, string? failureReason)
    {
        Event = value;
        FailureReason = failureReason;
    }

    /// <summary>The event to deliver (set when <see cref="IsSuccess"/>).</summary>
    public object? Event { get; }

    /// <summary>Why the record cannot be delivered (set when not <see cref="IsSuccess"/>).</summary>
    public string? FailureReason { get; }

    /// <summary>True when the record decoded into <see cref="Event"/>.</summary>
    public bool IsSuccess => FailureReason is null && Event is not null;

    /// <summary>
    /// The record becomes <paramref name="value"/>. It travels to subscriber grains as an Orleans message, so its type
    /// must be serializable by Orleans (e.g. <c>[GenerateSerializer]</c>). Subscribers receive it from streams typed as
    /// its type or a base type.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static KafkaDecodeResult Success(object value) => new(value ?? throw new ArgumentNullException(nameof(value)), null);

    /// <summary>The record cannot be delivered, because of <paramref name="reason"/>: it goes to the dead-letter topic with the reason in a header.</summary>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is empty.</exception>
    public static KafkaDecodeResult Failure(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new KafkaDecodeResult(null, reason);
    }
}
