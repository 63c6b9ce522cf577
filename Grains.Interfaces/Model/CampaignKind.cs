using Orleans;
namespace SupplyGrid.Grains;

[GenerateSerializer, Alias("supplygrid.CampaignKind")]
public enum CampaignKind
{
    /// <summary>A budget that funds reposition offers (the city's pool, or a pool for some cells).</summary>
    RepositionPool,

    /// <summary>A reward for completing N trips that start or end in the target cells within the window.</summary>
    Quest,

    /// <summary>An event at a venue: drivers are moved in before it, the area's targets and surge rise during it.</summary>
    Event,
}
