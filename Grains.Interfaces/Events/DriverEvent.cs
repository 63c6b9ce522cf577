namespace SupplyGrid.Grains.Events;

/// <summary>A GPS ping with the driver's status (<see cref="Topics.DriverEvent"/>, key driver_id, every 3 to 5 s).</summary>
public sealed record DriverEvent : ITopicRecord
{
    public required string EventId { get; init; }

    /// <summary>When the position was measured.</summary>
    public required DateTimeOffset Ts { get; init; }

    public required string DriverId { get; init; }

    /// <summary>The vehicle the driver is logged into; may be absent only while offline or on a break.</summary>
    public string? VehicleId { get; init; }

    public required double Lat { get; init; }

    public required double Lng { get; init; }

    /// <summary>Ground speed in km/h.</summary>
    public required double SpeedKmh { get; init; }

    /// <summary>Course over ground in degrees clockwise from north, [0, 360); absent when the vehicle stands still.</summary>
    public double? HeadingDeg { get; init; }

    public required DriverStatus Status { get; init; }

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
