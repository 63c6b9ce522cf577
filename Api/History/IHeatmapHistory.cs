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
