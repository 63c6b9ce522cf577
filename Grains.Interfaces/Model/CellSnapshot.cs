using Orleans;
using SupplyGrid.Geo;

namespace SupplyGrid.Grains;

/// <summary>A cell's figures after one recompute (cell to city, one-way, every tick; also the API's view of a cell).</summary>
/// <param name="CityId">The city the cell belongs to.</param>
/// <param name="Cell">H3 index, lowercase hex.</param>
/// <param name="Centre">The cell's centre.</param>
/// <param name="At">When the figures were computed.</param>
/// <param name="Drivers">Distinct available drivers present (their last ping within the presence timeout).</param>
/// <param name="Bookings">Bookings created in the cell within the sliding demand window.</param>
/// <param name="ForecastDemand">The forecast for the next window (weighted as configured).</param>
/// <param name="EventDemand">Extra demand from event campaigns covering the cell.</param>
/// <param name="ExpectedDemand">Bookings + forecast + event demand: the cell's own expected demand.</param>
/// <param name="Supply">Smoothed supply over the neighbourhood (weighted mean, drivers per cell).</param>
/// <param name="Demand">Smoothed demand over the neighbourhood (weighted mean, bookings per cell).</param>
/// <param name="Ratio">Smoothed supply over smoothed demand; 1 for a quiet cell.</param>
/// <param name="Status">The band the ratio falls in.</param>
/// <param name="IsQuiet">Neither supply nor demand around: nothing is happening.</param>
/// <param name="Surge">The published surge multiplier.</param>
/// <param name="SpareDrivers">Drivers that could leave without putting the cell in deficit.</param>
/// <param name="PendingArrivals">Expected arrivals from offers still running for this cell.</param>
/// <param name="ForecastMape">The forecast's running mean absolute percentage error (0.2 = 20%); null before any slot was scored.</param>
[GenerateSerializer, Alias("supplygrid.CellSnapshot"), Immutable]
public sealed record CellSnapshot(
    string CityId,
    string Cell,
    LatLng Centre,
    DateTimeOffset At,
    int Drivers,
    int Bookings,
    double ForecastDemand,
    double EventDemand,
    double ExpectedDemand,
    double Supply,
    double Demand,
    double Ratio,
    SupplyStatus Status,
    bool IsQuiet,
    double Surge,
    int SpareDrivers,
    double PendingArrivals,
    double? ForecastMape)
{
    /// <summary>Critical or undersupplied.</summary>
    public bool IsDeficit => Status is SupplyStatus.Critical or SupplyStatus.Undersupplied;

    /// <summary>n = ceil(expected demand - drivers): the drivers the cell needs (0 when it has enough).</summary>
    public int DriversNeeded => (int)Math.Max(0, Math.Ceiling(ExpectedDemand - Drivers - 1e-9));
}
