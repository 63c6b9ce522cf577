using Orleans;
using System.Text.Json.Serialization;

namespace SupplyGrid.Grains.Events;

/// <summary>A completed trip (<see cref="Topics.UploadTrip"/>, key driver_id).</summary>
[GenerateSerializer, Alias("supplygrid.UploadTrip"), Immutable]
public sealed record UploadTrip : ITopicRecord
{
    [JsonRequired]
    [Id(0)]
    public string EventId { get; set; } = "";

    /// <summary>When the trip was uploaded: at or after <see cref="EndedAt"/>, give or take clock skew.</summary>
    [JsonRequired]
    [Id(1)]
    public DateTimeOffset Ts { get; set; }

    [JsonRequired]
    [Id(2)]
    public string TripId { get; set; } = "";

    /// <summary>Absent for a street hail.</summary>
    [Id(3)]
    public string? BookingId { get; set; }

    [JsonRequired]
    [Id(4)]
    public string DriverId { get; set; } = "";

    [JsonRequired]
    [Id(5)]
    public string VehicleId { get; set; } = "";

    [JsonRequired]
    [Id(6)]
    public double PickupLat { get; set; }

    [JsonRequired]
    [Id(7)]
    public double PickupLng { get; set; }

    [JsonRequired]
    [Id(8)]
    public double DropoffLat { get; set; }

    [JsonRequired]
    [Id(9)]
    public double DropoffLng { get; set; }

    /// <summary>Passenger on board.</summary>
    [JsonRequired]
    [Id(10)]
    public DateTimeOffset StartedAt { get; set; }

    /// <summary>Passenger dropped off.</summary>
    [JsonRequired]
    [Id(11)]
    public DateTimeOffset EndedAt { get; set; }

    [JsonRequired]
    [Id(12)]
    public double DistanceKm { get; set; }

    /// <summary>What the passenger paid.</summary>
    [JsonRequired]
    [Id(13)]
    public decimal Fare { get; set; }

    /// <summary>The driver's share of the fare, in the same currency.</summary>
    [JsonRequired]
    [Id(14)]
    public decimal DriverEarnings { get; set; }

    /// <summary>ISO 4217 code of <see cref="Fare"/> and <see cref="DriverEarnings"/>.</summary>
    [JsonRequired]
    [Id(15)]
    public string Currency { get; set; } = "";

    /// <summary>From pickup to dropoff; not sent on the wire, where it would only be able to disagree with the two times.</summary>
    [JsonIgnore]
    public TimeSpan Duration => EndedAt - StartedAt;

    public string? Validate(DateTimeOffset now, EventValidationOptions options) =>
        FieldRules.Id(EventId, "event_id")
        ?? FieldRules.EventTime(Ts, "ts", now, options)
        ?? FieldRules.Id(TripId, "trip_id")
        ?? FieldRules.OptionalId(BookingId, "booking_id")
        ?? FieldRules.Id(DriverId, "driver_id")
        ?? FieldRules.Id(VehicleId, "vehicle_id")
        ?? FieldRules.Latitude(PickupLat, "pickup_lat")
        ?? FieldRules.Longitude(PickupLng, "pickup_lng")
        ?? FieldRules.Latitude(DropoffLat, "dropoff_lat")
        ?? FieldRules.Longitude(DropoffLng, "dropoff_lng")
        ?? FieldRules.After(EndedAt, StartedAt, "ended_at", "started_at")
        ?? TripNotTooLong(options)
        ?? EndedBeforeUpload(options)
        ?? FieldRules.NonNegative(DistanceKm, "distance_km")
        ?? FieldRules.NonNegative(Fare, "fare")
        ?? FieldRules.NonNegative(DriverEarnings, "driver_earnings")
        ?? FieldRules.Currency(Currency, "currency");

    private string? EndedBeforeUpload(EventValidationOptions options) =>
        EndedAt > Ts + options.MaxClockSkew
            ? $"ended_at {FieldRules.Time(EndedAt)} is more than {FieldRules.Span(options.MaxClockSkew)} after the upload time ts {FieldRules.Time(Ts)}"
            : null;

    private string? TripNotTooLong(EventValidationOptions options) =>
        Duration > options.MaxTripDuration
            ? $"ended_at is {FieldRules.Span(Duration)} after started_at, more than the longest trip ({FieldRules.Span(options.MaxTripDuration)})"
            : null;
}
