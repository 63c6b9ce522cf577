using SupplyGrid.Geo;
using Orleans;
using Orleans.Concurrency;

namespace SupplyGrid.Grains;

/// <summary>
/// One H3 cell (key: the index in lowercase hex, at the city's resolution). Counts the distinct available drivers
/// present and the bookings of a sliding window, forecasts demand, smooths with its neighbours, classifies, sets the
/// surge, and when in deficit offers moves to drivers of neighbouring cells that can spare them. Recomputes on a timer
/// and sends its snapshot to the city one-way.
/// </summary>
/// <remarks>
/// Notifications into a cell are one-way. The queries other grains await are <c>[AlwaysInterleave]</c>: a cell
/// awaiting a driver or another cell during its tick still answers them, so two deficit cells may query each other.
/// </remarks>
public interface ICellGrain : IGrainWithStringKey
{
    /// <summary>The driver is available supply here (entered, refreshed, or changed what a plan looks at).</summary>
    [OneWay]
    Task DriverPresent(DriverPresence presence);

    /// <summary>The driver left the cell or stopped being available supply.</summary>
    [OneWay]
    Task DriverLeft(string driverId);

    /// <summary>
    /// A booking picked up here (counted once per booking id within the demand window). Request/response, so that the
    /// Kafka consumer commits the record only once the cell has counted it.
    /// </summary>
    Task BookingCreated(CellBooking booking);

    /// <summary>A neighbour's own figures, for smoothing and to know which neighbours can spare drivers.</summary>
    [OneWay]
    Task NeighbourChanged(NeighbourFigures figures);

    /// <summary>An offer made for this cell moved on (accepted, declined, expired, arrived, failed).</summary>
    [OneWay]
    Task OfferProgressed(OfferProgress progress);

    /// <summary>An event campaign covers this cell.</summary>
    [OneWay]
    Task ApplyEvent(EventInfluence influence);

    /// <summary>
    /// A deficit cell asks for candidates: the drivers without a live offer, nearest to <paramref name="requester"/>
    /// first, and the figures that say how many may leave. With <paramref name="hold"/> (the requester will send
    /// offers) the drivers this cell could spare are held back from other requesters until the next tick, so two
    /// deficit cells do not both drain it.
    /// </summary>
    [AlwaysInterleave]
    Task<DonorReport> GetDonorReport(H3Index requester, int maxDrivers, bool hold);

    /// <summary>The figures of the last recompute (the cell recomputes first if it never has).</summary>
    [AlwaysInterleave]
    Task<CellSnapshot> GetSnapshot();

    /// <summary>The figures the ODRD ranking needs.</summary>
    [AlwaysInterleave]
    Task<CellFigures> GetFigures();

    /// <summary>Expected demand and supply per hour from <paramref name="fromHour"/>, from the cell's forecasts.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<HourlyOutlook>> GetOutlook(DateTimeOffset fromHour, int hours);

    /// <summary>
    /// Recomputes and plans repositioning now (POST /api/suggest-reposition); sends the offers when
    /// <paramref name="send"/> is true, otherwise only shows the plan.
    /// </summary>
    Task<RepositionPlanView> SuggestReposition(bool send);
}
