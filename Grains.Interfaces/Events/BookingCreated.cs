using Orleans;
using System.Text.Json.Serialization;

namespace SupplyGrid.Grains.Events;

/// <summary>A booking, i.e. demand at its pickup point (<see cref="Topics.BookingCreated"/>, key booking_id).</summary>
[GenerateSerializer, Alias("supplygrid.BookingCreated"), Immutable]
public sealed record BookingCreated : ITopicRecord
{
    [JsonRequired]
    [Id(0)]
    public string EventId { get; set; } = "";

    /// <summary>When the booking was created.</summary>
    [JsonRequired]
    [Id(1)]
    public DateTimeOffset Ts { get; set; }

    [JsonRequired]
    [Id(2)]
    public string BookingId { get; set; } = "";

    [JsonRequired]
    [Id(3)]
    public BookingType BookingType { get; set; }

    [JsonRequired]
    [Id(4)]
    public double PickupLat { get; set; }

    [JsonRequired]
    [Id(5)]
    public double PickupLng { get; set; }

    /// <summary>Absent when the passenger gave no destination; given together with <see cref="DropoffLng"/>.</summary>
    [Id(6)]
    public double? DropoffLat { get; set; }

    [Id(7)]
    public double? DropoffLng { get; set; }

    [JsonRequired]
    [Id(8)]
    public decimal EstimatedFare { get; set; }

    /// <summary>ISO 4217 code of <see cref="EstimatedFare"/>.</summary>
    [JsonRequired]
    [Id(9)]
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
