using SupplyGrid.Grains.Policies;

namespace SupplyGrid.Grains.Cells;

/// <summary>
/// What a cell persists: its forecasts, written when a 15-minute slot closes. Everything else (drivers present, the
/// demand window, neighbours, surge) is rebuilt within minutes from the live streams.
/// </summary>
public sealed class CellState
{
    /// <summary>Bookings per slot.</summary>
    public DemandForecastState Demand { get; set; } = new();

    /// <summary>
    /// Average available drivers per slot, learned by the same exponentially weighted slot model as demand: shift
    /// advice needs the supply a driver would share the demand with.
    /// </summary>
    public DemandForecastState Supply { get; set; } = new();

    /// <summary>
    /// Set when the cell was collected for idleness: from this slot start on it saw no booking and no driver until its
    /// next activation, which teaches the forecasts those quiet slots (see CellGrain.QuietSlots.cs).
    /// </summary>
    public DateTimeOffset? QuietFrom { get; set; }
}
