using SupplyGrid.Grains.Policies;
using Orleans;
using Orleans.Runtime;

namespace SupplyGrid.Grains.Cells;

/// <summary>
/// Quiet slots: a cell is collected after a while without bookings or drivers, and either would have woken it again.
/// So when it was collected for idleness, every slot it slept through had no booking and no driver, and the forecasts
/// learn those zeros on the next activation. Without this a cell would only ever learn its busy hours, and its
/// forecast for the hours it never saw would be the level of the busy ones.
/// </summary>
public sealed partial class CellGrain
{
    /// <summary>At most a week of quiet slots is learned: older ones would only repeat what the week taught.</summary>
    private const int MaxQuietSlots = ForecastSlot.SlotsPerWeek;

    /// <summary>
    /// On collection for idleness: the slot in progress is complete (nothing more will happen in it), so it is learned
    /// now, and the state remembers from when the cell is quiet. Other deactivations (shutdown) learn nothing: while
    /// the silo is down, bookings may happen unseen.
    /// </summary>
    private async Task FallQuietAsync(DeactivationReason reason)
    {
        if (reason.ReasonCode != DeactivationReasonCode.ActivationIdle || _city is null)
            return;
        var state = _state.State;
        if (_slotComplete)
            ObserveSlot(state, _slot, _slotBookings, MeanSlotSupply());
        state.QuietFrom = SlotStart(Now) + ForecastSlot.Length;
        await _state.WriteStateAsync();
    }

    /// <summary>On activation: learns the quiet slots since <see cref="CellState.QuietFrom"/>; true when the current slot was quiet up to now.</summary>
    private bool LearnQuietSlots(DateTimeOffset now)
    {
        var state = _state.State;
        if (state.QuietFrom is not { } quietFrom)
            return false;
        state.QuietFrom = null;
        var currentStart = SlotStart(now);
        var from = quietFrom;
        if ((currentStart - from).Ticks / ForecastSlot.Length.Ticks > MaxQuietSlots)
            from = currentStart - MaxQuietSlots * ForecastSlot.Length;
        for (var start = from; start < currentStart; start += ForecastSlot.Length)
            ObserveSlot(state, ForecastSlot.FromInstant(start, _city.TimeZone), 0, 0);
        // Written with the next slot's close, like every other observation.
        return quietFrom <= currentStart;
    }

    /// <summary>Teaches both forecasts one slot; supply only when it was sampled.</summary>
    private void ObserveSlot(CellState state, ForecastSlot slot, int bookings, double? meanSupply)
    {
        _city.Forecaster.Observe(state.Demand, slot, bookings);
        if (meanSupply is { } supply)
            _city.Forecaster.Observe(state.Supply, slot, Math.Min(DemandForecaster.MaxSlotDemand, supply));
    }

    private double? MeanSlotSupply() => _slotSupplySamples > 0 ? _slotSupplySum / _slotSupplySamples : null;

    /// <summary>The instant the city-local 15-minute slot holding <paramref name="instant"/> began.</summary>
    private DateTimeOffset SlotStart(DateTimeOffset instant) =>
        instant - TimeSpan.FromTicks(TimeZoneInfo.ConvertTime(instant, _city.TimeZone).TimeOfDay.Ticks % ForecastSlot.Length.Ticks);
}
