using SupplyGrid.Evaluation.Grid;
using SupplyGrid.Runtime;
using SupplyGrid.Runtime.Timers;

namespace SupplyGrid.Evaluation.Tests.Grid;

public sealed class LockstepClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Time_stands_still_until_moved_and_never_goes_back()
    {
        var clock = new LockstepClock(Start);

        Assert.Equal(Start, clock.GetUtcNow());
        clock.MoveTo(Start.AddSeconds(5));
        Assert.Equal(Start.AddSeconds(5), clock.GetUtcNow());
        Assert.Equal(Start.AddSeconds(5).UtcTicks, clock.GetTimestamp());
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.MoveTo(Start));
    }

    [Fact]
    public void A_timer_fires_only_when_its_phase_is_fired_after_it_fell_due()
    {
        var clock = new LockstepClock(Start);
        var fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan);

        clock.MoveTo(Start.AddSeconds(9));
        Assert.Equal(0, clock.FireDue());
        clock.MoveTo(Start.AddSeconds(12));
        Assert.Equal(0, fired);
        Assert.Equal(1, clock.FireDue());
        Assert.Equal(1, fired);
        Assert.Equal(0, clock.FireDue());
        Assert.Equal(0, clock.ArmedTimers);
    }

    [Fact]
    public void A_periodic_timer_fires_once_per_period_and_a_disposed_one_never()
    {
        var clock = new LockstepClock(Start);
        var periodic = 0;
        var disposed = 0;
        using var timer = clock.CreateTimer(_ => periodic++, null, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));
        var other = clock.CreateTimer(_ => disposed++, null, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));
        other.Dispose();

        for (var second = 5; second <= 20; second += 5)
        {
            clock.MoveTo(Start.AddSeconds(second));
            clock.FireDue();
        }

        Assert.Equal(4, periodic);
        Assert.Equal(0, disposed);
    }

    [Fact]
    public void Due_timers_fire_in_due_order_whatever_the_order_they_were_made_in()
    {
        var clock = new LockstepClock(Start);
        var order = new List<int>();
        var timers = new[] { 3, 1, 2 }.Select(n => clock.CreateTimer(_ => order.Add(n), null, TimeSpan.FromSeconds(n), Timeout.InfiniteTimeSpan)).ToArray();

        clock.MoveTo(Start.AddSeconds(5));
        clock.FireDue();

        Assert.Equal([1, 2, 3], order);
        foreach (var timer in timers)
            timer.Dispose();
    }

    [Fact]
    public void Timers_due_together_fire_in_the_order_of_the_grains_that_made_them()
    {
        var clock = new LockstepClock(Start);
        var fired = new List<string>();
        var timers = new List<ITimer>();
        foreach (var key in new[] { "b", "c", "a" })
        {
            var previous = RuntimeContext.Exchange(new FakeGrainContext(new GrainId("cell", key)));
            try
            {
                timers.Add(clock.CreateTimer(_ => fired.Add(key), null, TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan));
            }
            finally
            {
                RuntimeContext.Exchange(previous);
            }
        }

        clock.MoveTo(Start.AddSeconds(5));
        Assert.True(clock.AnyDue);
        Assert.Equal(3, clock.FireDue());

        Assert.Equal(["a", "b", "c"], fired);
        Assert.False(clock.AnyDue);
        timers.ForEach(t => t.Dispose());
    }

    private sealed class FakeGrainContext(GrainId id) : IGrainContext
    {
        public GrainId GrainId => id;

        public IGrainFactory GrainFactory => throw new NotSupportedException();

        public IServiceProvider ActivationServices => throw new NotSupportedException();

        public TimeProvider TimeProvider => throw new NotSupportedException();

        public void DeactivateOnIdle() => throw new NotSupportedException();

        public void DelayDeactivation(TimeSpan timeSpan) => throw new NotSupportedException();

        public IGrainTimer RegisterGrainTimer<TState>(Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options) =>
            throw new NotSupportedException();
    }
}
