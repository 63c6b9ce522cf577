using Orleans;
using System.Text.Json.Serialization;

namespace SupplyGrid.Grains.Events;

/// <summary>A driver's duty status as the vehicle reports it with every GPS ping.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<DriverStatus>))]
[GenerateSerializer, Alias("supplygrid.DriverStatus")]
public enum DriverStatus
{
    /// <summary>Free and waiting for a job: counts as supply.</summary>
    Available,

    /// <summary>Assigned a job, on the way to the pickup.</summary>
    Busy,

    /// <summary>Carrying a passenger.</summary>
    OnTrip,

    Offline,

    Break,
}
