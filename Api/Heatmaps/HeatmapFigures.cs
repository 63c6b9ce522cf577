using SupplyGrid.Geo;
using SupplyGrid.Grains;
using SupplyGrid.Grains.Ports;

namespace SupplyGrid.Api.Heatmaps;

/// <summary>
/// Rounds heatmap figures to what a map can show (supply and demand to 3 decimals, ratio 3, surge 2, centres 6, about
/// 10 cm): a city's heatmap is a few thousand zones, and the digits beyond these are a third of its size.
/// </summary>
internal static class HeatmapFigures
{
    public static Heatmap Rounded(Heatmap heatmap)
    {
        var zones = new HeatmapZone[heatmap.Zones.Count];
        for (var i = 0; i < zones.Length; i++)
            zones[i] = Rounded(heatmap.Zones[i]);
        return heatmap with
        {
            ExpectedDemand = Round(heatmap.ExpectedDemand, 3),
            OverallRatio = Round(heatmap.OverallRatio, 3),
            Zones = zones,
        };
    }

    public static CityChange Rounded(CityChange change)
    {
        var zones = new HeatmapZone[change.Zones.Count];
        for (var i = 0; i < zones.Length; i++)
            zones[i] = Rounded(change.Zones[i]);
        return change with { Zones = zones };
    }

    public static HeatmapZone Rounded(HeatmapZone zone) => zone with
    {
        Centre = new LatLng(Round(zone.Centre.Lat, 6), Round(zone.Centre.Lng, 6)),
        Supply = Round(zone.Supply, 3),
        Demand = Round(zone.Demand, 3),
        ExpectedDemand = Round(zone.ExpectedDemand, 3),
        Ratio = Round(zone.Ratio, 3),
        Surge = Round(zone.Surge, 2),
    };

    private static double Round(double value, int digits) => double.IsFinite(value) ? Math.Round(value, digits, MidpointRounding.AwayFromZero) : value;
}
