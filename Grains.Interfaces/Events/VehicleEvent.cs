namespace SupplyGrid.Grains.Events;

/// <summary>A vehicle's service status (<see cref="Topics.VehicleEvent"/>, key vehicle_id).</summary>
public sealed record VehicleEvent : ITopicRecord
{
    public required string EventId { get; init; }

    public required DateTimeOffset Ts { get; init; }

    public required string VehicleId { get; init; }

    public required VehicleStatus Status { get; init; }

    /// <summary>The driver logged into the vehicle, when there is one.</summary>
    public string? DriverId { get; init; }

    /// <summary>The fleet system's fault code, given only with status fault.</summary>
    public string? FaultCode { get; init; }

    public string? Validate(DateTimeOffset now, EventValidationOptions options) =>
        FieldRules.Id(EventId, "event_id")
        ?? FieldRules.EventTime(Ts, "ts", now, options)
        ?? FieldRules.Id(VehicleId, "vehicle_id")
        ?? FieldRules.Known(Status, "status")
        ?? FieldRules.OptionalId(DriverId, "driver_id")
        ?? FieldRules.OptionalId(FaultCode, "fault_code")
        ?? (FaultCode is not null && Status != VehicleStatus.Fault ? "fault_code is allowed only with status fault" : null);
}
