using SupplyGrid.Geo;
using Orleans;
using Orleans.Concurrency;

namespace SupplyGrid.Grains;

/// <summary>
/// One city (key: city id, e.g. "singapore"): the latest snapshot of every active cell, the heatmap, hotspots, KPIs,
/// the campaign index, and live change notifications for dashboards. Everything flows in one-way; the city never
/// awaits another grain, so any grain may await its queries.
/// </summary>
public interface ICityGrain : IGrainWithStringKey
{
    [OneWay]
    Task CellUpdated(CellSnapshot snapshot);

    /// <summary>The cell went idle and deactivated: drop it from the heatmap.</summary>
    [OneWay]
    Task CellRetired(string cell);

    [OneWay]
    Task OfferReported(OfferOutcomeReport report);

    [OneWay]
    Task CampaignChanged(CampaignSummary summary);

    /// <summary>A completed trip in the city: forwarded to the running quests.</summary>
    [OneWay]
    Task TripCompleted(QuestTrip trip);

    [ReadOnly]
    Task<CityInfo> GetInfo();

    /// <summary>GET /api/heatmap/{city}.</summary>
    [ReadOnly]
    Task<Heatmap> GetHeatmap();

    /// <summary>GET /api/hotspots/{city}: the <paramref name="top"/> worst deficit cells.</summary>
    [ReadOnly]
    Task<IReadOnlyList<Hotspot>> GetHotspots(int top);

    /// <summary>Deficit cells within <paramref name="radiusKm"/> of a point, nearest and worst first.</summary>
    [ReadOnly]
    Task<IReadOnlyList<Hotspot>> GetHotspotsNear(LatLng point, double radiusKm, int top);

    /// <summary>GET /api/metrics.</summary>
    [ReadOnly]
    Task<CityMetrics> GetMetrics();

    /// <summary>The city's campaigns, newest first.</summary>
    [ReadOnly]
    Task<IReadOnlyList<CampaignSummary>> ListCampaigns();

    /// <summary>Cells within <paramref name="radiusKm"/> of <paramref name="target"/> that can spare drivers, nearest first.</summary>
    [ReadOnly]
    Task<IReadOnlyList<H3Index>> FindDonorCells(H3Index target, double radiusKm, int max);
}
