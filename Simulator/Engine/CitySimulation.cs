using System.Collections.Concurrent;
using System.Globalization;
using SupplyGrid.Grains.Messaging;

namespace SupplyGrid.Simulator;

/// <summary>
/// A deterministic, transport-free simulation of a ride-hailing city: drivers on shifts who ping, cruise, take jobs,
/// answer offers and drive to targets; bookings from generated or replayed demand; a dispatcher; and ground-truth
/// metrics. Time moves only when the caller advances it (<see cref="AdvanceTo"/>, <see cref="Step"/>); events go to
/// an <see cref="ISimulationSink"/> in time order; MDT messages come back through <see cref="OnMdtMessage"/>. One
/// seed decides every random number, so a run repeats exactly. Not thread-safe, except <see cref="OnMdtMessage"/>.
/// </summary>
public sealed partial class CitySimulation
{
    private static readonly DateTimeOffset EarliestStart = new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LatestStart = new(2200, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly CityMap _city;
    private readonly IDemandSource _demand;
    private readonly ISimulationSink _sink;
    private readonly IDispatcher _dispatcher;
    private readonly FleetOptions _fleet;
    private readonly MovementOptions _movement;
    private readonly DispatchOptions _dispatch;
    private readonly OfferAcceptanceModel _acceptance;
    private readonly EventQueue _queue = new();
    private readonly SimDriver[] _drivers;
    private readonly Dictionary<string, int> _driverIndex;
    private readonly DriverGrid _grid;
    private readonly MetricsCollector _metrics;
    private readonly IdFactory _ids;
    private readonly CityClock _clock;
    private readonly ConcurrentQueue<MdtMessage> _inbox = new();
    private readonly DateTimeOffset _start;
    private long _now;
    private bool _advancing;

    /// <param name="city">The geography (see <see cref="Cities"/>).</param>
    /// <param name="demand">Where bookings come from; the engine starts it and owns it for the run.</param>
    /// <param name="start">When the run starts (any offset; held as UTC).</param>
    /// <param name="options">Seed, fleet, movement, dispatch and offer behaviour; validated and copied.</param>
    /// <param name="sink">Receives every event.</param>
    /// <param name="dispatcher">Chooses drivers for bookings; null: the nearest driver.</param>
    public CitySimulation(CityMap city, IDemandSource demand, DateTimeOffset start, SimulationOptions options, ISimulationSink sink, IDispatcher? dispatcher = null)
    {
        ArgumentNullException.ThrowIfNull(city);
        ArgumentNullException.ThrowIfNull(demand);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sink);
        options.Validate();
        if (start < EarliestStart || start > LatestStart)
            throw new ArgumentOutOfRangeException(nameof(start), start, $"start must be between {EarliestStart:yyyy} and {LatestStart:yyyy}.");
        _city = city;
        _demand = demand;
        _sink = sink;
        _dispatcher = dispatcher ?? NearestDriverDispatcher.Instance;
        _fleet = options.Fleet with { };
        _movement = options.Movement with { };
        _dispatch = options.Dispatch with { };
        _acceptance = new OfferAcceptanceModel(options.Offers);
        _offerReplyMin = options.Offers.ReplySecondsMin;
        _offerReplyMax = options.Offers.ReplySecondsMax;
        _start = start.ToUniversalTime();
        _now = _start.UtcTicks;
        _clock = new CityClock(city.TimeZone);
        _metrics = new MetricsCollector(_start);
        _ids = new IdFactory(options.RunId ?? DefaultRunId(city, options.Seed, _start));
        _grid = new DriverGrid(city.Bounds, _fleet.Drivers);
        _gridSlackKm = _movement.MaxStraightSpeedKmh * _movement.PingSecondsMax / 3600;

        demand.Start(_start, SimRandom.Derive(options.Seed, SimStream.Demand));
        _drivers = CreateFleet(options.Seed);
        _driverIndex = new Dictionary<string, int>(_drivers.Length, StringComparer.Ordinal);
        foreach (var driver in _drivers)
        {
            _driverIndex.Add(driver.Id, driver.Index);
            ScheduleFirstShift(driver);
        }
    }

    public CityMap City => _city;

    /// <summary>The simulated time: everything up to and including it has happened.</summary>
    public DateTimeOffset Now => new(_now, TimeSpan.Zero);

    public DateTimeOffset Start => _start;

    public int DriverCount => _drivers.Length;

    /// <summary>Advances simulated time by <paramref name="elapsed"/> (see <see cref="AdvanceTo"/>).</summary>
    public void Step(TimeSpan elapsed)
    {
        Guard.NonNegative(elapsed);
        AdvanceTo(Now + elapsed);
    }

