using Microsoft.Extensions.Logging;
using SupplyGrid.Geo;
using SupplyGrid.Grains.Drivers;
using SupplyGrid.Grains.Policies;

namespace SupplyGrid.Grains.Cells;

/// <summary>
/// Reposition: a deficit cell asks neighbouring cells that can spare drivers for candidates, prices and ranks them
/// with the city's policies, and offers moves to enough drivers to expect the arrivals it needs. Driver grains decide.
/// </summary>
public sealed partial class CellGrain
{
    /// <summary>After a plan that found nobody to ask, the cell waits this many ticks before searching again.</summary>
    private const int TicksBetweenFruitlessPlans = 6;

    private long _nextPlanTicks;

    /// <summary>
    /// False until the cell's first tick has run. Neighbours push their figures on their own ticks (each pushes on its
    /// first), and cells activated together (a silo start, a burst of first events) tick together: their first pushes
    /// race with this cell's first tick. Planning then would ask only the donors whose push happened to land first, and
    /// offer their drivers (or widen the search) ahead of nearer ones it has not heard of yet; the ranking never sees
    /// those. From the second tick on, every neighbour that has figures has pushed them.
    /// </summary>
    private bool _heardNeighbours;

    /// <summary>Pool shards found spent since the last plan that was not short of budget.</summary>
    private int _spentShardsInARow;
    private int _promised;
    private long _promisedUntilTicks;

    public Task OfferProgressed(OfferProgress progress)
    {
        var nowTicks = Now.UtcTicks;
        switch (progress.State)
        {
            case OfferState.Offered:
                _pending.TryAdd(progress.OfferId, new PendingOffer(progress.DriverId, progress.AcceptanceProbability, false,
                    nowTicks + (_driverOptions.ReplyTimeout + _city.Cells.TickInterval).Ticks));
                break;
            case OfferState.Accepted:
                _pending[progress.OfferId] = new PendingOffer(progress.DriverId, 1, true,
                    nowTicks + (_city.Incentives.FailAfter + _city.Cells.TickInterval).Ticks);
                break;
            default:
                _pending.Remove(progress.OfferId);
                break;
        }

        return Task.CompletedTask;
    }

    /// <summary>Expected arrivals from offers still running: their acceptance probabilities, 1 once accepted.</summary>
    private double PendingArrivals()
    {
        var total = 0.0;
        foreach (var pending in _pending.Values)
            total += pending.ExpectedArrivals;
        return total;
    }

    private void ExpirePending(long nowTicks)
    {
        foreach (var (id, pending) in _pending)
        {
            if (nowTicks > pending.ExpiresTicks)
                _pending.Remove(id);
        }
    }

    private async Task<RepositionPlanView> RepositionAsync(CellSnapshot snapshot, DateTimeOffset now, long detectedTimestamp, bool send)
    {
        var request = new RepositionRequest(_cell.Value, _expectedDemand, snapshot.Drivers, PendingArrivals());
        var (needed, target) = _city.Planner.ArrivalTarget(request);
        // A cell in deficit only by its smoothed neighbourhood, or already covered by pending offers, asks no donor:
        // asking would hold their spare drivers from a cell that does need them.
        if (target == 0)
            return new RepositionPlanView(snapshot.Cell, snapshot, needed, 0, 0, 0, [], false);
        var asked = new HashSet<H3Index>();
        var candidates = new List<RepositionCandidate>();
        var donors = new List<DonorCell>();
        var estimates = new Dictionary<string, decimal>(StringComparer.Ordinal);

        var nearby = new List<ICellGrain>();
        foreach (var neighbour in _neighbours)
        {
            if (neighbour.DistanceKm <= _city.Reposition.SearchRadiusKm && _city.Imbalance.SpareDrivers(neighbour.Supply, neighbour.Demand) > 0)
            {
                nearby.Add(neighbour.Grain);
                asked.Add(neighbour.Cell);
            }
        }

        await GatherAsync(nearby, snapshot, send, candidates, donors, estimates);
        var plan = _city.Planner.Plan(request, candidates.ToArray(), donors.ToArray());
        if (plan.Offers.Count == 0 && plan.TargetArrivals > 0 && _city.Cells.MaxWidenedDonors > 0)
        {
            var far = await _cityGrain.FindDonorCells(_cell, _city.Reposition.WidenedRadiusKm, _city.Cells.MaxWidenedDonors + asked.Count);
            var more = new List<ICellGrain>();
            foreach (var cell in far)
            {
                if (cell != _cell && asked.Add(cell) && more.Count < _city.Cells.MaxWidenedDonors)
                    more.Add(GrainFactory.GetGrain<ICellGrain>(cell.ToString()));
            }

            if (more.Count > 0)
            {
                await GatherAsync(more, snapshot, send, candidates, donors, estimates);
                plan = _city.Planner.Plan(request, candidates.ToArray(), donors.ToArray());
            }
        }

        var decisions = send && plan.Offers.Count > 0 ? await SendOffersAsync(plan, snapshot, now, detectedTimestamp) : null;
        var shardSpent = decisions is not null && decisions.Any(d => d?.Refusal == OfferRefusal.BudgetExhausted);
        // A spent pool shard: the next plan draws on the next one, at once while some shard is still untried.
        _spentShardsInARow = shardSpent ? _spentShardsInARow + 1 : decisions is null ? _spentShardsInARow : 0;
        if (shardSpent)
            _poolSkip++;
        var untriedShardLeft = shardSpent && _spentShardsInARow < _city.PoolCampaignIds.Count;
        // Nobody to ask, or every driver refused (busy, budget gone): searching again next tick would find the same.
        if ((plan.Offers.Count == 0 && plan.TargetArrivals > 0) || (decisions is not null && !decisions.Any(d => d?.Offered == true) && !untriedShardLeft))
            _nextPlanTicks = now.UtcTicks + TicksBetweenFruitlessPlans * _city.Cells.TickInterval.Ticks;

        var moves = new PlannedMove[plan.Offers.Count];
        for (var i = 0; i < moves.Length; i++)
        {
            var offer = plan.Offers[i];
            moves[i] = new PlannedMove(offer.DriverId, new H3Index(offer.SourceCell).ToString(), offer.DistanceKm, offer.TravelMinutes,
                offer.AcceptanceProbability, estimates.GetValueOrDefault(offer.DriverId), decisions?[i]);
        }

        return new RepositionPlanView(snapshot.Cell, snapshot, plan.DriversNeeded, plan.TargetArrivals, plan.ExpectedArrivals,
            plan.SearchRadiusKm, moves, decisions is not null);
    }

