using Orleans;
using System.Text.Json.Serialization;

namespace SupplyGrid.Grains.Events;

/// <summary>A vehicle's service status (<see cref="Topics.VehicleEvent"/>, key vehicle_id).</summary>
[GenerateSerializer, Alias("supplygrid.VehicleEvent"), Immutable]
public sealed record VehicleEvent : ITopicRecord
{
    [JsonRequired]
    [Id(0)]
    public string EventId { get; set; } = "";

    [JsonRequired]
    [Id(1)]
    public DateTimeOffset Ts { get; set; }

    [JsonRequired]
    [Id(2)]
    public string VehicleId { get; set; } = "";

    [JsonRequired]
    [Id(3)]
    public VehicleStatus Status { get; set; }

    /// <summary>The driver logged into the vehicle, when there is one.</summary>
    [Id(4)]
    public string? DriverId { get; set; }

    /// <summary>The fleet system's fault code, given only with status fault.</summary>
    [Id(5)]
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
