using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupplyGrid.Geo;
using SupplyGrid.Grains.Configuration;
using SupplyGrid.Grains.Diagnostics;
using SupplyGrid.Grains.Policies;
using SupplyGrid.Grains.Ports;
using Orleans;
using Orleans.Runtime;
using SupplyGrid.Grains.Events;
using SupplyGrid.Grains.Streams;

namespace SupplyGrid.Grains.Cells;

/// <summary>
/// One H3 cell: drivers present, bookings in the window, forecasts, smoothing with the neighbours, status and surge,
/// recomputed on a timer; reposition planning when in deficit (CellGrain.Reposition.cs); queries (CellGrain.Queries.cs).
/// </summary>
[ImplicitStreamSubscription(Topics.BookingCreated)]
public sealed partial class CellGrain : Grain, ICellGrain
{
    private readonly IPersistentState<CellState> _state;
    private readonly CityDirectory _cities;
    private readonly DriverOptions _driverOptions;
    private readonly IAnalyticsSink _analytics;
    private readonly DomainMetrics _metrics;
    private readonly ILogger<CellGrain> _logger;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, Presence> _drivers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PendingOffer> _pending = new(StringComparer.Ordinal);

    private H3Index _cell;
    private LatLng _centre;
    private CityContext _city = null!;
    private ICityGrain _cityGrain = null!;
    private DemandWindow _demand = null!;
    private Neighbour[] _neighbours = [];
    private List<EventInfluence>? _events;
    private SurgeState _surge = SurgeState.Initial;
    private CellSnapshot? _snapshot;
    private double _expectedDemand;
    private IGrainTimer? _timer;

    private ForecastSlot _slot;
    private bool _slotComplete;
    private int _slotBookings;
    private double _slotSupplySum;
    private int _slotSupplySamples;

    private double _pushedSupply;
    private double _pushedDemand;
    private DateTimeOffset _pushedAt;
    private long _analyticsMinute;
    private int _poolSkip;

