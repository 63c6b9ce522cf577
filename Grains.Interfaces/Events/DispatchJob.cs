using Orleans;
using System.Text.Json.Serialization;

namespace SupplyGrid.Grains.Events;

/// <summary>A booking assigned to a driver, or that assignment withdrawn (<see cref="Topics.DispatchJob"/>, key driver_id).</summary>
[GenerateSerializer, Alias("supplygrid.DispatchJob"), Immutable]
public sealed record DispatchJob : ITopicRecord
{
    [JsonRequired]
    [Id(0)]
    public string EventId { get; set; } = "";

    [JsonRequired]
    [Id(1)]
    public DateTimeOffset Ts { get; set; }

    [JsonRequired]
    [Id(2)]
    public string JobId { get; set; } = "";

    [JsonRequired]
    [Id(3)]
    public string BookingId { get; set; } = "";

    [JsonRequired]
    [Id(4)]
    public string DriverId { get; set; } = "";

    [JsonRequired]
    [Id(5)]
    public string VehicleId { get; set; } = "";

    [JsonRequired]
    [Id(6)]
    public DispatchJobStatus Status { get; set; }

    [JsonRequired]
    [Id(7)]
    public double PickupLat { get; set; }

    [JsonRequired]
    [Id(8)]
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
