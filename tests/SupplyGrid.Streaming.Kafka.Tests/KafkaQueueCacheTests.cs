using Orleans.Providers.Streams.Common;
using Orleans.Streams;

namespace SupplyGrid.Streaming.Kafka.Tests;

public sealed class KafkaQueueCacheTests
{
    private static readonly StreamId A = StreamId.Create("test", "a");
    private static readonly StreamId B = StreamId.Create("test", "b");
    private static readonly StreamId C = StreamId.Create("test", "c");

    private static KafkaBatchContainer Record(StreamId stream, long offset) => new(stream, $"{stream}@{offset}", "topic", 0, offset);

    private static void Add(IQueueCache cache, params (StreamId Stream, long Offset)[] records) =>
        cache.AddToCache(records.Select(r => (IBatchContainer)Record(r.Stream, r.Offset)).ToList());

    private static IQueueCacheCursor Cursor(IQueueCache cache, StreamId stream, long? offset)
    {
        var result = cache.TryGetCacheCursor(stream, offset is { } o ? new EventSequenceTokenV2(o) : null);
        Assert.Equal(QueueCacheCursorResultKind.Success, result.Kind);
        return result.Cursor!;
    }

    // Moves until the cursor has nothing more, returning the offsets it passed.
    private static List<long> Drain(IQueueCacheCursor cursor)
    {
        var offsets = new List<long>();
        while (cursor.MoveNextWithResult().Kind == QueueCacheCursorMoveResultKind.Success)
            offsets.Add(((KafkaBatchContainer)cursor.GetCurrent(out _)!).Offset);
        return offsets;
    }

    private static long Next(IQueueCacheCursor cursor)
    {
        Assert.Equal(QueueCacheCursorMoveResultKind.Success, cursor.MoveNextWithResult().Kind);
        return ((KafkaBatchContainer)cursor.GetCurrent(out _)!).Offset;
    }

    private static List<long> Purge(IQueueCache cache) =>
        cache.TryPurgeFromCache(out var purged) ? purged.Select(b => ((KafkaBatchContainer)b).Offset).ToList() : [];

    [Fact]
    public void A_cursor_returns_its_streams_records_in_offset_order_among_interleaved_streams()
    {
        var cache = new KafkaQueueCache(100);
        Add(cache, (A, 0), (B, 1), (A, 2), (C, 3), (B, 4), (A, 5));
        var a = Cursor(cache, A, 0);
        var b = Cursor(cache, B, 0);
        var c = Cursor(cache, C, null);

        Assert.Equal([0, 2, 5], Drain(a));
        Assert.Equal([1, 4], Drain(b));
        Assert.Equal([3], Drain(c));
        Assert.Null(a.GetCurrent(out _));
    }

    [Fact]
    public void A_cursor_with_nothing_more_picks_up_records_added_later_without_repeating_any()
    {
        var cache = new KafkaQueueCache(100);
        Add(cache, (A, 0), (B, 1));
        var a = Cursor(cache, A, 0);
        var b = Cursor(cache, B, 0);
        Assert.Equal([0], Drain(a));
        Assert.Equal([1], Drain(b));
        Assert.Equal([0, 1], Purge(cache));

        Add(cache, (B, 2), (A, 3), (A, 4));
        a.Refresh(new EventSequenceTokenV2(3)); // what the agent does; a placed cursor keeps its own place
        Assert.Equal([3, 4], Drain(a));
        Assert.Equal([2], Drain(b));
        Assert.Equal(QueueCacheCursorMoveResultKind.NoData, a.MoveNextWithResult().Kind);
    }

    [Fact]
    public void A_cursor_starts_at_its_streams_first_record_at_or_after_the_token()
    {
        var cache = new KafkaQueueCache(100);
        Add(cache, (A, 10), (B, 11), (A, 12), (A, 13));
        Assert.Equal([12, 13], Drain(Cursor(cache, A, 11)));
        Assert.Equal([12, 13], Drain(Cursor(cache, A, 12)));
        Assert.Equal([10, 12, 13], Drain(Cursor(cache, A, null)));
        Assert.Equal([13], Drain(cache.TryGetCacheCursor(A, new EventSequenceTokenV2(12, 1)).Cursor!));

        // A token newer than everything cached: the cursor waits there.
        var ahead = Cursor(cache, A, 20);
        Assert.Empty(Drain(ahead));
        Add(cache, (A, 19), (A, 20));
        Assert.Equal([20], Drain(ahead));
    }

