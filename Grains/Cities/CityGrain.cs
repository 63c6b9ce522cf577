using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SupplyGrid.Geo;
using SupplyGrid.Grains.Configuration;
using SupplyGrid.Grains.Ports;
using Orleans;
using Orleans.Runtime;

namespace SupplyGrid.Grains.Cities;

/// <summary>
/// One city: the latest snapshot of every active cell, heatmap, hotspots, KPIs, the campaign index, and the live
/// change feed. It receives everything one-way and awaits nobody, so any grain may await its queries.
/// </summary>
public sealed class CityGrain : Grain, ICityGrain
{
    public const int MaxHotspots = 500;
    public const int MaxDonorCells = 200;

    private readonly IPersistentState<CityState> _state;
    private readonly CityDirectory _cities;
    private readonly ICityChangeFeed _feed;
    private readonly ILogger<CityGrain> _logger;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, CellSnapshot> _cells = new(StringComparer.Ordinal);
    private readonly HashSet<string> _changed = new(StringComparer.Ordinal);
    private readonly List<string> _retired = [];
    private CityContext _city = null!;
    private bool _dirty;

    public CityGrain([PersistentState("city")] IPersistentState<CityState> state, CityDirectory cities, ICityChangeFeed feed,
        [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time, ILogger<CityGrain> logger)
    {
        _time = time;
        _state = state;
        _cities = cities;
        _feed = feed;
        _logger = logger;
    }

    private DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>A cell that has not reported for this long is left out (it stopped without retiring).</summary>
    private TimeSpan StaleAfter => _city.Cells.TickInterval * 6;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _city = _cities.Get(this.GetPrimaryKeyString());
        var interval = _city.Options.PublishInterval;
        this.RegisterGrainTimer(PublishAsync, new GrainTimerCreationOptions(interval, interval));
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_dirty)
            await _state.WriteStateAsync(cancellationToken);
    }

    public Task CellUpdated(CellSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (!_cells.TryGetValue(snapshot.Cell, out var previous) || previous.At <= snapshot.At)
        {
            _cells[snapshot.Cell] = snapshot;
            if (previous is null || Differs(previous, snapshot))
                _changed.Add(snapshot.Cell);
        }

        return Task.CompletedTask;
    }

    public Task CellRetired(string cell)
    {
        if (_cells.Remove(cell))
        {
            _changed.Remove(cell);
            _retired.Add(cell);
        }

        return Task.CompletedTask;
    }

    public Task OfferReported(OfferOutcomeReport report)
    {
        var s = _state.State;
        var o = s.Offers;
        s.Offers = report.State switch
        {
            OfferState.Offered => o with { Sent = o.Sent + 1 },
            OfferState.Accepted => o with { Accepted = o.Accepted + 1 },
            OfferState.Declined => o with { Declined = o.Declined + 1 },
            OfferState.Expired => o with { Expired = o.Expired + 1 },
            OfferState.Arrived => o with { Arrived = o.Arrived + 1 },
            _ => o with { Failed = o.Failed + 1 },
        };
        if (report.ResponseSeconds is { } seconds)
        {
            s.Replies++;
            s.ResponseSecondsTotal += seconds;
        }

        _dirty = true;
        return Task.CompletedTask;
    }

    public async Task CampaignChanged(CampaignSummary summary)
    {
        var campaigns = _state.State.Campaigns;
        var known = campaigns.TryGetValue(summary.Id, out var previous);
        campaigns[summary.Id] = summary;
        if (!known || previous.Status != summary.Status)
        {
            // The index itself changed (not just spend): keep it across reactivation.
            await _state.WriteStateAsync();
            _dirty = false;
        }
        else
        {
            _dirty = true;
        }
    }

    public Task TripCompleted(QuestTrip trip)
    {
        foreach (var campaign in _state.State.Campaigns.Values)
        {
            if (campaign.Kind == CampaignKind.Quest
                && campaign.Status is CampaignStatus.Active or CampaignStatus.Scheduled
                && trip.EndedAt >= campaign.StartsAt && (campaign.EndsAt is null || trip.EndedAt < campaign.EndsAt))
            {
                _ = GrainFactory.GetGrain<ICampaignGrain>(campaign.Id).RecordTrip(trip);
            }
        }

        return Task.CompletedTask;
    }

    public Task<CityInfo> GetInfo() => Task.FromResult(_city.Describe());

    public Task<Heatmap> GetHeatmap()
    {
        var fresh = Fresh(Now);
        var zones = new HeatmapZone[fresh.Count];
        var updatedAt = DateTimeOffset.MinValue;
        int drivers = 0;
        double demand = 0;
        for (var i = 0; i < zones.Length; i++)
        {
            var s = fresh[i];
            zones[i] = HeatmapZone.From(s);
            drivers += s.Drivers;
            demand += s.ExpectedDemand;
            if (s.At > updatedAt)
                updatedAt = s.At;
        }

        var overall = _city.Imbalance.Assess(drivers, demand);
        return Task.FromResult(new Heatmap(_city.Id, zones.Length == 0 ? Now : updatedAt, drivers, demand, overall.Ratio, overall.Status, zones));
    }

    public Task<IReadOnlyList<Hotspot>> GetHotspots(int top)
    {
        CheckTop(top);
        var spots = Fresh(Now).Where(s => s.IsDeficit)
            .OrderBy(s => s.Ratio).ThenByDescending(s => s.DriversNeeded).ThenBy(s => s.Cell, StringComparer.Ordinal)
            .Take(top).Select(s => ToHotspot(s, null)).ToArray();
        return Task.FromResult<IReadOnlyList<Hotspot>>(spots);
    }

    public Task<IReadOnlyList<Hotspot>> GetHotspotsNear(LatLng point, double radiusKm, int top)
    {
        CheckTop(top);
        if (!(radiusKm > 0 && radiusKm <= 100))
            throw new ArgumentOutOfRangeException(nameof(radiusKm), radiusKm, "radiusKm must be greater than 0 and at most 100.");
        var spots = Fresh(Now).Where(s => s.IsDeficit)
            .Select(s => (Snapshot: s, Km: H3.GreatCircleDistanceKm(point, s.Centre)))
            .Where(p => p.Km <= radiusKm)
            .OrderBy(p => p.Snapshot.Status).ThenBy(p => p.Km).ThenBy(p => p.Snapshot.Cell, StringComparer.Ordinal)
            .Take(top).Select(p => ToHotspot(p.Snapshot, p.Km)).ToArray();
        return Task.FromResult<IReadOnlyList<Hotspot>>(spots);
    }

    public Task<CityMetrics> GetMetrics() => Task.FromResult(Metrics(Now));

    public Task<IReadOnlyList<CampaignSummary>> ListCampaigns() =>
        Task.FromResult<IReadOnlyList<CampaignSummary>>(_state.State.Campaigns.Values.OrderByDescending(c => c.StartsAt).ThenBy(c => c.Id, StringComparer.Ordinal).ToArray());

    public Task<IReadOnlyList<H3Index>> FindDonorCells(H3Index target, double radiusKm, int max)
    {
        if (!(radiusKm > 0 && radiusKm <= 100))
            throw new ArgumentOutOfRangeException(nameof(radiusKm), radiusKm, "radiusKm must be greater than 0 and at most 100.");
        if (max is < 1 or > MaxDonorCells)
            throw new ArgumentOutOfRangeException(nameof(max), max, $"max must be 1 to {MaxDonorCells}.");
        var centre = H3.CellToLatLng(target);
        var targetKey = target.ToString();
        var donors = Fresh(Now).Where(s => s.SpareDrivers > 0 && s.Cell != targetKey)
            .Select(s => (s.Cell, Km: H3.GreatCircleDistanceKm(centre, s.Centre)))
            .Where(p => p.Km <= radiusKm)
            .OrderBy(p => p.Km).Take(max).Select(p => H3Index.Parse(p.Cell)).ToArray();
        return Task.FromResult<IReadOnlyList<H3Index>>(donors);
    }

    private CityMetrics Metrics(DateTimeOffset now)
    {
        var fresh = Fresh(now);
        int drivers = 0, deficit = 0, surplus = 0, withMape = 0;
        double demand = 0, mape = 0;
        foreach (var s in fresh)
        {
            drivers += s.Drivers;
            demand += s.ExpectedDemand;
            if (s.IsDeficit)
                deficit++;
            else if (s.Status == SupplyStatus.Oversupplied)
                surplus++;
            if (s.ForecastMape is { } m)
            {
                mape += m;
                withMape++;
            }
        }

        var state = _state.State;
        var offers = state.Offers;
        decimal spent = 0, reserved = 0;
        foreach (var campaign in state.Campaigns.Values)
        {
            spent += campaign.Spent;
            reserved += campaign.Reserved;
        }

        return new CityMetrics(_city.Id, now, _city.Currency, fresh.Count, deficit, surplus, drivers, demand,
            _city.Imbalance.Assess(drivers, demand).Ratio, offers,
            offers.AcceptanceRate(),
            state.Replies == 0 ? null : state.ResponseSecondsTotal / state.Replies,
            spent, reserved, withMape == 0 ? null : mape / withMape);
    }

    private Task PublishAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        var staleBefore = now - StaleAfter;
        foreach (var (cell, snapshot) in _cells)
        {
            if (snapshot.At < staleBefore)
                CellRetired(cell);
        }

        if (_changed.Count == 0 && _retired.Count == 0)
            return Task.CompletedTask;
        var zones = new HeatmapZone[_changed.Count];
        var i = 0;
        foreach (var cell in _changed)
            zones[i++] = HeatmapZone.From(_cells[cell]);
        var change = new CityChange(_city.Id, now, zones, _retired.ToArray(), Metrics(now));
        _changed.Clear();
        _retired.Clear();
        try
        {
            _feed.Publish(change);
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Publishing the changes of city {City} failed", _city.Id);
        }

        return Task.CompletedTask;
    }

    private List<CellSnapshot> Fresh(DateTimeOffset now)
    {
        var staleBefore = now - StaleAfter;
        var fresh = new List<CellSnapshot>(_cells.Count);
        foreach (var snapshot in _cells.Values)
        {
            if (snapshot.At >= staleBefore)
                fresh.Add(snapshot);
        }

        return fresh;
    }

    private static bool Differs(CellSnapshot a, CellSnapshot b) =>
        a.Drivers != b.Drivers || a.Status != b.Status || a.Surge != b.Surge
        || Math.Abs(a.Ratio - b.Ratio) > 1e-6 || Math.Abs(a.ExpectedDemand - b.ExpectedDemand) > 1e-6;

    private static Hotspot ToHotspot(CellSnapshot s, double? km) =>
        new(s.Cell, s.Centre, s.Ratio, s.Status, s.DriversNeeded, s.PendingArrivals, s.Surge, km, s.At);

    private static void CheckTop(int top)
    {
        if (top is < 1 or > MaxHotspots)
            throw new ArgumentOutOfRangeException(nameof(top), top, $"top must be 1 to {MaxHotspots}.");
    }
}
