using System.Text.Json.Serialization;

namespace SupplyGrid.Grains.Events;

/// <summary>A vehicle's service status (<see cref="Topics.VehicleEvent"/>, key vehicle_id).</summary>
public sealed record VehicleEvent : ITopicRecord
{
    [JsonRequired]
    public string EventId { get; set; } = "";

    [JsonRequired]
    public DateTimeOffset Ts { get; set; }

    [JsonRequired]
    public string VehicleId { get; set; } = "";

    [JsonRequired]
    public VehicleStatus Status { get; set; }

    /// <summary>The driver logged into the vehicle, when there is one.</summary>
    public string? DriverId { get; set; }

    /// <summary>The fleet system's fault code, given only with status fault.</summary>
    public string? FaultCode { get; set; }

    public string? Validate(DateTimeOffset now, EventValidationOptions options) =>
        FieldRules.Id(EventId, "event_id")
        ?? FieldRules.EventTime(Ts, "ts", now, options)
        ?? FieldRules.Id(VehicleId, "vehicle_id")
        ?? FieldRules.Known(Status, "status")
        ?? FieldRules.OptionalId(DriverId, "driver_id")
        ?? FieldRules.OptionalId(FaultCode, "fault_code")
        ?? (FaultCode is not null && Status != VehicleStatus.Fault ? "fault_code is allowed only with status fault" : null);
}
