using System.Globalization;
using SupplyGrid.Geo;

namespace SupplyGrid.Simulator;

/// <summary>
/// What the readers share: counting every row into one outcome, filtering by base, date range and city bounds,
/// folding days, and sorting the kept pickups by time (ties keep file order).
/// </summary>
internal sealed class ReplayCollector
{
    private readonly CityMap _city;
    private readonly ReplayReadOptions _options;
    private readonly List<(DateTimeOffset Utc, DateTime Local, ReplayPickup Pickup)> _kept = [];
    private readonly List<string> _errors = [];
    private readonly Dictionary<string, string> _bases = new(StringComparer.Ordinal);
    private int _rows, _malformed, _outOfBounds, _otherBase, _outsideDates;

    public ReplayCollector(CityMap city, ReplayReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(city);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _city = city;
        _options = options;
    }

    public TimeZoneInfo TimeZone => _city.TimeZone;

    public void Malformed(int line, string reason)
    {
        _rows++;
        _malformed++;
        if (_errors.Count < _options.MaxReportedErrors)
            _errors.Add(string.Create(CultureInfo.InvariantCulture, $"line {line}: {reason}"));
    }

    public void Add(DateTimeOffset utc, DateTime local, LatLng pickup, LatLng? dropoff, ReadOnlySpan<char> dispatchBase)
    {
        _rows++;
        if (_options.Base is { } wanted && !dispatchBase.Equals(wanted, StringComparison.OrdinalIgnoreCase))
        {
            _otherBase++;
            return;
        }
        var date = DateOnly.FromDateTime(local);
        if (date < _options.From || date > _options.To)
        {
            _outsideDates++;
            return;
        }
        if (!_city.Land.Contains(pickup) || (dropoff is { } end && !_city.Land.Contains(end)))
        {
            _outOfBounds++;
            return;
        }
        _kept.Add((utc, local, new ReplayPickup(utc, pickup, dropoff, Intern(dispatchBase))));
    }

    public ReplayData Build()
    {
        var pickups = new ReplayPickup[_kept.Count];
        if (_options.FoldDays && _kept.Count > 0)
        {
            var onto = _options.FoldOnto ?? _kept.Min(k => DateOnly.FromDateTime(k.Local));
            var ontoDate = onto.ToDateTime(TimeOnly.MinValue);
            for (int i = 0; i < _kept.Count; i++)
            {
                var time = CityTime.ToUtc(ontoDate + _kept[i].Local.TimeOfDay, _city.TimeZone);
                pickups[i] = _kept[i].Pickup with { Time = time };
            }
        }
        else
        {
            for (int i = 0; i < _kept.Count; i++)
                pickups[i] = _kept[i].Pickup;
        }
        var order = new int[pickups.Length];
        for (int i = 0; i < order.Length; i++)
            order[i] = i;
        var keys = Array.ConvertAll(pickups, p => p.Time.UtcTicks);
        // Sorting (time, original index) pairs makes the order total, so equal times keep the file's order.
        Array.Sort(order, (a, b) => keys[a] != keys[b] ? keys[a].CompareTo(keys[b]) : a.CompareTo(b));
        var sorted = Array.ConvertAll(order, i => pickups[i]);
        var report = new ReplayReadReport(_rows, sorted.Length, _malformed, _outOfBounds, _otherBase, _outsideDates, [.. _errors]);
        return new ReplayData(sorted, report);
    }

    private string? Intern(ReadOnlySpan<char> dispatchBase)
    {
        if (dispatchBase.IsEmpty)
            return null;
        var lookup = _bases.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(dispatchBase, out var interned))
        {
            interned = dispatchBase.ToString();
            lookup[dispatchBase] = interned;
        }
        return interned;
    }
}
