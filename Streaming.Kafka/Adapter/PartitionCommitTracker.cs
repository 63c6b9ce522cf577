namespace SupplyGrid.Streaming.Kafka;

/// <summary>
/// Where a partition's offset may be committed: below the oldest record still in the stream cache, or past everything
/// read once the cache holds none. Orleans' SimpleQueueCache lets go of records oldest first (only buckets no cursor
/// points into), so purged records are always a prefix of those cached; skipped records never enter the cache and are
/// covered as soon as every record before them is. Not thread-safe: a pulling agent calls its receiver one call at a time.
/// </summary>
internal sealed class PartitionCommitTracker
{
    // Offsets handed to the cache and not yet purged, ascending (Kafka offsets only grow within a partition).
    private readonly Queue<long> _cached = new();
    private long _next = -1;

    /// <summary>Records still held by the cache.</summary>
    public int CachedCount => _cached.Count;

    /// <summary>A record was read at <paramref name="offset"/>; <paramref name="cached"/> is false when it was skipped.</summary>
    public void OnRead(long offset, bool cached)
    {
        if (cached)
            _cached.Enqueue(offset);
        _next = offset + 1;
    }

    /// <summary>
    /// The cache let go of records up to <paramref name="highestPurgedOffset"/>. Everything older goes too: the cache
    /// purges in order, and leaves out of its report the records whose delivery failed.
    /// </summary>
    public void OnPurged(long highestPurgedOffset)
    {
        while (_cached.Count > 0 && _cached.Peek() <= highestPurgedOffset)
            _cached.Dequeue();
    }

    /// <summary>The offset to commit (the next one to read after a restart); false before anything was read.</summary>
    public bool TryGetCommitPosition(out long offset)
    {
        offset = _cached.Count > 0 ? _cached.Peek() : _next;
        return offset >= 0;
    }
}
