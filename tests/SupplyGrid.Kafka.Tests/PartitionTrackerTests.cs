using SupplyGrid.Kafka.Tests.Support;

namespace SupplyGrid.Kafka.Tests;

public sealed class PartitionTrackerTests
{
    private static PartitionTracker NewTracker(int maxWindow) =>
        new(new TopicBinding<DriverPing>("t", TestJsonContext.Default.DriverPing), new TopicCounters("t"), 3, maxWindow);

    [Fact]
    public void The_committable_offset_is_the_lowest_unfinished_record_whatever_order_records_finish_in()
    {
        var tracker = NewTracker(maxWindow: 16);
        Assert.Equal(-1, tracker.CommittableOffset());
        var slots = new[] { 10L, 11, 12, 15, 16 }.Select(offset => Admit(tracker, offset)).ToList();
        Assert.Equal(10, tracker.CommittableOffset());

        slots[1].MarkFinished();
        slots[3].MarkFinished();
        Assert.Equal(10, tracker.CommittableOffset());

        slots[0].MarkFinished();
        Assert.Equal(12, tracker.CommittableOffset());

        slots[2].MarkFinished();
        Assert.Equal(16, tracker.CommittableOffset()); // 13 and 14 were never delivered (a gap in the log)

        slots[4].MarkFinished();
        Assert.Equal(17, tracker.CommittableOffset());
        Assert.False(tracker.HasUnfinished);
        Assert.Equal(0, tracker.Window);
    }

    [Fact]
    public void A_full_window_refuses_until_its_oldest_record_finishes_and_slots_are_reused()
    {
        var tracker = NewTracker(maxWindow: 4);
        var slots = Enumerable.Range(0, 4).Select(offset => Admit(tracker, offset)).ToList();
        slots[3].MarkFinished();
        slots[2].MarkFinished();
        slots[1].MarkFinished();

        Assert.Null(tracker.TryAdmit(4, default, ReadOnlyMemory<byte>.Empty, 0));

        slots[0].MarkFinished();
        var reused = Admit(tracker, 4);
        Assert.Contains(reused, slots);
        Assert.Equal(4, reused.Offset);
        Assert.False(reused.IsFinished);
        Assert.Equal(4, tracker.CommittableOffset());
    }

    [Fact]
    public void The_window_grows_from_its_initial_size_up_to_the_bound_keeping_order()
    {
        var tracker = NewTracker(maxWindow: 1000);
        var slots = Enumerable.Range(0, 1024).Select(offset => Admit(tracker, offset)).ToList();
        Assert.Null(tracker.TryAdmit(1024, default, ReadOnlyMemory<byte>.Empty, 0));
        Assert.Equal(1024, tracker.Window);

        foreach (var slot in slots.Take(700))
            slot.MarkFinished();

        Assert.Equal(700, tracker.CommittableOffset());
        Assert.Equal(324, tracker.Window);
    }

    [Fact]
    public void Finishing_drops_the_payload()
    {
        var tracker = NewTracker(maxWindow: 4);
        var slot = tracker.TryAdmit(0, RecordKey.Decode("k"u8, false, 10), new byte[100], 0)!;

        slot.MarkFinished();

        Assert.True(slot.Value.IsEmpty);
        Assert.Null(slot.Key.Text);
    }

    private static InFlightRecord Admit(PartitionTracker tracker, long offset) =>
        tracker.TryAdmit(offset, default, ReadOnlyMemory<byte>.Empty, 0) ?? throw new InvalidOperationException("window full");
}
