using Orleans;
using System.Text.Json.Serialization;

namespace SupplyGrid.Grains.Events;

[JsonConverter(typeof(SnakeCaseEnumConverter<VehicleStatus>))]
[GenerateSerializer, Alias("supplygrid.VehicleStatus")]
public enum VehicleStatus
{
    InService,
    OutOfService,
    Fault,
}
