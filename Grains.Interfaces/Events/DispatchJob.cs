using System.Text.Json.Serialization;

namespace SupplyGrid.Grains.Events;

/// <summary>A booking assigned to a driver, or that assignment withdrawn (<see cref="Topics.DispatchJob"/>, key driver_id).</summary>
public sealed record DispatchJob : ITopicRecord
{
    [JsonRequired]
    public string EventId { get; set; } = "";

    [JsonRequired]
    public DateTimeOffset Ts { get; set; }

    [JsonRequired]
    public string JobId { get; set; } = "";

    [JsonRequired]
    public string BookingId { get; set; } = "";

    [JsonRequired]
    public string DriverId { get; set; } = "";

    [JsonRequired]
    public string VehicleId { get; set; } = "";

    [JsonRequired]
    public DispatchJobStatus Status { get; set; }

    [JsonRequired]
    public double PickupLat { get; set; }

    [JsonRequired]
    public double PickupLng { get; set; }

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
