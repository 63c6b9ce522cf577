namespace SupplyGrid.Streaming.Kafka.Tests;

public sealed class PartitionCommitTrackerTests
{
    [Fact]
    public void Nothing_is_committed_before_a_record_is_read()
    {
        Assert.False(new PartitionCommitTracker().TryGetCommitPosition(out _));
    }

    [Fact]
    public void The_position_stays_at_the_oldest_record_the_cache_still_holds()
    {
        var tracker = new PartitionCommitTracker();
        for (var offset = 10L; offset < 15; offset++)
            tracker.OnRead(offset, cached: true);

        AssertPosition(tracker, 10);
        tracker.OnPurged(12);
        AssertPosition(tracker, 13);
        tracker.OnPurged(14);
        AssertPosition(tracker, 15);
    }

    [Fact]
    public void A_skipped_record_is_passed_once_everything_before_it_is_purged()
    {
        var tracker = new PartitionCommitTracker();
        tracker.OnRead(0, cached: true);
        tracker.OnRead(1, cached: false);
        tracker.OnRead(2, cached: true);
        tracker.OnRead(3, cached: false);

        AssertPosition(tracker, 0);
        tracker.OnPurged(0);
        AssertPosition(tracker, 2);
        tracker.OnPurged(2);
        // The trailing skipped record is covered although the cache never reports it.
        AssertPosition(tracker, 4);
    }

    [Fact]
    public void Records_older_than_a_purged_one_count_as_purged_even_when_the_cache_left_them_out()
    {
        // SimpleQueueCache leaves records whose delivery failed out of its purge report.
        var tracker = new PartitionCommitTracker();
        tracker.OnRead(5, cached: true);
        tracker.OnRead(6, cached: true);
        tracker.OnRead(7, cached: true);

        tracker.OnPurged(6);
        AssertPosition(tracker, 7);
        Assert.Equal(1, tracker.CachedCount);
    }

    private static void AssertPosition(PartitionCommitTracker tracker, long expected)
    {
        Assert.True(tracker.TryGetCommitPosition(out var position));
        Assert.Equal(expected, position);
    }
}
