namespace SupplyGrid.Streaming.Kafka;

/// <summary>
/// Where a partition's offset may be committed: below the oldest record that is not finished, or past everything read
/// once every record is. A record is finished when the stream cache has let go of it, or, for a record that goes to
/// the dead-letter topic, when the broker has acknowledged its dead letter. A dead letter whose write failed never
/// finishes: the position stays at it for the rest of this tracker's life, so the record is read again after a
/// restart. The stream cache (<see cref="KafkaQueueCache"/>) lets go of records oldest first, so purged records are
/// always a prefix of those cached; acknowledgements may come in any order.
/// Not thread-safe: a pulling agent calls its receiver one call at a time, and the receiver hands acknowledgements over
/// on its own calls.
/// </summary>
internal sealed class PartitionCommitTracker
{
    // Offsets handed to the cache and not yet purged, ascending (Kafka offsets only grow within a partition).
    private readonly Queue<long> _cached = new();
    // Offsets whose dead letter is being written and not yet acknowledged.
    private readonly SortedSet<long> _deadLettersPending = [];
    private long _firstFailedDeadLetter = long.MaxValue;
    private long _next = -1;

    /// <summary>Records still held by the cache.</summary>
    public int CachedCount => _cached.Count;

    /// <summary>Dead letters written and not yet acknowledged (nor failed).</summary>
    public int PendingDeadLetterCount => _deadLettersPending.Count;

    /// <summary>The offset of the first record whose dead letter could not be written, if any: commits never pass it.</summary>
    public long? FirstFailedDeadLetter => _firstFailedDeadLetter == long.MaxValue ? null : _firstFailedDeadLetter;

    /// <summary>The offset after the last record read (-1 before any).</summary>
    public long NextOffset => _next;

    /// <summary>The record at <paramref name="offset"/> was read and handed to the cache.</summary>
    public void OnCached(long offset)
    {
        _cached.Enqueue(offset);
        _next = offset + 1;
    }

    /// <summary>The record at <paramref name="offset"/> was read and needs nothing more: it is finished at once.</summary>
    public void OnIgnored(long offset) => _next = offset + 1;

    /// <summary>The record at <paramref name="offset"/> was read and its dead letter is being written.</summary>
    public void OnDeadLetterStarted(long offset)
    {
        _deadLettersPending.Add(offset);
        _next = offset + 1;
    }

    /// <summary>
    /// The cached record at <paramref name="offset"/> could not be delivered and its dead letter is being written: the
    /// position stays below it until the letter is acknowledged, even once the cache has let go of it. False when its
    /// dead letter is already being written (another subscriber of its stream failed too).
    /// </summary>
    public bool OnDeliveryFailed(long offset) => _deadLettersPending.Add(offset);

    /// <summary>The broker acknowledged the dead letter of <paramref name="offset"/>: the record is finished.</summary>
    public void OnDeadLetterAcknowledged(long offset) => _deadLettersPending.Remove(offset);

    /// <summary>The dead letter of <paramref name="offset"/> could not be written: the position never passes it.</summary>
    public void OnDeadLetterFailed(long offset)
    {
        _deadLettersPending.Remove(offset);
        _firstFailedDeadLetter = Math.Min(_firstFailedDeadLetter, offset);
    }

    /// <summary>
    /// The cache let go of records up to <paramref name="highestPurgedOffset"/>. Everything older goes too: the cache
    /// purges in order, and leaves out of its report the records whose delivery failed. Returns how many records left.
    /// </summary>
    public int OnPurged(long highestPurgedOffset)
    {
        var purged = 0;
        while (_cached.Count > 0 && _cached.Peek() <= highestPurgedOffset)
        {
            _cached.Dequeue();
            purged++;
        }

        return purged;
    }

    /// <summary>The offset to commit (the next one to read after a restart); false before anything was read.</summary>
    public bool TryGetCommitPosition(out long offset)
    {
        offset = _next;
        if (_cached.Count > 0)
            offset = Math.Min(offset, _cached.Peek());
        if (_deadLettersPending.Count > 0)
            offset = Math.Min(offset, _deadLettersPending.Min);
        offset = Math.Min(offset, _firstFailedDeadLetter);
        return offset >= 0;
    }
}