    [Fact]
    public void A_cursor_created_on_an_empty_cache_without_a_token_is_placed_by_refresh()
    {
        var cache = new KafkaQueueCache(100);
        var a = Cursor(cache, A, null);
        Add(cache, (A, 5), (A, 6));
        a.Refresh(new EventSequenceTokenV2(6));
        Assert.Equal([6], Drain(a));
    }

    [Fact]
    public void A_token_older_than_the_oldest_cached_record_is_a_cache_miss()
    {
        var cache = new KafkaQueueCache(100);
        Add(cache, (A, 10), (B, 11));
        var result = cache.TryGetCacheCursor(A, new EventSequenceTokenV2(9));
        Assert.Equal(QueueCacheCursorResultKind.CacheMiss, result.Kind);
        Assert.Equal(new EventSequenceTokenV2(10), result.CacheMiss!.Value.LowToken);
        Assert.Equal(new EventSequenceTokenV2(11), result.CacheMiss!.Value.HighToken);
#pragma warning disable CS0618 // the obsolete API throws instead
        Assert.Throws<QueueCacheMissException>(() => cache.GetCacheCursor(A, new EventSequenceTokenV2(9)));
#pragma warning restore CS0618

        // Not a miss on an empty cache (as SimpleQueueCache).
        Assert.Equal(QueueCacheCursorResultKind.Success, new KafkaQueueCache(10).TryGetCacheCursor(A, new EventSequenceTokenV2(9)).Kind);
    }

