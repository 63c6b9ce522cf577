using SupplyGrid.Geo;
using SupplyGrid.Grains.Policies;

namespace SupplyGrid.Grains.Cells;

/// <summary>What other grains and the API ask a cell. These interleave with a running tick.</summary>
public sealed partial class CellGrain
{
    public const int MaxOutlookHours = 7 * 24;

    public Task<DonorReport> GetDonorReport(H3Index requester, int maxDrivers, bool hold)
    {
        if (maxDrivers < 0)
            throw new ArgumentOutOfRangeException(nameof(maxDrivers), maxDrivers, "maxDrivers must not be negative.");
        var nowTicks = Now.UtcTicks;
        if (nowTicks >= _promisedUntilTicks)
            _promised = 0;

        var free = new List<(DriverPresence Driver, double Km)>(_drivers.Count);
        var from = H3.IsValidCell(requester) ? H3.CellToLatLng(requester) : _centre;
        foreach (var presence in _drivers.Values)
        {
            if (!presence.Info.HasLiveOffer)
                free.Add((presence.Info, H3.GreatCircleDistanceKm(presence.Info.Position, from)));
        }

        // Drivers with a live offer are probably leaving; drivers just promised to another deficit cell may be.
        var supply = Math.Max(0, free.Count - _promised);
        var spare = _city.Imbalance.SpareDrivers(supply, _expectedDemand);
        if (hold && spare > 0)
        {
            _promised += spare;
            _promisedUntilTicks = nowTicks + _city.Cells.TickInterval.Ticks;
        }

        free.Sort(static (a, b) => a.Km.CompareTo(b.Km));
        var count = Math.Min(maxDrivers, free.Count);
        var drivers = new DriverPresence[count];
        for (var i = 0; i < count; i++)
            drivers[i] = free[i].Driver;
        return Task.FromResult(new DonorReport(_cell, supply, _expectedDemand, drivers));
    }

    public Task<CellSnapshot> GetSnapshot() => Task.FromResult(_snapshot ?? Recompute(Now).Snapshot);

    public Task<CellFigures> GetFigures()
    {
        var snapshot = _snapshot ?? Recompute(Now).Snapshot;
        return Task.FromResult(new CellFigures(_drivers.Count, snapshot.Demand, snapshot.Ratio, snapshot.Status));
    }

    public Task<IReadOnlyList<HourlyOutlook>> GetOutlook(DateTimeOffset fromHour, int hours)
    {
        if (hours is < 1 or > MaxOutlookHours)
            throw new ArgumentOutOfRangeException(nameof(hours), hours, $"hours must be 1 to {MaxOutlookHours}.");
        var state = _state.State;
        var mape = DemandForecaster.MeanAbsolutePercentageError(state.Demand) ?? 1.0;
        var slotsPerHour = (int)(TimeSpan.FromHours(1) / ForecastSlot.Length);
        var outlook = new HourlyOutlook[hours];
        for (var h = 0; h < hours; h++)
        {
            var start = fromHour.AddHours(h);
            var slot = ForecastSlot.FromInstant(start, _city.TimeZone);
            double demand = 0, supply = 0;
            var samples = int.MaxValue;
            for (var s = 0; s < slotsPerHour; s++, slot = slot.Next())
            {
                var expected = _city.Forecaster.Predict(state.Demand, slot);
                demand += expected.Expected;
                supply += _city.Forecaster.Predict(state.Supply, slot).Expected;
                samples = Math.Min(samples, expected.TimeOfDaySamples);
            }

            outlook[h] = new HourlyOutlook(start, demand, supply / slotsPerHour, mape, samples);
        }

        return Task.FromResult<IReadOnlyList<HourlyOutlook>>(outlook);
    }

    public async Task<RepositionPlanView> SuggestReposition(bool send)
    {
        var started = _time.GetTimestamp();
        var now = Now;
        var (snapshot, _) = Recompute(now);
        return await RepositionAsync(snapshot, now, started, send);
    }
}
