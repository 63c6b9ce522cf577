using Orleans;
using System.Text.Json.Serialization;

namespace SupplyGrid.Grains.Events;

[JsonConverter(typeof(SnakeCaseEnumConverter<DispatchJobStatus>))]
[GenerateSerializer, Alias("supplygrid.DispatchJobStatus")]
public enum DispatchJobStatus
{
    /// <summary>The booking was given to the driver: the driver is no longer idle supply.</summary>
    Assigned,

    /// <summary>The assignment was withdrawn before the trip started: the driver is free again.</summary>
    Cancelled,
}
