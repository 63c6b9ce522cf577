namespace SupplyGrid.Grains.Events;

/// <summary>A booking assigned to a driver, or that assignment withdrawn (<see cref="Topics.DispatchJob"/>, key driver_id).</summary>
public sealed record DispatchJob : ITopicRecord
{
    public required string EventId { get; init; }

    public required DateTimeOffset Ts { get; init; }

    public required string JobId { get; init; }

    public required string BookingId { get; init; }

    public required string DriverId { get; init; }

    public required string VehicleId { get; init; }

    public required DispatchJobStatus Status { get; init; }

    public required double PickupLat { get; init; }

    public required double PickupLng { get; init; }

    public string? Validate(DateTimeOffset now, EventValidationOptions options) =>
        FieldRules.Id(EventId, "event_id")
        ?? FieldRules.EventTime(Ts, "ts", now, options)
        ?? FieldRules.Id(JobId, "job_id")
        ?? FieldRules.Id(BookingId, "booking_id")
        ?? FieldRules.Id(DriverId, "driver_id")
        ?? FieldRules.Id(VehicleId, "vehicle_id")
        ?? FieldRules.Known(Status, "status")
        ?? FieldRules.Latitude(PickupLat, "pickup_lat")
        ?? FieldRules.Longitude(PickupLng, "pickup_lng");
}
