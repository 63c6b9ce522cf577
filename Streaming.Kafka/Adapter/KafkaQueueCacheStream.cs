using Orleans.Runtime;

namespace SupplyGrid.Streaming.Kafka;

/// <summary>
/// The index of one stream in a <see cref="KafkaQueueCache"/>: its cached records in offset order and its live
/// cursors. Records get ordinals (0 for the stream's first record ever added, then 1, 2, ...) that do not change when
/// older records are purged, so a cursor can remember where it is by ordinal and find its next record in O(1).
/// </summary>
internal sealed class KafkaQueueCacheStream(StreamId streamId)
{
    // A ring buffer: purges remove from the front, adds append at the back. Most streams hold one or two records.
    private KafkaQueueCacheItem[] _items = new KafkaQueueCacheItem[2];
    private int _head;
    private readonly List<KafkaQueueCacheCursor> _cursors = new(1);

    public StreamId StreamId { get; } = streamId;

    /// <summary>Records of this stream in the cache.</summary>
    public int Count { get; private set; }

    /// <summary>The ordinal of the oldest cached record (the next one added when none is cached).</summary>
    public long FirstOrdinal { get; private set; }

    /// <summary>A cursor was created for this stream while it was indexed (see <see cref="KafkaQueueCache"/>'s purge).</summary>
    public bool HadCursor { get; private set; }

    /// <summary>Neither records nor cursors: the cache may forget the stream.</summary>
    public bool IsIdle => Count == 0 && _cursors.Count == 0;

    public void Add(KafkaQueueCacheItem item)
    {
        if (Count == _items.Length)
        {
            var grown = new KafkaQueueCacheItem[_items.Length * 2];
            for (var i = 0; i < Count; i++)
                grown[i] = _items[(_head + i) % _items.Length];
            _items = grown;
            _head = 0;
        }

        _items[(_head + Count) % _items.Length] = item;
        Count++;
    }

    /// <summary>The record <paramref name="index"/> places after the oldest cached one.</summary>
    public KafkaQueueCacheItem ItemAt(int index) => _items[(_head + index) % _items.Length];

    /// <summary>Drops the oldest record (the cache purges in offset order, so it is always this stream's oldest).</summary>
    public void RemoveFirst()
    {
        _items[_head] = null!;
        _head = (_head + 1) % _items.Length;
        Count--;
        FirstOrdinal++;
    }

    public void AddCursor(KafkaQueueCacheCursor cursor)
    {
        _cursors.Add(cursor);
        HadCursor = true;
    }

    public void RemoveCursor(KafkaQueueCacheCursor cursor) => _cursors.Remove(cursor);

    /// <summary>The lowest offset a live cursor of this stream still needs (<see cref="long.MaxValue"/> when none does).</summary>
    public long HeldFrom()
    {
        var held = long.MaxValue;
        foreach (var cursor in _cursors)
            held = Math.Min(held, cursor.HeldFrom);
        return held;
    }
}
