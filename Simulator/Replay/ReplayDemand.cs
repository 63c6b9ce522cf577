using SupplyGrid.Geo;

namespace SupplyGrid.Simulator;

/// <summary>
/// Recorded pickups as the demand, in place of the generated one. Pickups before the engine's start are skipped.
/// When a record has no dropoff, one is drawn from the recorded pickups themselves (people are dropped where others
/// are picked up): <see cref="ReplayTripOptions.DropoffCandidates"/> recorded places are drawn at random, each
/// weighed by the log-normal density of its distance from the pickup, and one is chosen in proportion
/// (sampling-importance-resampling), then jittered. Trip durations follow from driving there (the engine's speeds).
/// </summary>
public sealed class ReplayDemand : IDemandSource
{
    public const string SourceName = "replay";

    private readonly ReplayPickup[] _pickups;
    private readonly CityMap _city;
    private readonly ReplayTripOptions _options;
    private readonly double[] _candidateWeights;
    private readonly LatLng[] _candidates;
    private long[] _times = [];
    private int[] _order = [];
    private int _cursor;
    private SimRandom? _random;

    public ReplayDemand(ReplayData data, CityMap city, ReplayTripOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(city);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (data.Pickups.Count == 0)
            throw new ArgumentException("The replay has no pickups to replay.", nameof(data));
        _pickups = [.. data.Pickups];
        for (int i = 0; i < _pickups.Length; i++)
        {
            if (!city.Land.Contains(_pickups[i].Pickup) || (_pickups[i].Dropoff is { } dropoff && !city.Land.Contains(dropoff)))
                throw new ArgumentException($"Pickup {i} ({_pickups[i].Time:O}) lies outside {city.Name}: read the replay with the same city.", nameof(data));
        }
        _city = city;
        _options = options with { };
        _candidateWeights = new double[_options.DropoffCandidates];
        _candidates = new LatLng[_options.DropoffCandidates];
        var hourly = new double[HourlyProfile.Hours];
        foreach (var pickup in _pickups)
            hourly[CityTime.ToLocal(pickup.Time, city.TimeZone).Hour]++;
        HourlyShares = Array.ConvertAll(hourly, count => count / _pickups.Length);
    }

    /// <summary>The recorded pickups' shares by local hour.</summary>
    public IReadOnlyList<double> HourlyShares { get; }

    /// <summary>Pickups before the start of the run, which were not replayed.</summary>
    public int SkippedBeforeStart { get; private set; }

    public void Start(DateTimeOffset start, SimRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (_random is not null)
            throw new InvalidOperationException("This demand source has already been started; create one per run.");
        _random = random;
        _times = new long[_pickups.Length];
        for (int i = 0; i < _pickups.Length; i++)
        {
            long ticks = _pickups[i].Time.UtcTicks;
            if (_options.SpreadWithinMinute && ticks % TimeSpan.TicksPerMinute == 0)
                ticks += (long)(random.NextDouble() * TimeSpan.TicksPerMinute);
            _times[i] = ticks;
        }
        _order = new int[_pickups.Length];
        for (int i = 0; i < _order.Length; i++)
            _order[i] = i;
        Array.Sort(_order, (a, b) => _times[a] != _times[b] ? _times[a].CompareTo(_times[b]) : a.CompareTo(b));
        long startTicks = start.UtcTicks;
        while (_cursor < _order.Length && _times[_order[_cursor]] < startTicks)
            _cursor++;
        SkippedBeforeStart = _cursor;
    }

    public long NextTicks => _random is not null && _cursor < _order.Length ? _times[_order[_cursor]] : long.MaxValue;

    public DemandArrival Take()
    {
        var random = _random ?? throw new InvalidOperationException("Start the demand source first.");
        if (_cursor >= _order.Length)
            throw new InvalidOperationException("No more bookings: check NextTicks first.");
        int index = _order[_cursor++];
        var record = _pickups[index];
        var dropoff = record.Dropoff ?? DrawDropoff(record.Pickup, random);
        return new DemandArrival(new DateTimeOffset(_times[index], TimeSpan.Zero), record.Pickup, dropoff, SourceName);
    }

    public LatLng SampleDriverHome(SimRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return RecordedPlace(random);
    }

    private LatLng DrawDropoff(LatLng pickup, SimRandom random)
    {
        double mu = Math.Log(_options.MedianTripKm), sigma = _options.TripLogSigma;
        for (int i = 0; i < _candidates.Length; i++)
        {
            _candidates[i] = RecordedPlace(random);
            double km = GeoMath.DistanceKm(pickup, _candidates[i]);
            double z = (Math.Log(Math.Max(km, 1e-6)) - mu) / sigma;
            _candidateWeights[i] = Math.Exp(-0.5 * z * z) / Math.Max(km, 1e-6);
        }
        int chosen = random.Pick(_candidateWeights);
        return _candidates[chosen < 0 ? 0 : chosen];
    }

    private LatLng RecordedPlace(SimRandom random)
    {
        var place = _pickups[random.NextInt(_pickups.Length)].Pickup;
        double radius = _options.JitterKm * Math.Sqrt(random.NextDouble());
        double angle = 2 * Math.PI * random.NextDouble();
        var jittered = GeoMath.Offset(place, radius * Math.Sin(angle), radius * Math.Cos(angle));
        return _city.Land.Contains(jittered) ? jittered : place;
    }
}
