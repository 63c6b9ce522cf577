using System.Text.Json.Serialization;

namespace SupplyGrid.Grains.Events;

/// <summary>A booking, i.e. demand at its pickup point (<see cref="Topics.BookingCreated"/>, key booking_id).</summary>
public sealed record BookingCreated : ITopicRecord
{
    [JsonRequired]
    public string EventId { get; set; } = "";

    /// <summary>When the booking was created.</summary>
    [JsonRequired]
    public DateTimeOffset Ts { get; set; }

    [JsonRequired]
    public string BookingId { get; set; } = "";

    [JsonRequired]
    public BookingType BookingType { get; set; }

    [JsonRequired]
    public double PickupLat { get; set; }

    [JsonRequired]
    public double PickupLng { get; set; }

    /// <summary>Absent when the passenger gave no destination; given together with <see cref="DropoffLng"/>.</summary>
    public double? DropoffLat { get; set; }

    public double? DropoffLng { get; set; }

    [JsonRequired]
    public decimal EstimatedFare { get; set; }

    /// <summary>ISO 4217 code of <see cref="EstimatedFare"/>.</summary>
    [JsonRequired]
    public string Currency { get; set; } = "";

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