    /// <summary>Asks donor cells for their free drivers and turns them into priced, ranked candidates.</summary>
    private async Task GatherAsync(List<ICellGrain> cells, CellSnapshot snapshot, bool hold, List<RepositionCandidate> candidates,
        List<DonorCell> donors, Dictionary<string, decimal> estimates)
    {
        if (cells.Count == 0)
            return;
        var tasks = new Task<DonorReport>[cells.Count];
        for (var i = 0; i < cells.Count; i++)
            tasks[i] = cells[i].GetDonorReport(_cell, _city.Cells.MaxCandidatesPerDonor, hold);
        DonorReport[] reports;
        try
        {
            reports = await Task.WhenAll(tasks);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One donor failing must not stop the others: use those that answered.
            _logger.LogWarning(ex, "A donor cell of {Cell} did not answer", _cell);
            reports = tasks.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result).ToArray();
        }

        foreach (var report in reports)
        {
            if (report.Cell == _cell)
                continue;
            donors.Add(new DonorCell(report.Cell.Value, report.Supply, report.Demand));
            foreach (var driver in report.Drivers)
            {
                var km = H3.GreatCircleDistanceKm(driver.Position, _centre);
                if (km > _city.Reposition.WidenedRadiusKm)
                    continue;
                var profile = driver.Performance.ToProfile();
                var tierBonus = _city.Tiers.Assess(profile).Bonus;
                // The campaign prices the final amount against its real remaining budget; here only the ranking needs it.
                var quote = _city.Pricer.Quote(new IncentiveRequest(km, snapshot.Ratio, tierBonus, decimal.MaxValue, driver.IncentivesToday));
                var probability = quote.HasOffer ? _city.Acceptance.Probability(profile, quote.Amount, km) : 0;
                estimates[driver.DriverId] = quote.Amount;
                candidates.Add(new RepositionCandidate(driver.DriverId, report.Cell.Value, km, probability, Available: true, driver.HasLiveOffer));
            }
        }
    }

    private async Task<OfferDecision?[]> SendOffersAsync(RepositionPlan plan, CellSnapshot snapshot, DateTimeOffset now, long detectedTimestamp)
    {
        var campaign = FundingCampaign(now);
        var tasks = new Task<OfferDecision>[plan.Offers.Count];
        for (var i = 0; i < tasks.Length; i++)
        {
            var planned = plan.Offers[i];
            tasks[i] = GrainFactory.GetGrain<IDriverGrain>(planned.DriverId).Offer(new RepositionOffer
            {
                OfferId = Guid.NewGuid().ToString("N"),
                CityId = _city.Id,
                CampaignId = campaign,
                TargetCell = _cell,
                TargetCentre = _centre,
                TargetSupply = snapshot.Supply,
                TargetDemand = snapshot.Demand,
                TargetRatio = snapshot.Ratio,
                DecidedAt = now,
                DecisionTimestamp = detectedTimestamp,
            });
        }

        var decisions = new OfferDecision?[tasks.Length];
        var nowTicks = Now.UtcTicks;
        for (var i = 0; i < tasks.Length; i++)
        {
            try
            {
                var decision = await tasks[i];
                decisions[i] = decision;
                if (decision.Offered)
                {
                    _pending.TryAdd(decision.OfferId, new PendingOffer(plan.Offers[i].DriverId, decision.AcceptanceProbability, false,
                        nowTicks + (_driverOptions.ReplyTimeout + _city.Cells.TickInterval).Ticks));
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogWarning(ex, "Offering driver {DriverId} a move to {Cell} failed", plan.Offers[i].DriverId, _cell);
            }
        }

        return decisions;
    }

    /// <summary>An offer made for this cell that may still bring a driver.</summary>
    private readonly record struct PendingOffer(string DriverId, double Probability, bool Accepted, long ExpiresTicks)
    {
        public double ExpectedArrivals => Accepted ? 1 : Probability;
    }
}
