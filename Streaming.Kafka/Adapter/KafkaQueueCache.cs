using System.Diagnostics.CodeAnalysis;
using Orleans.Runtime;
using Orleans.Streams;

namespace SupplyGrid.Streaming.Kafka;

/// <summary>
/// A partition's stream cache. Like Orleans' SimpleQueueCache it holds records in offset order and purges them oldest
/// first, but it also indexes them by stream, so a cursor steps to its stream's next record directly instead of walking
/// past every other stream's records (a partition carries thousands of streams with about one cached record each).
/// </summary>
/// <remarks>
/// <para>
/// Purge: the report is the oldest-first run of records that no cursor still needs (the receiver's commit tracker
/// relies on purges being a prefix in offset order). A record is still needed while a live cursor of its stream has not
/// moved past it. Disposed cursors need nothing. A record whose stream has never had a cursor (in this cache) is held
/// through the first purge after it was added: the agent creates a stream's first cursor (its pin, at the stream's
/// first record) just after adding the records, so a purge may not race it. It is released from the second purge on:
/// a stream the agent registered without subscribers gets no cursor for its later records, and holding them until a
/// cursor comes would fill the cache and stop the partition for good (SimpleQueueCache does not hold them at all).
/// Records whose delivery failed are purged but left out of the report (the receiver dead-letters them and tracks them
/// itself).
/// </para>
/// <para>
/// Flow control: the cache never holds more than <c>cacheSize</c> records. The agent asks
/// <see cref="GetMaxAddCount"/> before it purges, then reads only if <see cref="IsUnderPressure"/> is false, so:
/// GetMaxAddCount is the free room, but at least 1 (0 would stop the agent's read loop before its purge, and nothing
/// would ever free room); IsUnderPressure is true while less than a tenth of the cache (at least one record) is free,
/// so reading stops when full and resumes with reads of a useful size. Not under pressure means at least one free slot
/// after the purge, and a purge only frees room, so a read never overfills the cache.
/// </para>
/// <para>Not thread-safe: the pulling agent of the partition calls it (and its cursors) one call at a time.</para>
/// </remarks>
internal sealed class KafkaQueueCache : IQueueCache
{
    private readonly int _capacity;
    private readonly int _lowWater;
    // Every cached record, oldest (lowest offset) first.
    private readonly Queue<KafkaQueueCacheItem> _items;
    private readonly Dictionary<StreamId, KafkaQueueCacheStream> _streams = [];
    // The newest cached record (Queue<T> has no cheap Last); stale once the cache is empty, so only read when not.
    private KafkaQueueCacheItem? _newest;
    private long _purges;

