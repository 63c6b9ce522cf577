namespace SupplyGrid.Lockstep.Tests;

/// <summary>The clock on its own, without a silo.</summary>
public sealed class ClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_delay_on_the_clock_ends_when_the_clock_passes_its_due_time_and_not_before()
    {
        var clock = new LockstepClock(Start);
        var delay = Task.Delay(TimeSpan.FromSeconds(10), clock);
        Assert.Equal(Start.AddSeconds(10), clock.NextDueAt);

        await clock.AdvanceAsync(TimeSpan.FromSeconds(9.999));
        Assert.False(delay.IsCompleted);
        await clock.AdvanceAsync(TimeSpan.FromMilliseconds(1));

        await delay.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(Start.AddSeconds(10), clock.GetUtcNow());
        Assert.Null(clock.NextDueAt);
    }

    [Fact]
    public async Task Without_a_step_the_clock_stops_at_every_due_time_on_its_way()
    {
        var clock = new LockstepClock(Start);
        var seen = new List<DateTimeOffset>();
        using var timer = clock.CreateTimer(_ => seen.Add(clock.GetUtcNow()), null, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3));

        await clock.AdvanceAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([Start.AddSeconds(3), Start.AddSeconds(6), Start.AddSeconds(9)], seen);
        Assert.Equal(Start.AddSeconds(10), clock.GetUtcNow());
        Assert.Equal(Start.AddSeconds(12), clock.NextDueAt);
    }

    [Fact]
    public async Task A_step_that_does_not_settle_fails_the_advance_naming_the_work()
    {
        var clock = new LockstepClock(Start) { QuietTimeout = TimeSpan.FromMilliseconds(100) };
        var pending = new TaskCompletionSource();
        _ = clock.Track(pending.Task, "an import that never ends");

        var error = await Assert.ThrowsAsync<LockstepTimeoutException>(() => clock.AdvanceAsync(TimeSpan.FromSeconds(1)));

        Assert.Equal(1, error.Total);
        Assert.StartsWith("an import that never ends", error.InFlight[0], StringComparison.Ordinal);
        Assert.Equal(Start, clock.GetUtcNow());
        pending.SetResult();
        await clock.AdvanceAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(Start.AddSeconds(1), clock.GetUtcNow());
    }

    [Fact]
    public async Task The_clock_is_advanced_from_one_place_at_a_time()
    {
        var clock = new LockstepClock(Start);
        var pending = new TaskCompletionSource();
        _ = clock.Track(pending.Task, "work");
        var first = clock.AdvanceAsync(TimeSpan.FromSeconds(1));

        await Assert.ThrowsAsync<InvalidOperationException>(() => clock.AdvanceAsync(TimeSpan.FromSeconds(1)));

        pending.SetResult();
        await first;
        Assert.Equal(Start.AddSeconds(1), clock.GetUtcNow());
    }
}
