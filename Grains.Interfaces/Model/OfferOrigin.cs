using Orleans;
namespace SupplyGrid.Grains;

/// <summary>Who asked for an offer.</summary>
[GenerateSerializer, Alias("supplygrid.OfferOrigin")]
public enum OfferOrigin
{
    /// <summary>A deficit cell's reposition plan.</summary>
    Cell,

    /// <summary>An operator through the API (send-reposition, send-incentive).</summary>
    Operator,
}
