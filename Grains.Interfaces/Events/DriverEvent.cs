using Orleans;
using System.Text.Json.Serialization;

namespace SupplyGrid.Grains.Events;

/// <summary>A GPS ping with the driver's status (<see cref="Topics.DriverEvent"/>, key driver_id, every 3 to 5 s).</summary>
[GenerateSerializer, Alias("supplygrid.DriverEvent"), Immutable]
public sealed record DriverEvent : ITopicRecord
{
    [JsonRequired]
    [Id(0)]
    public string EventId { get; set; } = "";

    /// <summary>When the position was measured.</summary>
    [JsonRequired]
    [Id(1)]
    public DateTimeOffset Ts { get; set; }

    [JsonRequired]
    [Id(2)]
    public string DriverId { get; set; } = "";

    /// <summary>The vehicle the driver is logged into; may be absent only while offline or on a break.</summary>
    [Id(3)]
    public string? VehicleId { get; set; }

    [JsonRequired]
    [Id(4)]
    public double Lat { get; set; }

    [JsonRequired]
    [Id(5)]
    public double Lng { get; set; }

    /// <summary>Ground speed in km/h.</summary>
    [JsonRequired]
    [Id(6)]
    public double SpeedKmh { get; set; }

    /// <summary>Course over ground in degrees clockwise from north, [0, 360); absent when the vehicle stands still.</summary>
    [Id(7)]
    public double? HeadingDeg { get; set; }

    [JsonRequired]
    [Id(8)]
    public DriverStatus Status { get; set; }

    public string? Validate(DateTimeOffset now, EventValidationOptions options) =>
        FieldRules.Id(EventId, "event_id")
        ?? FieldRules.EventTime(Ts, "ts", now, options)
        ?? FieldRules.Id(DriverId, "driver_id")
        ?? FieldRules.OptionalId(VehicleId, "vehicle_id")
        ?? FieldRules.Latitude(Lat, "lat")
        ?? FieldRules.Longitude(Lng, "lng")
        ?? FieldRules.NonNegative(SpeedKmh, "speed_kmh")
        ?? (HeadingDeg is { } heading ? FieldRules.Heading(heading, "heading_deg") : null)
        ?? FieldRules.Known(Status, "status")
        ?? VehicleRequiredWhileWorking();

    // A driver who can take or is doing a job is in a vehicle; MDT messages are addressed to it.
    private string? VehicleRequiredWhileWorking() =>
        VehicleId is null && Status is DriverStatus.Available or DriverStatus.Busy or DriverStatus.OnTrip
            ? $"vehicle_id is required while status is {SnakeCaseEnumConverter<DriverStatus>.WireName(Status)}"
            : null;
}
