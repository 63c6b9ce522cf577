using Orleans;
using System.Text.Json.Serialization;
using SupplyGrid.Grains.Events;

namespace SupplyGrid.Grains.Messaging;

[JsonConverter(typeof(SnakeCaseEnumConverter<MdtMessageType>))]
[GenerateSerializer, Alias("supplygrid.MdtMessageType")]
public enum MdtMessageType
{
    /// <summary>Move to a cell that lacks drivers, for an amount; the driver replies accept or decline.</summary>
    RepositionOffer,

    /// <summary>An incentive (a quest, an event campaign) at a place; the driver replies accept or decline.</summary>
    IncentiveOffer,

    /// <summary>The driver accepted: drive to the cell before the deadline to earn the amount.</summary>
    OfferConfirmed,

    /// <summary>The offer closed without an accept in time, or the driver did not arrive in time.</summary>
    OfferExpired,

    /// <summary>The amount was credited.</summary>
    IncentivePaid,

    /// <summary>Free text to the driver, no reply expected.</summary>
    Broadcast,
}
