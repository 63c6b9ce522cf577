using SupplyGrid.Geo;

namespace SupplyGrid.Simulator;

/// <summary>
/// Generated demand: a Poisson process per source whose rate is constant within each minute. Sources are the zones
/// and "elsewhere" (rates by local hour, scaled so the day averages <see cref="DemandOptions.BookingsPerHour"/>), and
/// for each venue its event arrivals and departures (<see cref="VenueSchedule"/>). The merged process draws
/// exponential gaps at the minute's total rate and gives each booking to a source in proportion to the rates.
/// </summary>
public sealed class PoissonDemand : IDemandSource
{
    private const string ElsewhereSource = "elsewhere";
    private const int MaxEmptyMinutes = 8 * 24 * 60;

    private readonly CityMap _city;
    private readonly DemandOptions _options;
    private readonly DestinationModel _destinations;
    private readonly double _bookingsPerWeightUnit;
    private readonly string[] _arrivalSources;
    private readonly string[] _departureSources;
    private readonly double[] _zonePickupWeights;

    // Per-minute rates (bookings per minute) of every source: zones, elsewhere, then per venue arrivals, departures.
    private readonly double[] _minuteRates;
    private SimRandom? _random;
    private long _minuteStartTicks = long.MinValue;
    private long _cursorTicks;
    private double _minuteTotal;
    private int _minuteLocalHour;
    private DemandArrival _next;
    private bool _hasNext;

    public PoissonDemand(CityMap city, DemandOptions options)
    {
        ArgumentNullException.ThrowIfNull(city);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _city = city;
        _options = options with { };
        _destinations = new DestinationModel(city, _options);
        double meanWeight = city.BackgroundPickups.Mean + city.Zones.Sum(z => z.Pickups.Mean);
        _bookingsPerWeightUnit = meanWeight > 0 ? _options.BookingsPerHour / meanWeight : 0;
        _arrivalSources = [.. city.Venues.Select(v => v.Name + " (arrivals)")];
        _departureSources = [.. city.Venues.Select(v => v.Name + " (departures)")];
        _zonePickupWeights = new double[city.Zones.Count + 1];
        var hourly = new double[HourlyProfile.Hours];
        for (int h = 0; h < hourly.Length; h++)
            hourly[h] = city.BackgroundPickups[h] + city.Zones.Sum(z => z.Pickups[h]);
        double day = hourly.Sum();
        HourlyShares = day > 0 ? Array.ConvertAll(hourly, w => w / day) : [.. Enumerable.Repeat(1.0 / HourlyProfile.Hours, HourlyProfile.Hours)];
        _minuteRates = new double[city.Zones.Count + 1 + 2 * city.Venues.Count];
    }

    /// <summary>The zones' and elsewhere's pickup weights by local hour, as shares of the day (events left out).</summary>
    public IReadOnlyList<double> HourlyShares { get; }

