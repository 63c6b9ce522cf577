namespace SupplyGrid.Api.History;

/// <summary>
/// One value per minute, oldest first: a later value of the same minute replaces the earlier one, a value older than
/// the newest minute is dropped (changes arrive in publication order). Not thread-safe.
/// </summary>
internal sealed class MinuteSeries<T>
    where T : struct
{
    private readonly List<(DateTimeOffset Minute, T Value)> _points = [];

    public int Count => _points.Count;

    public void Record(DateTimeOffset minute, T value)
    {
        if (_points.Count > 0)
        {
            var last = _points[^1].Minute;
            if (minute < last)
                return;
            if (minute == last)
            {
                _points[^1] = (minute, value);
                return;
            }
        }

        _points.Add((minute, value));
    }

    /// <summary>Drops the minutes before <paramref name="cutoff"/>.</summary>
    public void Prune(DateTimeOffset cutoff)
    {
        var keepFrom = 0;
        while (keepFrom < _points.Count && _points[keepFrom].Minute < cutoff)
            keepFrom++;
        if (keepFrom > 0)
            _points.RemoveRange(0, keepFrom);
    }

    /// <summary>The values of the minutes in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public T[] Between(DateTimeOffset from, DateTimeOffset to)
    {
        var result = new List<T>();
        foreach (var (minute, value) in _points)
        {
            if (minute >= to)
                break;
            if (minute >= from)
                result.Add(value);
        }

        return result.ToArray();
    }
}
