using Orleans;
using System.Text.Json.Serialization;

namespace SupplyGrid.Grains.Events;

[JsonConverter(typeof(SnakeCaseEnumConverter<BookingType>))]
[GenerateSerializer, Alias("supplygrid.BookingType")]
public enum BookingType
{
    /// <summary>Pickup as soon as possible.</summary>
    Immediate,

    /// <summary>Booked ahead for a later pickup.</summary>
    Advance,
}
