using System.Net;
using Orleans.Reminders.Diagnostics;
using SupplyGrid.Lockstep.Hosting;

namespace SupplyGrid.Lockstep.Tests;

/// <summary>
/// The reminder follower fed with Orleans' reminder events by hand: in a silo a reminder's wait fires and its tick
/// starts within microseconds, too fast to see the in-between state from a test.
/// </summary>
public sealed class ReminderTickTrackerTests
{
    private static readonly SiloAddress Here = SiloAddress.New(IPAddress.Loopback, 11111, 1);
    private static readonly SiloAddress Elsewhere = SiloAddress.New(IPAddress.Loopback, 22222, 1);
    private static readonly GrainId Grain = GrainId.Create("alarm", "a");

    private readonly LockstepClock _clock = new(new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero)) { QuietTimeout = TimeSpan.FromMilliseconds(100) };
    private readonly ReminderTickTracker _tracker;
    private readonly object _identity = new();

    public ReminderTickTrackerTests()
    {
        _tracker = new ReminderTickTracker(new SiloLockstep(_clock, new LocalSilo(Here)));
        _clock.DelayTimerFired += _tracker.OnDelayTimerFired;
    }

    [Fact]
    public async Task A_reminder_is_in_flight_from_its_wait_firing_until_it_waits_again()
    {
        _tracker.OnNext(new ReminderEvents.LocalReminderStarted(Grain, "r", _identity, Here));
        Assert.Contains(_clock.InFlight, w => w.Contains("'r', starting", StringComparison.Ordinal));
        WaitForNextTick(TimeSpan.FromMinutes(1), version: 0);
        Assert.True(_clock.IsQuiet);

        var error = await Assert.ThrowsAsync<LockstepTimeoutException>(() => _clock.AdvanceAsync(TimeSpan.FromMinutes(1)));
        Assert.Contains(error.InFlight, w => w.StartsWith("reminder 'r', due of alarm/a", StringComparison.Ordinal));

        WaitForNextTick(TimeSpan.FromMinutes(1), version: 0);
        Assert.True(_clock.IsQuiet);
    }

    [Fact]
    public void A_rescheduled_reminder_is_in_flight_until_it_waits_under_its_new_schedule()
    {
        _tracker.OnNext(new ReminderEvents.LocalReminderStarted(Grain, "r", _identity, Here));
        WaitForNextTick(TimeSpan.FromMinutes(1), version: 0);

        _tracker.OnNext(new ReminderEvents.LocalReminderScheduleChanged(Grain, "r", _identity, 1, Here));
        Assert.Contains(_clock.InFlight, w => w.Contains("'r', rescheduled", StringComparison.Ordinal));
        WaitForNextTick(TimeSpan.FromMinutes(2), version: 1);
        Assert.True(_clock.IsQuiet);

        // Reported after the reminder's loop already waits under it: nothing is left to do.
        _tracker.OnNext(new ReminderEvents.LocalReminderScheduleChanged(Grain, "r", _identity, 1, Here));
        Assert.True(_clock.IsQuiet);
    }

    [Fact]
    public void A_start_reported_after_the_first_wait_leaves_the_reminder_waiting()
    {
        WaitForNextTick(TimeSpan.FromMinutes(1), version: 0);
        _tracker.OnNext(new ReminderEvents.LocalReminderStarted(Grain, "r", _identity, Here));

        Assert.True(_clock.IsQuiet);
    }

    [Fact]
    public async Task A_stopped_reminder_and_other_silos_reminders_count_for_nothing()
    {
        _tracker.OnNext(new ReminderEvents.LocalReminderStarted(Grain, "r", new object(), Elsewhere));
        _tracker.OnNext(new ReminderEvents.LocalReminderStarted(Grain, "r", _identity, Here));
        WaitForNextTick(TimeSpan.FromMinutes(1), version: 0);
        _tracker.OnNext(new ReminderEvents.LocalReminderStopped(Grain, "r", _identity, default, Here));

        await _clock.AdvanceAsync(TimeSpan.FromMinutes(2));

        Assert.True(_clock.IsQuiet);
    }

    /// <summary>What the reminder's loop does: a delay on the clock, then the event saying it waits.</summary>
    private void WaitForNextTick(TimeSpan delay, long version)
    {
        _ = Task.Delay(delay, _clock);
        _tracker.OnNext(new ReminderEvents.LocalReminderTickWaitArmed(Grain, "r", _identity, version, Here));
    }

    private sealed class LocalSilo(SiloAddress address) : ILocalSiloDetails
    {
        public string Name => "test";

        public string ClusterId => "test";

        public string DnsHostName => "localhost";

        public SiloAddress SiloAddress => address;

        public SiloAddress GatewayAddress => address;
    }
}
