namespace SupplyGrid.Grains.Events;

/// <summary>The driver's answer to an MDT message (<see cref="Topics.MessageReply"/>, key driver_id).</summary>
public sealed record MessageReply : ITopicRecord
{
    public const int MaxReasonLength = 200;

    public required string EventId { get; init; }

    /// <summary>When the driver pressed the button.</summary>
    public required DateTimeOffset Ts { get; init; }

    /// <summary>The message_id of the message answered.</summary>
    public required string MessageId { get; init; }

    public required string DriverId { get; init; }

    public required ReplyDecision Decision { get; init; }

    /// <summary>Why the driver declined, as the terminal offers it (e.g. "too_far"); optional.</summary>
    public string? Reason { get; init; }

    public string? Validate(DateTimeOffset now, EventValidationOptions options) =>
        FieldRules.Id(EventId, "event_id")
        ?? FieldRules.EventTime(Ts, "ts", now, options)
        ?? FieldRules.Id(MessageId, "message_id")
        ?? FieldRules.Id(DriverId, "driver_id")
        ?? FieldRules.Known(Decision, "decision")
        ?? FieldRules.OptionalText(Reason, MaxReasonLength, "reason");
}