    /// <summary>A cache of at most <paramref name="capacity"/> records.</summary>
    public KafkaQueueCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _lowWater = Math.Max(capacity / 10, 1);
        _items = new Queue<KafkaQueueCacheItem>(Math.Min(capacity, 1024));
    }

    /// <summary>Records in the cache.</summary>
    public int Count => _items.Count;

    /// <summary>Streams the cache indexes (with records or cursors).</summary>
    public int StreamCount => _streams.Count;

    /// <inheritdoc />
    public int GetMaxAddCount() => Math.Max(_capacity - _items.Count, 1);

    /// <inheritdoc />
    public bool IsUnderPressure() => _capacity - _items.Count < _lowWater;

    /// <inheritdoc />
    /// <exception cref="CacheFullException">The records do not fit (nothing is added then).</exception>
    public void AddToCache(IList<IBatchContainer> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count > _capacity - _items.Count)
            throw new CacheFullException($"{messages.Count} records do not fit in a cache holding {_items.Count} of {_capacity}.");
        var newest = _items.Count > 0 ? _newest!.Offset : long.MinValue;
        foreach (var message in messages)
        {
            ArgumentNullException.ThrowIfNull(message, nameof(messages));
            var offset = message.SequenceToken.SequenceNumber;
            // Cursors and purges rely on offset order; a partition's offsets only grow.
            if (offset <= newest)
                throw new ArgumentException($"Record at offset {offset} is not newer than the newest cached ({newest}).", nameof(messages));
            newest = offset;
        }

        foreach (var message in messages)
        {
            var stream = StreamOf(message.StreamId);
            var item = new KafkaQueueCacheItem(message, message.SequenceToken.SequenceNumber, stream, _purges);
            _items.Enqueue(item);
            stream.Add(item);
            _newest = item;
        }
    }

    /// <inheritdoc />
    public bool TryPurgeFromCache([MaybeNullWhen(false)] out IList<IBatchContainer> purgedItems)
    {
        purgedItems = null;
        List<IBatchContainer>? purged = null;
        var removed = 0;
        var purge = ++_purges;
        while (_items.TryPeek(out var item))
        {
            var stream = item.Stream;
            if (!stream.HadCursor && purge - item.PurgesBefore < 2)
                break;
            // The stream's cursors are few (one per implicit subscriber, plus the agent's pin while it registers).
            if (stream.HeldFrom() <= item.Offset)
                break;
            _items.Dequeue();
            stream.RemoveFirst();
            if (stream.IsIdle)
                _streams.Remove(stream.StreamId);
            removed++;
            if (!item.DeliveryFailed)
                (purged ??= []).Add(item.Batch);
        }

        if (removed == 0)
            return false;
        purgedItems = purged ?? (IList<IBatchContainer>)[];
        return true;
    }

    /// <inheritdoc />
    [Obsolete("Use TryGetCacheCursor instead.")]
    public IQueueCacheCursor GetCacheCursor(StreamId streamId, StreamSequenceToken? token)
    {
        var result = TryGetCacheCursor(streamId, token);
        return result.Cursor ?? throw result.CacheMiss!.Value.ToException();
    }

    /// <summary>
    /// A cursor at the first record of <paramref name="streamId"/> at or after <paramref name="token"/>, or from the
    /// oldest cached record when <paramref name="token"/> is null; a cache miss when <paramref name="token"/> is older
    /// than the oldest cached record (as SimpleQueueCache).
    /// </summary>
    public QueueCacheCursorResult<IQueueCacheCursor> TryGetCacheCursor(StreamId streamId, StreamSequenceToken? token)
    {
        if (_items.TryPeek(out var oldest))
        {
            if (token is not null && token.SequenceNumber < oldest.Offset)
            {
                return QueueCacheCursorResult<IQueueCacheCursor>.FromCacheMiss(
                    new QueueCacheMissInfo(token, oldest.Batch.SequenceToken, _newest!.Batch.SequenceToken));
            }

            var next = token is null ? oldest.Offset : FirstOffsetAtOrAfter(token);
            return QueueCacheCursorResult<IQueueCacheCursor>.FromCursor(new KafkaQueueCacheCursor(this, StreamOf(streamId), next, positioned: true));
        }

        // An empty cache: without a token the cursor takes its place from the agent's next Refresh.
        return token is null
            ? QueueCacheCursorResult<IQueueCacheCursor>.FromCursor(new KafkaQueueCacheCursor(this, StreamOf(streamId), long.MinValue, positioned: false))
            : QueueCacheCursorResult<IQueueCacheCursor>.FromCursor(new KafkaQueueCacheCursor(this, StreamOf(streamId), FirstOffsetAtOrAfter(token), positioned: true));
    }

    /// <summary>
    /// <see cref="StreamSubscriptionStartPosition.EarliestAvailable"/>: a cursor at the stream's oldest cached record
    /// (or its first one added later). <see cref="StreamSubscriptionStartPosition.Latest"/>: as a null token.
    /// </summary>
    public QueueCacheCursorResult<IQueueCacheCursor> TryGetCacheCursorAtPosition(StreamId streamId, StreamSubscriptionStartPosition startPosition) =>
        startPosition switch
        {
            StreamSubscriptionStartPosition.EarliestAvailable =>
                QueueCacheCursorResult<IQueueCacheCursor>.FromCursor(new KafkaQueueCacheCursor(this, StreamOf(streamId), long.MinValue, positioned: true)),
            StreamSubscriptionStartPosition.Latest => TryGetCacheCursor(streamId, null),
            _ => throw new ArgumentOutOfRangeException(nameof(startPosition), startPosition, "Unknown start position."),
        };

    /// <summary>The lowest offset a cursor placed at <paramref name="token"/> may return.</summary>
    /// <remarks>Records are single events (event index 0): a token past event 0 of an offset is past that record.</remarks>
    internal static long FirstOffsetAtOrAfter(StreamSequenceToken token) =>
        token.EventIndex > 0 ? token.SequenceNumber + 1 : token.SequenceNumber;

    internal void OnCursorDisposed(KafkaQueueCacheCursor cursor, KafkaQueueCacheStream stream)
    {
        stream.RemoveCursor(cursor);
        if (stream.IsIdle)
            _streams.Remove(stream.StreamId);
    }

    private KafkaQueueCacheStream StreamOf(StreamId streamId)
    {
        if (!_streams.TryGetValue(streamId, out var stream))
        {
            stream = new KafkaQueueCacheStream(streamId);
            _streams.Add(streamId, stream);
        }

        return stream;
    }
}
