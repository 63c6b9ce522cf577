using Orleans.Runtime;
using Orleans.Streams;

namespace SupplyGrid.Streaming.Kafka;

/// <summary>
/// A stream's cursor into a <see cref="KafkaQueueCache"/>. It walks only its stream's records (through the stream's
/// index), and remembers its place by offset: purges cannot invalidate it, and a move that found nothing finds the
/// records added since on a later move. Not thread-safe (the pulling agent calls it one call at a time).
/// </summary>
internal sealed class KafkaQueueCacheCursor : IQueueCacheCursor
{
    private readonly KafkaQueueCache _cache;
    private readonly KafkaQueueCacheStream _stream;
    // The lowest offset the next move may return; long.MinValue: the stream's oldest cached record, whatever it is.
    private long _next;
    // False only for a cursor created on an empty cache without a token: Refresh(token) may still place it.
    private bool _positioned;
    // Where in the stream's index the next move starts looking (a hint: records below _next are skipped).
    private long _nextOrdinal;
    private KafkaQueueCacheItem? _current;
    private bool _disposed;

    internal KafkaQueueCacheCursor(KafkaQueueCache cache, KafkaQueueCacheStream stream, long next, bool positioned)
    {
        _cache = cache;
        _stream = stream;
        _next = next;
        _positioned = positioned;
        stream.AddCursor(this);
    }

    /// <summary>The stream this cursor walks.</summary>
    public StreamId StreamId => _stream.StreamId;

    /// <summary>
    /// The lowest offset this cursor still needs: its current record (being delivered) or, between records, the next
    /// one it may return. The cache purges nothing of the stream at or above it.
    /// </summary>
    internal long HeldFrom => _current?.Offset ?? _next;

    /// <inheritdoc />
    public IBatchContainer? GetCurrent(out Exception? exception)
    {
        exception = null;
        return _current?.Batch;
    }

    /// <inheritdoc />
    [Obsolete("Use MoveNextWithResult instead.")]
    public bool MoveNext() => Advance();

    /// <inheritdoc />
    /// <remarks>Never a cache miss: the cursor's records are held until it has moved past them.</remarks>
    public QueueCacheCursorMoveResult MoveNextWithResult() =>
        Advance() ? QueueCacheCursorMoveResult.Success : QueueCacheCursorMoveResult.NoData;

    private bool Advance()
    {
        if (_current is { } passed)
        {
            _next = passed.Offset + 1;
            _current = null;
        }

        if (_disposed)
            return false;
        var stream = _stream;
        var index = Math.Max(_nextOrdinal - stream.FirstOrdinal, 0);
        for (; index < stream.Count; index++)
        {
            var item = stream.ItemAt((int)index);
            // Skipped only when the cursor was placed past it (a token newer than the stream's oldest records).
            if (item.Offset < _next)
                continue;
            _current = item;
            _positioned = true;
            _nextOrdinal = stream.FirstOrdinal + index + 1;
            return true;
        }

        _nextOrdinal = stream.FirstOrdinal + stream.Count;
        return false;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Places a cursor that has no place yet (created without a token on an empty cache) at <paramref name="token"/>;
    /// a placed cursor keeps its own place, which is never behind what the agent refreshes it with.
    /// </remarks>
    public void Refresh(StreamSequenceToken token)
    {
        if (_positioned || _disposed || token is null)
            return;
        _next = KafkaQueueCache.FirstOffsetAtOrAfter(token);
        _positioned = true;
    }

    /// <inheritdoc />
    /// <remarks>The current record is then left out of the cache's purge report (it is still purged).</remarks>
    public void RecordDeliveryFailure()
    {
        if (_current is { } item)
            item.DeliveryFailed = true;
    }

    /// <inheritdoc />
    /// <remarks>The cursor stops holding records at once.</remarks>
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        _current = null;
        _cache.OnCursorDisposed(this, _stream);
    }

    /// <inheritdoc />
    public override string ToString() => $"[KafkaQueueCacheCursor: {StreamId} next={_next} current={_current?.Offset}]";
}
