using Orleans;
using SupplyGrid.Geo;

namespace SupplyGrid.Grains;

/// <summary>A city's supply and demand by cell (GET /api/heatmap/{city}).</summary>
/// <param name="CityId">The city.</param>
/// <param name="UpdatedAt">The newest cell update included.</param>
/// <param name="Drivers">Available drivers over all cells.</param>
/// <param name="ExpectedDemand">Expected demand over all cells.</param>
/// <param name="OverallRatio">Drivers over expected demand, city-wide (1 when the city is quiet).</param>
/// <param name="OverallStatus">The band of the overall ratio.</param>
/// <param name="Zones">Every active cell.</param>
[GenerateSerializer, Alias("supplygrid.Heatmap"), Immutable]
public sealed record Heatmap(
    string CityId,
    DateTimeOffset UpdatedAt,
    int Drivers,
    double ExpectedDemand,
    double OverallRatio,
    SupplyStatus OverallStatus,
    IReadOnlyList<HeatmapZone> Zones);

/// <summary>One cell of the heatmap.</summary>
/// <param name="H3">H3 index, lowercase hex.</param>
/// <param name="Centre">The cell's centre.</param>
/// <param name="Supply">Smoothed supply (the basis of <paramref name="Ratio"/>).</param>
/// <param name="Demand">Smoothed demand.</param>
/// <param name="Drivers">The cell's own available drivers.</param>
/// <param name="ExpectedDemand">The cell's own expected demand.</param>
/// <param name="Ratio">Smoothed supply over smoothed demand.</param>
/// <param name="Status">The ratio's band.</param>
/// <param name="Surge">The published surge multiplier.</param>
/// <param name="UpdatedAt">When the cell last recomputed.</param>
[GenerateSerializer, Alias("supplygrid.HeatmapZone"), Immutable]
public readonly record struct HeatmapZone(
    string H3,
    LatLng Centre,
    double Supply,
    double Demand,
    int Drivers,
    double ExpectedDemand,
    double Ratio,
    SupplyStatus Status,
    double Surge,
    DateTimeOffset UpdatedAt)
{
    public static HeatmapZone From(CellSnapshot s) =>
        new(s.Cell, s.Centre, s.Supply, s.Demand, s.Drivers, s.ExpectedDemand, s.Ratio, s.Status, s.Surge, s.At);
}
