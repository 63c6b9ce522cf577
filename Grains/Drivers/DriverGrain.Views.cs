using SupplyGrid.Geo;
using SupplyGrid.Grains.Configuration;
using SupplyGrid.Grains.Policies;

namespace SupplyGrid.Grains.Drivers;

/// <summary>What the API and the ranking read from a driver, and the advice computed on request.</summary>
public sealed partial class DriverGrain
{
    public const int MaxSuggestions = 20;
    public const int MaxAdviceDays = 7;

    public Task<DriverView> GetView()
    {
        var now = Now;
        var known = _position.HasTrusted;
        var view = new DriverView(
            _id,
            known,
            _city?.Id,
            known ? _status : null,
            _vehicleId,
            known ? new LatLng(_position.Lat, _position.Lng) : null,
            _cell == default ? null : _cell.ToString(),
            _lastPingTicks == 0 ? null : new DateTimeOffset(_lastPingTicks, TimeSpan.Zero),
            IsAvailableAt(now.UtcTicks),
            _position.IsSuspect,
            Performance(),
            Tier(),
            Today(),
            _offers.Live?.ToView(),
            RecentOffers());
        return Task.FromResult(view);
    }

    public Task<DriverIncentives> GetIncentives()
    {
        var today = Today();
        var city = _city ?? _cities.All[0];
        var cap = city.Incentives.DailyCapPerDriver;
        var awards = State.Awards is { } list ? list.AsEnumerable().Reverse().ToArray() : [];
        return Task.FromResult(new DriverIncentives(_id, today.Day, city.Currency, today.IncentivesPaid, today.IncentivesReserved, cap,
            Math.Max(0, cap - today.IncentivesCommittedOrReserved), State.PaidTotal, RecentOffers(), awards));
    }

    public Task<DispatchFacts> GetDispatchFacts()
    {
        var performance = Performance();
        return Task.FromResult(new DispatchFacts(_position.HasTrusted, IsAvailableAt(Now.UtcTicks), _position.IsSuspect,
            new LatLng(_position.Lat, _position.Lng), _cell, performance.AcceptanceRate, performance.Rating));
    }

    public async Task<DriverSuggestions> GetSuggestions(int max)
    {
        if (max is < 1 or > MaxSuggestions)
            throw new ArgumentOutOfRangeException(nameof(max), max, $"max must be 1 to {MaxSuggestions}.");
        var now = Now;
        if (_city is not { } city || !_position.HasTrusted)
            return new DriverSuggestions(_id, now, _offers.Live?.ToView(), []);

        var here = new LatLng(_position.Lat, _position.Lng);
        var hotspots = await GrainFactory.GetGrain<ICityGrain>(city.Id).GetHotspotsNear(here, city.Reposition.WidenedRadiusKm, max);
        var profile = Performance().ToProfile();
        var tierBonus = city.Tiers.Assess(profile).Bonus;
        var suggestions = new List<RepositionSuggestion>(hotspots.Count);
        foreach (var spot in hotspots)
        {
            if (spot.H3 == _cell.ToString())
                continue;
            var km = H3.GreatCircleDistanceKm(here, spot.Centre);
            var quote = city.Pricer.Quote(new IncentiveRequest(Math.Min(km, IncentivePricer.MaxDistanceKm), spot.Ratio, tierBonus, decimal.MaxValue, IncentivesToday()));
            suggestions.Add(new RepositionSuggestion(spot.H3, spot.Centre, km, city.TravelTime.Minutes(km), spot.Ratio, spot.Status,
                spot.DriversNeeded, quote.Amount, quote.Currency));
        }

        return new DriverSuggestions(_id, now, _offers.Live?.ToView(), suggestions);
    }