    /// <summary>
    /// The configured rate of a zone (by name) or of "elsewhere" in a local hour, bookings per hour; events add to it.
    /// </summary>
    public double RatePerHour(string source, int localHour)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(localHour);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(localHour, HourlyProfile.Hours);
        if (source == ElsewhereSource)
            return _city.BackgroundPickups[localHour] * _bookingsPerWeightUnit;
        foreach (var zone in _city.Zones)
        {
            if (zone.Name == source)
                return zone.Pickups[localHour] * _bookingsPerWeightUnit;
        }
        throw new ArgumentException($"'{source}' is neither a zone of {_city.Name} nor '{ElsewhereSource}'.", nameof(source));
    }

    public void Start(DateTimeOffset start, SimRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (_random is not null)
            throw new InvalidOperationException("This demand source has already been started; create one per run.");
        _random = random;
        _cursorTicks = start.UtcTicks;
        LoadMinute(start.UtcTicks - start.UtcTicks % TimeSpan.TicksPerMinute);
        Advance();
    }

    public long NextTicks => _hasNext ? _next.Time.UtcTicks : long.MaxValue;

    public DemandArrival Take()
    {
        if (!_hasNext)
            throw new InvalidOperationException("No more bookings: check NextTicks first.");
        var taken = _next;
        Advance();
        return taken;
    }

    public LatLng SampleDriverHome(SimRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        for (int i = 0; i < _city.Zones.Count; i++)
            _zonePickupWeights[i] = _city.Zones[i].Pickups.Mean;
        _zonePickupWeights[_city.Zones.Count] = _city.BackgroundPickups.Mean;
        int chosen = random.Pick(_zonePickupWeights);
        return chosen < 0 || chosen == _city.Zones.Count
            ? _city.Land.RandomPoint(random)
            : PlaceSampler.Around(_city.Zones[chosen].Centre, _city.Zones[chosen].RadiusKm, _city.Land, random);
    }

    private void Advance()
    {
        var random = _random ?? throw new InvalidOperationException("Start the demand source first.");
        long minuteEnd = _minuteStartTicks + TimeSpan.TicksPerMinute;
        int emptyMinutes = 0;
        while (true)
        {
            if (_minuteTotal > 0)
            {
                double gapTicks = random.Exponential(TimeSpan.TicksPerMinute / _minuteTotal);
                if (_cursorTicks + gapTicks < minuteEnd)
                {
                    _cursorTicks += (long)gapTicks;
                    _next = Create(_cursorTicks, random);
                    _hasNext = true;
                    return;
                }
                emptyMinutes = 0;
            }
            else if (++emptyMinutes > MaxEmptyMinutes)
            {
                _hasNext = false;
                return;
            }
            // Memorylessness: restarting the draw at the minute boundary with the next minute's rate is exact.
            _cursorTicks = minuteEnd;
            LoadMinute(minuteEnd);
            minuteEnd += TimeSpan.TicksPerMinute;
        }
    }

    private void LoadMinute(long minuteStartTicks)
    {
        _minuteStartTicks = minuteStartTicks;
        var utc = new DateTimeOffset(minuteStartTicks, TimeSpan.Zero);
        var local = TimeZoneInfo.ConvertTime(utc, _city.TimeZone).DateTime;
        _minuteLocalHour = local.Hour;
        var zones = _city.Zones;
        double perMinute = _bookingsPerWeightUnit / 60;
        for (int i = 0; i < zones.Count; i++)
            _minuteRates[i] = zones[i].Pickups[_minuteLocalHour] * perMinute;
        _minuteRates[zones.Count] = _city.BackgroundPickups[_minuteLocalHour] * perMinute;
        int venueBase = zones.Count + 1;
        var localEnd = local.AddMinutes(1);
        for (int v = 0; v < _city.Venues.Count; v++)
        {
            var venue = _city.Venues[v];
            _minuteRates[venueBase + 2 * v] = _options.EventBookings * _options.EventArrivalShare * VenueSchedule.ArrivalShare(venue, local, localEnd);
            _minuteRates[venueBase + 2 * v + 1] = _options.EventBookings * VenueSchedule.DepartureShare(venue, local, localEnd);
        }
        double total = 0;
        foreach (double rate in _minuteRates)
            total += rate;
        _minuteTotal = total;
    }

    private DemandArrival Create(long ticks, SimRandom random)
    {
        int source = random.Pick(_minuteRates);
        var zones = _city.Zones;
        var time = new DateTimeOffset(ticks, TimeSpan.Zero);
        if (source < zones.Count)
        {
            var pickup = PlaceSampler.Around(zones[source].Centre, zones[source].RadiusKm, _city.Land, random);
            return new DemandArrival(time, pickup, _destinations.Choose(pickup, _minuteLocalHour, random), zones[source].Name);
        }
        if (source == zones.Count)
        {
            var pickup = _city.Land.RandomPoint(random);
            return new DemandArrival(time, pickup, _destinations.Choose(pickup, _minuteLocalHour, random), ElsewhereSource);
        }
        int venueIndex = (source - zones.Count - 1) / 2;
        var venue = _city.Venues[venueIndex];
        var atVenue = PlaceSampler.Around(venue.Location, venue.RadiusKm, _city.Land, random);
        if ((source - zones.Count - 1) % 2 == 0)
            return new DemandArrival(time, SampleDriverHome(random), atVenue, _arrivalSources[venueIndex]);
        return new DemandArrival(time, atVenue, _destinations.Choose(atVenue, _minuteLocalHour, random), _departureSources[venueIndex]);
    }
}
