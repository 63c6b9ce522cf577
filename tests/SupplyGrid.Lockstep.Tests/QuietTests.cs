using SupplyGrid.Lockstep.Tests.Grains;

namespace SupplyGrid.Lockstep.Tests;

[Collection(LockstepSilo.Collection)]
public sealed class QuietTests(LockstepSilo silo)
{
    [Fact]
    public async Task A_chain_of_one_way_calls_sent_from_inside_the_silo_is_waited_out()
    {
        var log = silo.Services.GetRequiredService<RelayLog>();

        await silo.Grains.GetGrain<IRelayGrain>(1000).Pass("chain", 60);
        await silo.Clock.WhenQuietAsync();

        Assert.Equal(60, log.Hops("chain"));
    }

    [Fact]
    public async Task A_call_that_never_finishes_makes_the_wait_fail_loudly_naming_it()
    {
        var gate = silo.Services.GetRequiredService<Gate>();
        var grain = silo.Grains.GetGrain<IStuckGrain>("hanging");
        var hanging = grain.Hang();
        try
        {
            var error = await Assert.ThrowsAsync<LockstepTimeoutException>(() => silo.Clock.WhenQuietAsync(TimeSpan.FromMilliseconds(300)));

            Assert.Contains(error.InFlight, w => w.Contains("call IStuckGrain.Hang to", StringComparison.Ordinal) && w.Contains("hanging", StringComparison.Ordinal));
            Assert.IsAssignableFrom<TimeoutException>(error);
            Assert.False(silo.Clock.IsQuiet);
        }
        finally
        {
            gate.Open();
        }

        await hanging;
        await silo.Clock.WhenQuietAsync();
        Assert.True(silo.Clock.IsQuiet);
    }

    [Fact]
    public async Task A_one_way_call_that_never_finishes_makes_the_wait_fail_naming_it()
    {
        var gate = silo.Services.GetRequiredService<Gate>();
        await silo.Grains.GetGrain<IStuckGrain>("hanging-one-way").HangOneWay();
        try
        {
            var error = await Assert.ThrowsAsync<LockstepTimeoutException>(() => silo.Clock.WhenQuietAsync(TimeSpan.FromMilliseconds(300)));

            Assert.Contains(error.InFlight, w => w.Contains("one-way call IStuckGrain.HangOneWay to", StringComparison.Ordinal));
            Assert.Contains("did not go quiet", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            gate.Open();
        }

        await silo.Clock.WhenQuietAsync();
    }

    [Fact]
    public async Task A_one_way_call_stays_in_flight_while_its_target_activates_even_when_the_activation_calls_other_grains()
    {
        var gate = silo.Services.GetRequiredService<Gate>();
        var grain = silo.Grains.GetGrain<ISlowStartGrain>("slow-start");
        await grain.Note();
        try
        {
            // The activation's own call (to an echo grain) has been handled; the note has not.
            await gate.Entered.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.False(silo.Clock.IsQuiet);
            Assert.Contains(silo.Clock.InFlight, w => w.Contains("one-way call ISlowStartGrain.Note to", StringComparison.Ordinal));
        }
        finally
        {
            gate.Open();
        }

        await silo.Clock.WhenQuietAsync();
        Assert.Equal(1, await grain.Notes());
    }

    [Fact]
    public async Task A_timer_due_at_once_counts_as_in_flight_before_its_tick_can_start()
    {
        var gate = silo.Services.GetRequiredService<Gate>();
        var grain = silo.Grains.GetGrain<IHeldTickerGrain>("held");
        var held = grain.Hold();
        try
        {
            await gate.Entered.WaitAsync(TimeSpan.FromSeconds(10));
            await grain.StartAtOnce();

            // The tick is queued behind the hold: no clock fires it, yet it is in flight.
            Assert.Contains(silo.Clock.InFlight, w => w.Contains("due at once", StringComparison.Ordinal));
            Assert.Equal(0, await grain.Ticks());
        }
        finally
        {
            gate.Open();
        }

        await held;
        await silo.Clock.WhenQuietAsync();
        Assert.Equal(1, await grain.Ticks());
    }

    [Fact]
    public async Task A_deactivation_in_progress_is_waited_out()
    {
        var log = silo.Services.GetRequiredService<DeactivationLog>();

        await silo.Grains.GetGrain<ISleeperGrain>("sleeper").Retire();
        await silo.Clock.WhenQuietAsync();

        Assert.Contains("sleeper", log.Deactivated);
    }

    [Fact]
    public async Task Reminders_tick_once_per_period_on_the_clock_and_each_tick_is_waited_for()
    {
        var alarm = silo.Grains.GetGrain<IAlarmGrain>("alarm");
        var minute = TimeSpan.FromMinutes(1);
        await alarm.Set(minute);
        var start = silo.Clock.GetUtcNow();

        for (var i = 1; i <= 5; i++)
        {
            await silo.Clock.AdvanceAsync(minute, minute);
            Assert.Equal(Enumerable.Range(1, i).Select(n => start + n * minute), await alarm.Rings());
        }
    }

    [Fact]
    public async Task Tracked_work_outside_grains_counts_until_it_completes()
    {
        var done = new TaskCompletionSource();
        _ = silo.Clock.Track(done.Task, "a batch being handed over");

        var error = await Assert.ThrowsAsync<LockstepTimeoutException>(() => silo.Clock.WhenQuietAsync(TimeSpan.FromMilliseconds(100)));
        Assert.Contains(error.InFlight, w => w.StartsWith("a batch being handed over", StringComparison.Ordinal));

        done.SetResult();
        await silo.Clock.WhenQuietAsync();
    }

    [Fact]
    public void The_clock_drives_only_the_grain_and_reminder_areas()
    {
        Assert.Same(silo.Clock, silo.Services.GetRequiredKeyedService<TimeProvider>(TimeProviderNames.Grains));
        Assert.Same(silo.Clock, silo.Services.GetRequiredKeyedService<TimeProvider>(Orleans.Reminders.ReminderTimeProviderNames.Reminders));
        Assert.NotSame(silo.Clock, silo.Services.GetService<TimeProvider>());
        Assert.NotSame(silo.Clock, silo.Services.GetKeyedService<TimeProvider>(TimeProviderNames.Membership));
    }
}
