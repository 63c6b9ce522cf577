using Orleans;
using System.Text.Json.Serialization;

namespace SupplyGrid.Grains.Events;

/// <summary>The driver's answer to an MDT message (<see cref="Topics.MessageReply"/>, key driver_id).</summary>
[GenerateSerializer, Alias("supplygrid.MessageReply"), Immutable]
public sealed record MessageReply : ITopicRecord
{
    public const int MaxReasonLength = 200;

    [JsonRequired]
    [Id(0)]
    public string EventId { get; set; } = "";

    /// <summary>When the driver pressed the button.</summary>
    [JsonRequired]
    [Id(1)]
    public DateTimeOffset Ts { get; set; }

    /// <summary>The message_id of the message answered.</summary>
    [JsonRequired]
    [Id(2)]
    public string MessageId { get; set; } = "";

    [JsonRequired]
    [Id(3)]
    public string DriverId { get; set; } = "";

    [JsonRequired]
    [Id(4)]
    public ReplyDecision Decision { get; set; }

    /// <summary>Why the driver declined, as the terminal offers it (e.g. "too_far"); optional.</summary>
    [Id(5)]
    public string? Reason { get; set; }

    public string? Validate(DateTimeOffset now, EventValidationOptions options) =>
        FieldRules.Id(EventId, "event_id")
        ?? FieldRules.EventTime(Ts, "ts", now, options)
        ?? FieldRules.Id(MessageId, "message_id")
        ?? FieldRules.Id(DriverId, "driver_id")
        ?? FieldRules.Known(Decision, "decision")
        ?? FieldRules.OptionalText(Reason, MaxReasonLength, "reason");
}