    [Fact]
    public void The_purge_is_the_oldest_first_prefix_every_cursor_has_passed_and_a_slow_cursor_holds_it_back()
    {
        var cache = new KafkaQueueCache(100);
        Add(cache, (A, 0), (B, 1), (A, 2), (B, 3), (B, 4));
        var a = Cursor(cache, A, 0);
        var b = Cursor(cache, B, 0);
        Assert.Empty(Purge(cache)); // nobody has moved

        Assert.Equal([1, 3, 4], Drain(b));
        Assert.False(cache.TryPurgeFromCache(out _)); // a has not passed offset 0

        Assert.Equal(0, Next(a)); // delivering 0: still held
        Assert.Empty(Purge(cache));
        Assert.Equal(2, Next(a)); // passed 0, delivering 2
        Assert.Equal([0, 1], Purge(cache));
        Assert.Empty(Drain(a));
        Assert.Equal([2, 3, 4], Purge(cache));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Two_cursors_of_a_stream_both_hold_its_records()
    {
        var cache = new KafkaQueueCache(100);
        Add(cache, (A, 0), (A, 1));
        var fast = Cursor(cache, A, 0);
        var slow = Cursor(cache, A, 0);
        Assert.Equal([0, 1], Drain(fast));
        Assert.Empty(Purge(cache));
        Assert.Equal(0, Next(slow));
        Assert.Equal(1, Next(slow));
        Assert.Equal([0], Purge(cache));
    }

    [Fact]
    public void Records_of_a_stream_that_never_had_a_cursor_are_held_until_one_comes()
    {
        var cache = new KafkaQueueCache(100);
        Add(cache, (A, 0), (B, 1));
        var b = Cursor(cache, B, 0);
        Assert.Equal([1], Drain(b));
        Assert.Empty(Purge(cache)); // A's record waits for A's cursor

        var a = Cursor(cache, A, 0);
        Assert.Empty(Purge(cache));
        Assert.Equal([0], Drain(a));
        Assert.Equal([0, 1], Purge(cache));
    }

    [Fact]
    public void Records_of_a_stream_that_never_gets_a_cursor_are_released_from_the_second_purge_on()
    {
        // A stream registered without subscribers: the agent's pin is gone, its later records get no cursor.
        var cache = new KafkaQueueCache(100);
        Add(cache, (A, 0), (B, 1));
        var b = Cursor(cache, B, 0);
        Assert.Equal([1], Drain(b));
        Assert.Empty(Purge(cache));
        Add(cache, (A, 2));
        Assert.Equal([0, 1], Purge(cache)); // A@2 was added after the first purge: held once too
        Assert.Equal([2], Purge(cache));
    }

    [Fact]
    public void A_failed_delivery_is_purged_but_left_out_of_the_report()
    {
        var cache = new KafkaQueueCache(100);
        Add(cache, (A, 0), (A, 1), (A, 2));
        var a = Cursor(cache, A, 0);
        Assert.Equal(0, Next(a));
        Assert.Equal(1, Next(a));
        a.RecordDeliveryFailure();
        Assert.Equal(2, Next(a));
        Assert.Empty(Drain(a));

        Assert.Equal([0, 2], Purge(cache));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void A_disposed_cursor_stops_holding_records()
    {
        var cache = new KafkaQueueCache(100);
        Add(cache, (A, 0), (B, 1));
        var a = Cursor(cache, A, 0);
        var b = Cursor(cache, B, 0);
        Assert.Equal(0, Next(a));
        Assert.Equal([1], Drain(b));
        Assert.Empty(Purge(cache));

        a.Dispose();
        Assert.Equal([0, 1], Purge(cache));
        Assert.Equal(QueueCacheCursorMoveResultKind.NoData, a.MoveNextWithResult().Kind);
        b.Dispose();
        Assert.Equal(0, cache.StreamCount); // nothing left to index
    }

    [Fact]
    public void An_all_failed_purge_reports_an_empty_list()
    {
        var cache = new KafkaQueueCache(10);
        Add(cache, (A, 0));
        var a = Cursor(cache, A, 0);
        Assert.Equal(0, Next(a));
        a.RecordDeliveryFailure();
        Assert.Empty(Drain(a));
        Assert.True(cache.TryPurgeFromCache(out var purged));
        Assert.Empty(purged);
    }

    [Fact]
    public void Flow_control_never_lets_the_cache_hold_more_than_its_size()
    {
        var cache = new KafkaQueueCache(20);
        Assert.Equal(20, cache.GetMaxAddCount());
        Assert.False(cache.IsUnderPressure());

        Add(cache, Enumerable.Range(0, 18).Select(i => (A, (long)i)).ToArray());
        Assert.Equal(2, cache.GetMaxAddCount());
        Assert.False(cache.IsUnderPressure()); // 2 free: a tenth of 20
        Add(cache, (A, 18));
        Assert.True(cache.IsUnderPressure());
        Add(cache, (A, 19));
        Assert.True(cache.IsUnderPressure());
        // Never 0: the agent would then skip its read loop, purges included.
        Assert.Equal(1, cache.GetMaxAddCount());
        Assert.Throws<CacheFullException>(() => Add(cache, (A, 20)));
        Assert.Equal(20, cache.Count);

        var a = Cursor(cache, A, 0);
        for (var i = 0; i < 5; i++)
            Next(a);
        Next(a);
        Assert.Equal(5, Purge(cache).Count);
        Assert.False(cache.IsUnderPressure());
        Assert.Equal(5, cache.GetMaxAddCount());
    }

    [Fact]
    public void Many_streams_with_one_record_each_are_delivered_and_purged()
    {
        var cache = new KafkaQueueCache(5000);
        var streams = Enumerable.Range(0, 4000).Select(i => StreamId.Create("driver", i.ToString())).ToArray();
        cache.AddToCache(streams.Select((s, i) => (IBatchContainer)Record(s, i)).ToList());
        var cursors = streams.Select((s, i) => Cursor(cache, s, i)).ToArray();
        for (var i = 0; i < cursors.Length; i++)
            Assert.Equal([i], Drain(cursors[i]));
        Assert.Equal(4000, Purge(cache).Count);
        foreach (var cursor in cursors)
            cursor.Dispose();
        Assert.Equal(0, cache.StreamCount);
    }
}
