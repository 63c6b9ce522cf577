using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupplyGrid.Geo;
using SupplyGrid.Grains.Configuration;
using SupplyGrid.Grains.Diagnostics;
using SupplyGrid.Grains.Events;
using SupplyGrid.Grains.Ports;
using Orleans;
using Orleans.Runtime;
using SupplyGrid.Grains.Streams;

namespace SupplyGrid.Grains.Drivers;

/// <summary>
/// One driver: position, status, cell, today's figures, offers. The ping path (<see cref="OnNextAsync(DriverEvent)"/>)
/// allocates nothing unless the driver changes cell or availability, or an offer moves on. Split by concern:
/// pings and presence here, jobs/trips/performance, offers, and advice in the other parts.
/// </summary>
[ImplicitStreamSubscription(Topics.DriverEvent)]
[ImplicitStreamSubscription(Topics.DispatchJob)]
[ImplicitStreamSubscription(Topics.UploadTrip)]
[ImplicitStreamSubscription(Topics.DriverRealPerformance)]
[ImplicitStreamSubscription(Topics.MessageReply)]
public sealed partial class DriverGrain : Grain, IDriverGrain
{
    private static readonly long DefaultPresenceTimeoutTicks = TimeSpan.FromMinutes(5).Ticks;

    private readonly IPersistentState<DriverState> _state;
    private readonly CityDirectory _cities;
    private readonly DriverOptions _options;
    private readonly IMdtOutbox _outbox;
    private readonly IAnalyticsSink _analytics;
    private readonly DomainMetrics _metrics;
    private readonly ILogger<DriverGrain> _logger;
    private readonly TimeProvider _time;
    private readonly string _id;

    private CityContext? _city;
    private PositionJudge _position;
    private long _lastPingTicks;
    private DriverStatus _status = DriverStatus.Offline;
    private string? _vehicleId;
    private H3Index _cell;
    private long _cellSinceTicks;
    private ICellGrain? _presentIn;
    private H3Index _presentCell;
    private long _presenceSentTicks;
    private long _dayEndsTicks;

    public DriverGrain(
        [PersistentState("driver")] IPersistentState<DriverState> state,
        CityDirectory cities,
        IOptions<DriverOptions> options,
        IMdtOutbox outbox,
        IAnalyticsSink analytics,
        DomainMetrics metrics,
        [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time,
        ILogger<DriverGrain> logger)
    {
        _time = time;
        _state = state;
        _cities = cities;
        _options = options.Value;
        _outbox = outbox;
        _analytics = analytics;
        _metrics = metrics;
        _logger = logger;
        _id = this.GetPrimaryKeyString();
    }

    private DriverState State => _state.State;

    private DateTimeOffset Now => _time.GetUtcNow();

    private long PresenceTimeoutTicks => _city?.Cells.PresenceTimeout.Ticks ?? DefaultPresenceTimeoutTicks;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _offers = new DriverOffers(State, _options.OfferHistory);
        // An ending still unconfirmed at activation was cut short by a crash (or its retry died with the last
        // activation): confirm it at once, so the driver is told of a payment as soon as the grain is back.
        var unconfirmed = _offers.HasUnconfirmed;
        if (_offers.Live is not null || unconfirmed)
            ArmOfferTimer(Now, retryNow: unconfirmed);
        await this.SubscribeOwnStreamAsync<DriverEvent>(Topics.DriverEvent, OnNextAsync);
        await this.SubscribeOwnStreamAsync<DispatchJob>(Topics.DispatchJob, OnNextAsync);
        await this.SubscribeOwnStreamAsync<UploadTrip>(Topics.UploadTrip, OnNextAsync);
        await this.SubscribeOwnStreamAsync<DriverRealPerformance>(Topics.DriverRealPerformance, OnNextAsync);
        await this.SubscribeOwnStreamAsync<MessageReply>(Topics.MessageReply, OnNextAsync);
    }

    public Task OnNextAsync(DriverEvent ping)
    {
        var ticks = ping.Ts.UtcTicks;
        if (ticks <= _lastPingTicks)
        {
            // Replays and out-of-order pings: the newer ping already said where the driver is.
            _metrics.Ignored("stale_ping");
            return Task.CompletedTask;
        }

        AccountOnlineTime(ticks);
        _lastPingTicks = ticks;
        _status = ping.Status;
        // Each ping carries its own copy of the id: keep the one held unless it changed, so the hot path does not
        // write a fresh reference into a long-lived grain (that would make every young-generation GC scan it).
        if (ping.VehicleId is not null && !string.Equals(ping.VehicleId, _vehicleId, StringComparison.Ordinal))
            _vehicleId = ping.VehicleId;

        var verdict = _position.Judge(ping.Lat, ping.Lng, ticks, _options.MaxPlausibleSpeedKmh, _options.SuspectRecoveryPings);
        if (verdict == PositionVerdict.Suspect)
            _metrics.Ignored("suspect_position");
        else
            MoveTo(ping.Lat, ping.Lng, ticks);

        if (ticks >= _dayEndsTicks)
            RollDay(ping.Ts);
        TrackJob(ticks);
        SyncPresence(ticks);
        return _offers.Live is null ? Task.CompletedTask : FollowLiveOfferAsync(ping.Ts, verdict);
    }

