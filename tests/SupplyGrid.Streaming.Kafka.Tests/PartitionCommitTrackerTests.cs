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
            tracker.OnCached(offset);

        AssertPosition(tracker, 10);
        Assert.Equal(3, tracker.OnPurged(12));
        AssertPosition(tracker, 13);
        Assert.Equal(2, tracker.OnPurged(14));
        AssertPosition(tracker, 15);
    }

    [Fact]
    public void An_ignored_record_is_passed_once_everything_before_it_is_purged_and_ends_a_partition_finished()
    {
        var tracker = new PartitionCommitTracker();
        tracker.OnCached(0);
        tracker.OnIgnored(1);
        tracker.OnCached(2);
        tracker.OnIgnored(3);

        AssertPosition(tracker, 0);
        tracker.OnPurged(0);
        AssertPosition(tracker, 2);
        tracker.OnPurged(2);
        AssertPosition(tracker, 4);
    }

    [Fact]
    public void An_acknowledged_dead_letter_is_passed_once_everything_before_it_is_purged()
    {
        var tracker = new PartitionCommitTracker();
        tracker.OnCached(0);
        tracker.OnDeadLetterStarted(1);
        tracker.OnCached(2);
        tracker.OnDeadLetterStarted(3);
        tracker.OnDeadLetterAcknowledged(1);
        tracker.OnDeadLetterAcknowledged(3);

        AssertPosition(tracker, 0);
        tracker.OnPurged(0);
        AssertPosition(tracker, 2);
        tracker.OnPurged(2);
        // The trailing dead letter is covered although the cache never reports it.
        AssertPosition(tracker, 4);
    }

    [Fact]
    public void A_dead_letter_not_yet_acknowledged_holds_the_position_while_later_records_finish()
    {
        var tracker = new PartitionCommitTracker();
        tracker.OnCached(0);
        tracker.OnDeadLetterStarted(1);
        tracker.OnCached(2);
        tracker.OnDeadLetterStarted(3);
        tracker.OnCached(4);

        tracker.OnPurged(4);
        // The later letter's acknowledgement comes first: the position still waits for the earlier one.
        tracker.OnDeadLetterAcknowledged(3);
        AssertPosition(tracker, 1);
        Assert.Equal(1, tracker.PendingDeadLetterCount);

        tracker.OnDeadLetterAcknowledged(1);
        AssertPosition(tracker, 5);
    }

    [Fact]
    public void A_failed_dead_letter_pins_the_position_for_good_while_reading_goes_on()
    {
        var tracker = new PartitionCommitTracker();
        tracker.OnCached(0);
        tracker.OnDeadLetterStarted(1);
        tracker.OnDeadLetterStarted(2);
        tracker.OnDeadLetterFailed(2);
        tracker.OnDeadLetterFailed(1);
        tracker.OnCached(3);
        tracker.OnDeadLetterStarted(4);
        tracker.OnDeadLetterAcknowledged(4);
        tracker.OnPurged(3);

        // The first failure is the limit, whatever order the failures came in and whatever finished after it.
        AssertPosition(tracker, 1);
        Assert.Equal(1, tracker.FirstFailedDeadLetter);
        Assert.Equal(5, tracker.NextOffset);
        Assert.Equal(0, tracker.PendingDeadLetterCount);
        Assert.Equal(0, tracker.CachedCount);
    }

    [Fact]
    public void Records_older_than_a_purged_one_count_as_purged_even_when_the_cache_left_them_out()
    {
        // SimpleQueueCache leaves records whose delivery failed out of its purge report.
        var tracker = new PartitionCommitTracker();
        tracker.OnCached(5);
        tracker.OnCached(6);
        tracker.OnCached(7);

        Assert.Equal(2, tracker.OnPurged(6));
        AssertPosition(tracker, 7);
        Assert.Equal(1, tracker.CachedCount);
    }

    private static void AssertPosition(PartitionCommitTracker tracker, long expected)
    {
        Assert.True(tracker.TryGetCommitPosition(out var position));
        Assert.Equal(expected, position);
    }

    [Fact]
    public void A_cached_record_that_could_not_be_delivered_holds_the_commit_until_its_dead_letter_is_acknowledged_even_once_purged()
    {
        var tracker = new PartitionCommitTracker();
        for (var offset = 10; offset < 14; offset++)
            tracker.OnCached(offset);

        Assert.True(tracker.OnDeliveryFailed(11));
        Assert.False(tracker.OnDeliveryFailed(11));
        // The cache leaves failed records out of its report, but purges past them.
        tracker.OnPurged(13);
        Assert.True(tracker.TryGetCommitPosition(out var held));
        Assert.Equal(11, held);

        tracker.OnDeadLetterAcknowledged(11);
        Assert.True(tracker.TryGetCommitPosition(out var passed));
        Assert.Equal(14, passed);
    }

    [Fact]
    public void An_undeliverable_record_whose_dead_letter_failed_is_never_committed_past()
    {
        var tracker = new PartitionCommitTracker();
        tracker.OnCached(5);
        tracker.OnCached(6);
        tracker.OnDeliveryFailed(5);
        tracker.OnDeadLetterFailed(5);
        tracker.OnPurged(6);

        Assert.True(tracker.TryGetCommitPosition(out var position));
        Assert.Equal(5, position);
    }
}