    public CellGrain(
        [PersistentState("cell")] IPersistentState<CellState> state,
        CityDirectory cities,
        IOptions<DriverOptions> driverOptions,
        IAnalyticsSink analytics,
        DomainMetrics metrics,
        [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time,
        ILogger<CellGrain> logger)
    {
        _time = time;
        _state = state;
        _cities = cities;
        _driverOptions = driverOptions.Value;
        _analytics = analytics;
        _metrics = metrics;
        _logger = logger;
    }

    private DateTimeOffset Now => _time.GetUtcNow();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        if (!H3Index.TryParse(key, out _cell) || !H3.IsValidCell(_cell) || key != _cell.ToString())
            throw new InvalidOperationException($"Cell grain key '{key}' is not an H3 cell index in lowercase hexadecimal.");
        _city = _cities.FindForCell(_cell)
            ?? throw new InvalidOperationException($"Cell {key} is in no configured city at the city's resolution.");
        _cityGrain = GrainFactory.GetGrain<ICityGrain>(_city.Id);
        _centre = H3.CellToLatLng(_cell);
        _demand = new DemandWindow(_city.Cells.DemandWindow);
        _neighbours = FindNeighbours();
        var now = Now;
        _slot = ForecastSlot.FromInstant(now, _city.TimeZone);
        // The message that activated the cell is the slot's first if the slot has only just begun: nothing was missed.
        var intoSlot = TimeZoneInfo.ConvertTime(now, _city.TimeZone).TimeOfDay.Ticks % ForecastSlot.Length.Ticks;
        var quietUntilNow = LearnQuietSlots(now);
        _slotComplete = quietUntilNow || intoSlot < _city.Cells.TickInterval.Ticks;
        var interval = _city.Cells.TickInterval;
        _timer = this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(TickPhase.FirstDue(_cell, interval), interval));
        await this.SubscribeOwnStreamAsync<BookingCreated>(Topics.BookingCreated, booking => BookingCreated(new CellBooking(booking.BookingId, booking.Ts)));
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Neighbours keep smoothing with what they last heard: tell them this cell is gone. Not when the silo shuts
        // down: its grains all go, and one-way calls to them would only fail against the stopping silo.
        if (reason.ReasonCode != DeactivationReasonCode.ShuttingDown)
        {
            if (_pushedSupply > 0 || _pushedDemand > 0)
                Push(new NeighbourFigures(_cell, 0, 0, Now));
            if (_snapshot is not null)
                _ = _cityGrain.CellRetired(_snapshot.Cell); // one-way
        }
        await FallQuietAsync(reason);
    }

    public Task DriverPresent(DriverPresence presence)
    {
        _drivers[presence.DriverId] = new Presence(presence, Now.UtcTicks);
        return Task.CompletedTask;
    }

    public Task DriverLeft(string driverId)
    {
        _drivers.Remove(driverId);
        return Task.CompletedTask;
    }

    public Task BookingCreated(CellBooking booking)
    {
        var now = Now;
        if (_demand.Add(booking.BookingId, booking.CreatedAt, now) && ForecastSlot.FromInstant(booking.CreatedAt, _city.TimeZone) == _slot)
            _slotBookings++;
        return Task.CompletedTask;
    }

    public Task NeighbourChanged(NeighbourFigures figures)
    {
        foreach (var neighbour in _neighbours)
        {
            if (neighbour.Cell == figures.Cell)
            {
                neighbour.Supply = figures.Supply;
                neighbour.Demand = figures.Demand;
                neighbour.HeardAt = Now;
                break;
            }
        }

        return Task.CompletedTask;
    }

    public Task ApplyEvent(EventInfluence influence)
    {
        ArgumentNullException.ThrowIfNull(influence);
        var events = _events ??= [];
        events.RemoveAll(e => e.CampaignId == influence.CampaignId);
        events.Add(influence);
        return Task.CompletedTask;
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var now = Now;
        var (snapshot, assessment) = Recompute(now);
        await CloseSlotIfDueAsync(now);
        var heardNeighbours = _heardNeighbours;
        _heardNeighbours = true;
        if (heardNeighbours && _city.Planner.ShouldPlan(assessment) && now.UtcTicks >= _nextPlanTicks)
        {
            try
            {
                await RepositionAsync(snapshot, now, started, send: true);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogWarning(ex, "Reposition planning of cell {Cell} failed", snapshot.Cell);
            }
        }

        _metrics.CellTick(_time.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>Counts, forecasts, smooths, classifies and sets the surge; publishes the snapshot to the city and neighbours.</summary>
    private (CellSnapshot Snapshot, ImbalanceAssessment Assessment) Recompute(DateTimeOffset now)
    {
        var nowTicks = now.UtcTicks;
        var presenceTimeout = _city.Cells.PresenceTimeout.Ticks;
        foreach (var (id, presence) in _drivers)
        {
            if (nowTicks - presence.HeardTicks > presenceTimeout)
                _drivers.Remove(id);
        }

        ExpirePending(nowTicks);
        _demand.Advance(now);
        var drivers = _drivers.Count;
        var forecast = ForecastNextWindow(now);
        var (eventDemand, eventMultiplier) = EventEffects(now);
        _expectedDemand = _demand.Count + forecast + eventDemand;
        _slotSupplySum += drivers;
        _slotSupplySamples++;

        Span<NeighbourSample> samples = stackalloc NeighbourSample[_neighbours.Length];
        var used = 0;
        var staleBefore = now - _city.Cells.NeighbourStaleAfter;
        foreach (var neighbour in _neighbours)
        {
            if (neighbour.HeardAt >= staleBefore && (neighbour.Supply > 0 || neighbour.Demand > 0))
                samples[used++] = new NeighbourSample(neighbour.DistanceKm, neighbour.Supply, neighbour.Demand);
        }

        var smoothed = _city.Smoother.Smooth(drivers, _expectedDemand, samples[..used]);
        var assessment = _city.Imbalance.Assess(smoothed.Supply, smoothed.Demand);
        var surge = _city.Surge.Next(_surge, new SurgeInputs(smoothed.Demand, smoothed.Supply, eventMultiplier), now);
        _surge = surge.State;

        var snapshot = new CellSnapshot(_city.Id, _cell.ToString(), _centre, now, drivers, _demand.Count, forecast, eventDemand,
            _expectedDemand, smoothed.Supply, smoothed.Demand, assessment.Ratio, assessment.Status, assessment.IsQuiet, _surge.Multiplier,
            _city.Imbalance.SpareDrivers(drivers, _expectedDemand), PendingArrivals(), DemandForecaster.MeanAbsolutePercentageError(_state.State.Demand));
        _snapshot = snapshot;
        _cityGrain.CellUpdated(snapshot);
        PushIfChanged(drivers, _expectedDemand, now);
        var minute = nowTicks / TimeSpan.TicksPerMinute;
        if (minute != _analyticsMinute)
        {
            _analyticsMinute = minute;
            _analytics.CellMinute(snapshot);
        }

        return (snapshot, assessment);
    }

    /// <summary>The forecast for the window after now, scaled from 15-minute slots to the window's length.</summary>
    private double ForecastNextWindow(DateTimeOffset now)
    {
        var weight = _city.Cells.ForecastWeight;
        if (weight == 0)
            return 0;
        var slot = ForecastSlot.FromInstant(now, _city.TimeZone);
        var expected = _city.Forecaster.Predict(_state.State.Demand, slot.Next()).Expected;
        return weight * expected * (_city.Cells.DemandWindow / ForecastSlot.Length);
    }

    /// <summary>When a 15-minute slot has closed, teaches the forecasts what it saw (only a slot the cell saw whole).</summary>
    private async Task CloseSlotIfDueAsync(DateTimeOffset now)
    {
        var slot = ForecastSlot.FromInstant(now, _city.TimeZone);
        if (slot == _slot)
            return;
        if (_slotComplete)
        {
            ObserveSlot(_state.State, _slot, _slotBookings, MeanSlotSupply());
            try
            {
                await _state.WriteStateAsync();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogWarning(ex, "Saving the forecast of cell {Cell} failed", _cell);
            }
        }

        // The slot after a skipped one (the timer stalled past a whole slot) is not seen whole either.
        _slotComplete = slot == _slot.Next();
        _slot = slot;
        _slotBookings = 0;
        _slotSupplySum = 0;
        _slotSupplySamples = 0;
    }

    private (double Demand, double Multiplier) EventEffects(DateTimeOffset now)
    {
        if (_events is null)
            return (0, 1);
        _events.RemoveAll(e => e.EndsAt < now);
        double demand = 0, multiplier = 1;
        foreach (var influence in _events)
        {
            if (now >= influence.PrepositionFrom)
                demand += influence.ExtraDemand;
            if (now >= influence.StartsAt)
                multiplier = Math.Max(multiplier, influence.SurgeMultiplier);
        }

        return (demand, multiplier);
    }

    /// <summary>The campaign funding offers into this cell: a running event's, else the city's pool.</summary>
    private string FundingCampaign(DateTimeOffset now)
    {
        if (_events is not null)
        {
            foreach (var influence in _events)
            {
                if (now >= influence.PrepositionFrom && now <= influence.EndsAt)
                    return influence.CampaignId;
            }
        }

        return _city.PoolCampaignFor(_cell, _poolSkip);
    }

    private void PushIfChanged(double supply, double demand, DateTimeOffset now)
    {
        var changed = supply != _pushedSupply || Math.Abs(demand - _pushedDemand) > 1e-9;
        var since = now - _pushedAt;
        var refresh = (supply > 0 || demand > 0) && since >= _city.Cells.NeighbourRefresh;
        if ((changed && since >= _city.Cells.NeighbourPushInterval) || refresh)
            Push(new NeighbourFigures(_cell, supply, demand, now));
    }

    private void Push(NeighbourFigures figures)
    {
        _pushedSupply = figures.Supply;
        _pushedDemand = figures.Demand;
        _pushedAt = figures.At;
        foreach (var neighbour in _neighbours)
            neighbour.Grain.NeighbourChanged(figures);
    }

    /// <summary>Cells whose centres lie within the neighbour radius (smoothing and the first candidate search).</summary>
    private Neighbour[] FindNeighbours()
    {
        var radius = _city.NeighbourRadiusKm;
        var ring = H3.GridDisk(_cell, 1);
        var spacing = double.MaxValue;
        foreach (var cell in ring)
        {
            if (cell != _cell)
                spacing = Math.Min(spacing, H3.GreatCircleDistanceKm(_centre, H3.CellToLatLng(cell)));
        }

        // Ring k is at least k x spacing x cos 30° away, so this k reaches every cell within the radius.
        var k = (int)Math.Ceiling(radius / (spacing * Math.Sqrt(3) / 2));
        var neighbours = new List<Neighbour>();
        foreach (var cell in H3.GridDisk(_cell, k))
        {
            if (cell == _cell)
                continue;
            var km = H3.GreatCircleDistanceKm(_centre, H3.CellToLatLng(cell));
            if (km <= radius && _cities.FindForCell(cell) == _city)
                neighbours.Add(new Neighbour(cell, GrainFactory.GetGrain<ICellGrain>(cell.ToString()), km));
        }

        return neighbours.ToArray();
    }

    private readonly record struct Presence(DriverPresence Info, long HeardTicks);

    /// <summary>A neighbouring cell and the figures it last pushed.</summary>
    private sealed class Neighbour(H3Index cell, ICellGrain grain, double distanceKm)
    {
        public H3Index Cell { get; } = cell;

        public ICellGrain Grain { get; } = grain;

        public double DistanceKm { get; } = distanceKm;

        public double Supply { get; set; }

        public double Demand { get; set; }

        public DateTimeOffset HeardAt { get; set; }
    }
}
