namespace SupplyGrid.Grains.Events;

/// <summary>A booking, i.e. demand at its pickup point (<see cref="Topics.BookingCreated"/>, key booking_id).</summary>
public sealed record BookingCreated : ITopicRecord
{
    public required string EventId { get; init; }

    /// <summary>When the booking was created.</summary>
    public required DateTimeOffset Ts { get; init; }

    public required string BookingId { get; init; }

    public required BookingType BookingType { get; init; }

    public required double PickupLat { get; init; }

    public required double PickupLng { get; init; }

    /// <summary>Absent when the passenger gave no destination; given together with <see cref="DropoffLng"/>.</summary>
    public double? DropoffLat { get; init; }

    public double? DropoffLng { get; init; }

    public required decimal EstimatedFare { get; init; }

    /// <summary>ISO 4217 code of <see cref="EstimatedFare"/>.</summary>
    public required string Currency { get; init; }

    public string? Validate(DateTimeOffset now, EventValidationOptions options) =>
        FieldRules.Id(EventId, "event_id")
        ?? FieldRules.EventTime(Ts, "ts", now, options)
        ?? FieldRules.Id(BookingId, "booking_id")
        ?? FieldRules.Known(BookingType, "booking_type")
        ?? FieldRules.Latitude(PickupLat, "pickup_lat")
        ?? FieldRules.Longitude(PickupLng, "pickup_lng")
        ?? FieldRules.OptionalPoint(DropoffLat, DropoffLng, "dropoff_lat", "dropoff_lng")
        ?? FieldRules.NonNegative(EstimatedFare, "estimated_fare")
        ?? FieldRules.Currency(Currency, "currency");
}
