namespace SupplyGrid.Grains.Cells;

/// <summary>
/// Bookings of a cell over a sliding window in 1-minute buckets, counted once per booking id: a booking replayed while
/// it is inside the window is recognised by its id, and one replayed after it left the window is too old to count.
/// </summary>
internal sealed class DemandWindow
{
    private readonly int[] _buckets;
    private readonly Dictionary<string, long> _seen = new(StringComparer.Ordinal);
    private long _latestMinute;

    public DemandWindow(TimeSpan window)
    {
        _buckets = new int[(int)(window.Ticks / TimeSpan.TicksPerMinute)];
    }

    /// <summary>Bookings inside the window as of the last <see cref="Advance"/> or <see cref="Add"/>.</summary>
    public int Count { get; private set; }

    /// <summary>Counts the booking if it is new and inside the window ending at <paramref name="now"/>; true when counted.</summary>
    public bool Add(string bookingId, DateTimeOffset createdAt, DateTimeOffset now)
    {
        Advance(now);
        var minute = Math.Min(createdAt.UtcTicks, now.UtcTicks) / TimeSpan.TicksPerMinute;
        if (minute <= _latestMinute - _buckets.Length || !_seen.TryAdd(bookingId, minute))
            return false;
        _buckets[minute % _buckets.Length]++;
        Count++;
        return true;
    }

    /// <summary>Slides the window to <paramref name="now"/>, forgetting the minutes (and booking ids) that left it.</summary>
    public void Advance(DateTimeOffset now)
    {
        var minute = now.UtcTicks / TimeSpan.TicksPerMinute;
        if (minute <= _latestMinute)
            return;
        var steps = Math.Min(minute - _latestMinute, _buckets.Length);
        for (var m = minute - steps + 1; m <= minute; m++)
        {
            ref var bucket = ref _buckets[m % _buckets.Length];
            Count -= bucket;
            bucket = 0;
        }

        _latestMinute = minute;
        if (_seen.Count > 0)
        {
            var oldest = minute - _buckets.Length;
            foreach (var (id, seenMinute) in _seen)
            {
                if (seenMinute <= oldest)
                    _seen.Remove(id);
            }
        }
    }
}