    public async Task<IncentiveCalculation> CalculateIncentive(string targetCell)
    {
        var target = ParseCell(targetCell, nameof(targetCell));
        if (!_position.HasTrusted || _city is not { } city)
            throw new InvalidOperationException($"Driver {_id} has no known position in a configured city.");
        if (H3.GetResolution(target) != city.Resolution)
            throw new ArgumentException($"Cell {targetCell} is not at the city's resolution {city.Resolution}.", nameof(targetCell));

        var snapshot = await GrainFactory.GetGrain<ICellGrain>(target.ToString()).GetSnapshot();
        var campaignId = city.PoolCampaignFor(target);
        var campaign = await GrainFactory.GetGrain<ICampaignGrain>(campaignId).Get();
        var remaining = campaign?.Remaining ?? 0m;
        var km = H3.GreatCircleDistanceKm(new LatLng(_position.Lat, _position.Lng), snapshot.Centre);
        var profile = Performance().ToProfile();
        var tier = city.Tiers.Assess(profile);
        var quote = city.Pricer.Quote(new IncentiveRequest(Math.Min(km, IncentivePricer.MaxDistanceKm), snapshot.Ratio, tier.Bonus, remaining, IncentivesToday()));
        var probability = quote.HasOffer ? city.Acceptance.Probability(profile, quote.Amount, km) : 0;
        return new IncentiveCalculation(_id, target.ToString(), campaignId, km, snapshot.Ratio, tier.Tier, quote, probability, remaining);
    }

    public async Task<ShiftAdvice> GetShiftAdvice(int days)
    {
        if (days is < 1 or > MaxAdviceDays)
            throw new ArgumentOutOfRangeException(nameof(days), days, $"days must be 1 to {MaxAdviceDays}.");
        var now = Now;
        var city = _city ?? _cities.All[0];
        var earningsPerTrip = State.TotalTrips > 0 ? Math.Round(State.TotalEarnings / State.TotalTrips, 2) : city.Options.DefaultEarningsPerTrip;
        var cells = UsualCellsForAdvice();
        if (cells.Count == 0)
            return new ShiftAdvice(_id, now, city.Currency, earningsPerTrip, [], []);

        var fromHour = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerHour, TimeSpan.Zero).AddHours(1);
        var hours = days * 24;
        var outlooks = await Task.WhenAll(cells.Select(c => GrainFactory.GetGrain<ICellGrain>(c.ToString()).GetOutlook(fromHour, hours)));
        var combined = new HourlyOutlook[hours];
        for (var h = 0; h < hours; h++)
        {
            double demand = 0, supply = 0, weightedMape = 0;
            var samples = int.MaxValue;
            foreach (var outlook in outlooks)
            {
                var hour = outlook[h];
                demand += hour.ExpectedDemand;
                supply += hour.ExpectedSupply;
                weightedMape += hour.ForecastMape * Math.Max(hour.ExpectedDemand, 1e-6);
                samples = Math.Min(samples, hour.ForecastSamples);
            }

            var weights = outlooks.Sum(o => Math.Max(o[h].ExpectedDemand, 1e-6));
            combined[h] = new HourlyOutlook(fromHour.AddHours(h), demand, supply, weightedMape / weights, samples);
        }

        var suggestions = city.ShiftAdvisor.Advise(combined, earningsPerTrip, now);
        return new ShiftAdvice(_id, now, city.Currency, earningsPerTrip, cells.Select(c => c.ToString()).ToArray(), suggestions);
    }

    /// <summary>The cells the driver spends most time in (the current one for a driver without history).</summary>
    private List<H3Index> UsualCellsForAdvice()
    {
        const int maxCells = 3;
        var cells = new List<H3Index>(maxCells);
        if (State.UsualCells is { } usual)
        {
            foreach (var entry in usual.OrderByDescending(u => u.Minutes).Take(maxCells))
                cells.Add(new H3Index(entry.Cell));
        }

        if (cells.Count == 0 && _cell != default)
            cells.Add(_cell);
        return cells;
    }

    private DriverTier Tier() => (_city ?? _cities.All[0]).Tiers.Assess(Performance().ToProfile()).Tier;

    private DriverDay Today()
    {
        var today = State.Today;
        var reserved = IncentivesToday() - today.IncentivesPaid;
        return new DriverDay(today.Day, today.Trips, today.Earnings, today.OnlineMinutes, today.IncentivesPaid, reserved);
    }

    private IReadOnlyList<OfferView> RecentOffers()
    {
        if (State.Offers is not { Count: > 0 } offers)
            return [];
        var views = new OfferView[offers.Count];
        for (var i = 0; i < offers.Count; i++)
            views[i] = offers[offers.Count - 1 - i].ToView();
        return views;
    }
}
