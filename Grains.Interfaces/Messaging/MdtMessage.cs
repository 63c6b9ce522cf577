using Orleans;
using SupplyGrid.Grains.Events;

namespace SupplyGrid.Grains.Messaging;

/// <summary>
/// A message to a driver's in-vehicle terminal (<see cref="Topics.MessageSend"/>, key driver_id). The same offer
/// event always yields the same <see cref="MessageId"/>, so a redelivered message is recognisable downstream.
/// </summary>
[GenerateSerializer, Alias("supplygrid.MdtMessage"), Immutable]
public sealed record MdtMessage : ITopicRecord
{
    [Id(0)]
    public required string MessageId { get; init; }

    /// <summary>The offer this message is about; absent for a broadcast.</summary>
    [Id(1)]
    public string? OfferId { get; init; }

    [Id(2)]
    public required string DriverId { get; init; }

    [Id(3)]
    public required string VehicleId { get; init; }

    [Id(4)]
    public required MdtMessageType Type { get; init; }

    /// <summary>What the terminal shows: at most 4 lines of at most 32 characters, separated by "\n" (see <see cref="MdtTextRules"/>).</summary>
    [Id(5)]
    public required string Text { get; init; }

    /// <summary>Required for offers, confirmations and payments; see <see cref="MdtPayload"/>.</summary>
    [Id(6)]
    public MdtPayload? Payload { get; init; }

    /// <summary>When the grid created the message.</summary>
    [Id(7)]
    public required DateTimeOffset Ts { get; init; }

    /// <summary>When the terminal should stop showing it; after <see cref="Ts"/>, and not before the payload's deadline.</summary>
    [Id(8)]
    public required DateTimeOffset ExpiresAt { get; init; }

    public string? Validate(DateTimeOffset now, EventValidationOptions options) =>
        FieldRules.Id(MessageId, "message_id")
        ?? FieldRules.OptionalId(OfferId, "offer_id")
        ?? FieldRules.Id(DriverId, "driver_id")
        ?? FieldRules.Id(VehicleId, "vehicle_id")
        ?? FieldRules.Known(Type, "type")
        ?? MdtTextRules.Problem(Text, "text")
        ?? FieldRules.EventTime(Ts, "ts", now, options)
        ?? FieldRules.After(ExpiresAt, Ts, "expires_at", "ts")
        ?? PayloadProblem();

    private string? PayloadProblem()
    {
        if (Payload is null)
        {
            return Type is MdtMessageType.Broadcast or MdtMessageType.OfferExpired
                ? null
                : $"payload is required for {SnakeCaseEnumConverter<MdtMessageType>.WireName(Type)}";
        }
        return Payload.Validate(Type)
            ?? (Payload.Deadline > ExpiresAt
                ? $"payload.deadline {FieldRules.Time(Payload.Deadline.Value)} must not be after expires_at {FieldRules.Time(ExpiresAt)}"
                : null);
    }
}