    /// <summary>
    /// Handles the MDT messages received since the last call (at the current time), then runs every event due up to
    /// and including <paramref name="time"/> in time order, publishing what happens. Drivers whose shift covers the
    /// start come online in the first call.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="time"/> is before <see cref="Now"/>.</exception>
    public void AdvanceTo(DateTimeOffset time)
    {
        long target = time.UtcTicks;
        if (target < _now)
            throw new ArgumentOutOfRangeException(nameof(time), time, $"time must not be before the simulation's current time ({Now:O}).");
        if (_advancing)
            throw new InvalidOperationException("AdvanceTo was called from inside a step (from the sink or the dispatcher).");
        _advancing = true;
        try
        {
            // Events due now (at the start: the first shifts) come before the messages, which find drivers online.
            RunUntil(_now);
            DrainInbox();
            RunUntil(target);
            _now = target;
        }
        finally
        {
            _advancing = false;
        }
    }

    private void RunUntil(long target)
    {
        while (true)
        {
            long nextEvent = _queue.PeekTicks;
            long nextBooking = _demand.NextTicks;
            long next = Math.Min(nextEvent, nextBooking);
            if (next > target)
                return;
            _now = Math.Max(_now, next);
            if (nextBooking < nextEvent)
                HandleBooking(_demand.Take());
            else
                Handle(_queue.Pop());
        }
    }

    /// <summary>
    /// Queues an MDT message for its driver; it is handled at the start of the next <see cref="AdvanceTo"/>. Safe to
    /// call from any thread, including from the sink during a step.
    /// </summary>
    public void OnMdtMessage(MdtMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _inbox.Enqueue(message);
    }

    /// <summary>Every driver as the engine knows them now.</summary>
    public IReadOnlyList<DriverView> SnapshotDrivers()
    {
        var views = new DriverView[_drivers.Length];
        for (int i = 0; i < views.Length; i++)
        {
            var d = _drivers[i];
            views[i] = new DriverView(d.Id, d.VehicleId, d.Phase, d.Phase.ToStatus(), d.PositionAt(_now), d.TripsCompleted);
        }
        return views;
    }

    /// <summary>The metrics of the run so far.</summary>
    public SimulationResult Results()
    {
        Span<long> open = stackalloc long[Enum.GetValues<Grains.Events.DriverStatus>().Length];
        foreach (var driver in _drivers)
        {
            if (driver.Online)
                open[(int)driver.Phase.ToStatus()] += _now - driver.PhaseSinceTicks;
        }
        return _metrics.Build(_city.Id, _city.Currency, _start, Now, _city.TimeZone, open);
    }

    private DateTimeOffset NowOffset => new(_now, TimeSpan.Zero);

    private static string DefaultRunId(CityMap city, ulong seed, DateTimeOffset start)
    {
        var cityPart = new string([.. city.Id.Where(c => char.IsAsciiLetterOrDigit(c) || c == '-').Take(12)]);
        return string.Create(CultureInfo.InvariantCulture, $"{cityPart}-{seed}-{start:yyyyMMddHHmmss}");
    }

    private void Handle(in ScheduledEvent due)
    {
        switch (due.Kind)
        {
            case SimEventKind.Ping:
                OnPing(_drivers[due.Subject], due.Generation);
                break;
            case SimEventKind.RouteEnd:
                OnRouteEnd(_drivers[due.Subject], due.Generation);
                break;
            case SimEventKind.IdleEnd:
                OnIdleEnd(_drivers[due.Subject], due.Generation);
                break;
            case SimEventKind.ShiftStart:
                OnShiftStart(_drivers[due.Subject]);
                break;
            case SimEventKind.ShiftEnd:
                OnShiftEnd(_drivers[due.Subject], due.Generation);
                break;
            case SimEventKind.BreakStart:
                OnBreakStart(_drivers[due.Subject], due.Generation);
                break;
            case SimEventKind.BreakEnd:
                OnBreakEnd(_drivers[due.Subject], due.Generation);
                break;
            case SimEventKind.JobCancel:
                OnJobCancel(_drivers[due.Subject], due.Generation);
                break;
            case SimEventKind.OfferReply:
                OnOfferReply(_drivers[due.Subject], due.Generation);
                break;
            case SimEventKind.BookingExpire:
                OnBookingExpire(due.Subject, due.Generation);
                break;
            case SimEventKind.DispatchRound:
                OnDispatchRound();
                break;
            default:
                throw new InvalidOperationException($"Unknown event kind {due.Kind}.");
        }
    }

    private long After(double seconds) => _now + (long)(seconds * TimeSpan.TicksPerSecond);

    private double RoadSpeedNow() => _movement.RoadSpeedKmh(_clock.LocalHour(_now));
}
