using SupplyGrid.Grains;

namespace SupplyGrid.Api.History;

/// <summary>
/// The heatmap's past, minute by minute (GET /api/heatmap/{city}/history). The API registers an in-memory store fed by
/// the city change feed that keeps the last hours (<c>Api:History:Retention</c>); a host with the analytics database
/// registers its own implementation reading supply_demand_metrics, and the in-memory store then stays out of the way.
/// </summary>
public interface IHeatmapHistory
{
    /// <summary>The city-wide figures of each minute in [<paramref name="from"/>, <paramref name="to"/>), oldest first.</summary>
    Task<IReadOnlyList<CityHistoryPoint>> GetCityAsync(string cityId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>
    /// One cell's figures for each minute in [<paramref name="from"/>, <paramref name="to"/>) in which it was recorded,
    /// oldest first.
    /// </summary>
    /// <param name="cell">H3 index, lowercase hexadecimal.</param>
    Task<IReadOnlyList<CellHistoryPoint>> GetCellAsync(string cityId, string cell, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>
    /// The figures of every cell of the city that surged (a multiplier above 1) in at least one recorded minute in
    /// [<paramref name="from"/>, <paramref name="to"/>), over all its recorded minutes in that window; in no order.
    /// </summary>
    Task<IReadOnlyList<SurgeZoneFigures>> GetSurgeZonesAsync(string cityId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}

/// <summary>A cell that surged, over the recorded minutes of a window (the inputs of GET /api/analytics/{city}/surge-efficiency).</summary>
/// <param name="Cell">H3 index, lowercase hexadecimal.</param>
/// <param name="Minutes">Recorded minutes of the cell in the window.</param>
/// <param name="SurgingMinutes">Of those, minutes with a multiplier above 1.</param>
/// <param name="MeanSurge">The mean multiplier over the recorded minutes.</param>
/// <param name="MeanUnmetShare">
/// The mean over the recorded minutes of the share of demand the supply did not cover:
/// max(0, smoothed demand - smoothed supply) / smoothed demand, 0 when there was no demand. In [0, 1].
/// </param>
/// <param name="MeanSupply">The mean smoothed supply.</param>
/// <param name="MeanDemand">The mean smoothed demand.</param>
public readonly record struct SurgeZoneFigures(
    string Cell,
    int Minutes,
    int SurgingMinutes,
    double MeanSurge,
    double MeanUnmetShare,
    double MeanSupply,
    double MeanDemand)
{
    /// <summary>The unmet share of one minute, as <see cref="MeanUnmetShare"/> averages it.</summary>
    public static double UnmetShare(double supply, double demand) => demand > 0 ? Math.Max(0, demand - supply) / demand : 0;
}

/// <summary>A city in one minute: the last figures published within it.</summary>
/// <param name="Minute">The minute's start (UTC).</param>
/// <param name="ActiveCells">Cells with figures.</param>
/// <param name="DeficitCells">Of those, critical or undersupplied.</param>
/// <param name="SurplusCells">Of those, oversupplied.</param>
/// <param name="Drivers">Available drivers over all cells.</param>
/// <param name="ExpectedDemand">Expected demand over all cells.</param>
/// <param name="OverallRatio">Drivers over expected demand, city-wide.</param>
public readonly record struct CityHistoryPoint(
    DateTimeOffset Minute,
    int ActiveCells,
    int DeficitCells,
    int SurplusCells,
    int Drivers,
    double ExpectedDemand,
    double OverallRatio);

/// <summary>A cell in one minute: its last figures within it (the columns of supply_demand_metrics).</summary>
/// <param name="Minute">The minute's start (UTC).</param>
/// <param name="Drivers">The cell's own available drivers.</param>
/// <param name="Supply">Smoothed supply.</param>
/// <param name="Demand">Smoothed demand.</param>
/// <param name="ExpectedDemand">The cell's own expected demand.</param>
/// <param name="Ratio">Smoothed supply over smoothed demand.</param>
/// <param name="Status">The ratio's band.</param>
/// <param name="Surge">The published surge multiplier.</param>
public readonly record struct CellHistoryPoint(
    DateTimeOffset Minute,
    int Drivers,
    double Supply,
    double Demand,
    double ExpectedDemand,
    double Ratio,
    SupplyStatus Status,
    double Surge);
