using System.Text.Json.Serialization;

namespace SupplyGrid.Grains.Events;

[JsonConverter(typeof(SnakeCaseEnumConverter<VehicleStatus>))]
public enum VehicleStatus
{
    InService,
    OutOfService,
    Fault,
}
