namespace SupplyGrid.Grains.Cities;

/// <summary>
/// What a city persists: the campaign index and the offer counters. Cell snapshots are not persisted: every active cell
/// sends a new one within a tick.
/// </summary>
public sealed class CityState
{
    public Dictionary<string, CampaignSummary> Campaigns { get; set; } = new(StringComparer.Ordinal);

    public OfferCounts Offers { get; set; }

    public long Replies { get; set; }

    public double ResponseSecondsTotal { get; set; }
}