    /// <summary>Counted as supply: available, no job, trusted position in a city, a vehicle, and a fresh ping.</summary>
    private bool IsAvailableAt(long nowTicks) =>
        _status == DriverStatus.Available && _jobId is null && _position.HasTrusted && !_position.IsSuspect
        && _city is not null && _cell != default && _vehicleId is not null && nowTicks - _lastPingTicks <= PresenceTimeoutTicks;

    private void MoveTo(double lat, double lng, long ticks)
    {
        var city = _city is not null && _city.Contains(lat, lng) ? _city : _cities.Find(lat, lng);
        if (!ReferenceEquals(city, _city))
        {
            _city = city;
            _dayEndsTicks = 0;
        }

        var cell = city is null ? default : H3.LatLngToCell(lat, lng, city.Resolution);
        // Near the city's edge a cell's centre can lie outside it: no cell grain owns that cell, so the driver is in none.
        if (cell != _cell && cell != default && !ReferenceEquals(_cities.FindForCell(cell), city))
            cell = default;
        if (cell != _cell)
        {
            RememberTimeIn(_cell, ticks - _cellSinceTicks);
            _cell = cell;
            _cellSinceTicks = ticks;
        }
    }

    /// <summary>Online minutes: the gap between two pings counts when the driver was not offline and the gap is not a silence.</summary>
    private void AccountOnlineTime(long ticks)
    {
        if (_lastPingTicks == 0 || _status == DriverStatus.Offline)
            return;
        var gap = ticks - _lastPingTicks;
        if (gap <= PresenceTimeoutTicks)
            State.Today.OnlineMinutes += gap / (double)TimeSpan.TicksPerMinute;
    }

    /// <summary>Tells the cells when the driver becomes or stops being supply there, and refreshes the cell's view once a minute.</summary>
    private void SyncPresence(long ticks)
    {
        if (IsAvailableAt(ticks))
        {
            if (_presentCell != _cell)
            {
                _presentIn?.DriverLeft(_id);
                _presentCell = _cell;
                _presentIn = GrainFactory.GetGrain<ICellGrain>(_cell.ToString());
                SendPresence(ticks);
            }
            else if (ticks - _presenceSentTicks >= _options.PresenceRefresh.Ticks)
            {
                SendPresence(ticks);
            }
        }
        else if (_presentIn is not null)
        {
            _presentIn.DriverLeft(_id);
            _presentIn = null;
            _presentCell = default;
        }
    }

    private void SendPresence(long ticks)
    {
        if (_presentIn is null)
            return;
        _presenceSentTicks = ticks;
        _presentIn.DriverPresent(new DriverPresence(_id, new LatLng(_position.Lat, _position.Lng),
            new DateTimeOffset(_lastPingTicks, TimeSpan.Zero), Performance(), IncentivesToday(), _offers.Live is not null));
    }

    private DriverPerformance Performance()
    {
        var s = State;
        return new DriverPerformance(s.AcceptanceRate ?? _options.NewDriverAcceptanceRate, s.CancellationRate,
            s.Rating ?? _options.NewDriverRating, s.CompletedTrips, s.OffersSeen, s.OffersAccepted);
    }

    /// <summary>Paid today plus the live offer's reservation: what counts against the daily cap.</summary>
    private decimal IncentivesToday() => State.Today.IncentivesPaid + (_offers.Live is { } live && live.Day == State.Today.Day ? live.Amount : 0m);

    /// <summary>Starts a new local day when <paramref name="at"/> is past the current one (never goes back).</summary>
    private void RollDay(DateTimeOffset at)
    {
        if (_city is null)
            return;
        var local = TimeZoneInfo.ConvertTime(at, _city.TimeZone);
        var day = DateOnly.FromDateTime(local.DateTime);
        if (day > State.Today.Day)
            State.Today = new DriverDayRecord { Day = day };
        var midnight = local.Date.AddDays(1);
        _dayEndsTicks = new DateTimeOffset(midnight, _city.TimeZone.GetUtcOffset(midnight)).UtcTicks;
    }

    private void RememberTimeIn(H3Index cell, long ticks)
    {
        if (cell == default || ticks <= 0 || ticks > PresenceTimeoutTicks * 24)
            return;
        const int maxCells = 4;
        var usual = State.UsualCells ??= new List<UsualCell>(maxCells);
        var minutes = ticks / (double)TimeSpan.TicksPerMinute;
        foreach (var entry in usual)
        {
            if (entry.Cell == cell.Value)
            {
                entry.Minutes += minutes;
                return;
            }
        }

        if (usual.Count < maxCells)
        {
            usual.Add(new UsualCell { Cell = cell.Value, Minutes = minutes });
            return;
        }

        // Replace the least-used cell, but only once the new one has earned it, so brief visits do not churn the list.
        var least = usual[0];
        foreach (var entry in usual)
        {
            if (entry.Minutes < least.Minutes)
                least = entry;
        }

        least.Minutes -= minutes;
        if (least.Minutes <= 0)
        {
            least.Cell = cell.Value;
            least.Minutes = -least.Minutes;
        }
    }
}
