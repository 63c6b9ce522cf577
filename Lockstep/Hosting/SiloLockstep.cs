using Orleans;
using Orleans.Reminders.Diagnostics;
using Orleans.Runtime;
using Orleans.Runtime.Diagnostics;

namespace SupplyGrid.Lockstep.Hosting;

/// <summary>
/// One silo's part in a <see cref="LockstepClock"/>: the owner of the work its hooks begin, and the listener to the
/// reminder and lifecycle events of this silo. When the silo stops, whatever it left in flight is dropped: nothing of
/// it will finish, and the clock outlives the silo (a restart continues on the same time).
/// </summary>
internal sealed class SiloLockstep(LockstepClock clock, ILocalSiloDetails silo) : ILifecycleParticipant<ISiloLifecycle>
{
    private ReminderTickTracker? _reminders;
    private IDisposable? _reminderEvents;
    private IDisposable? _lifecycleEvents;

    public LockstepClock Clock => clock;

    public InFlightWork Work => clock.Work;

    public SiloAddress Address => silo.SiloAddress;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SiloLockstep), ServiceLifecycleStage.First, StartAsync, StopAsync);

    private Task StartAsync(CancellationToken cancellationToken)
    {
        _reminders = new ReminderTickTracker(this);
        clock.DelayTimerFired += _reminders.OnDelayTimerFired;
        _reminderEvents = ReminderEvents.AllEvents.Subscribe(_reminders);
        _lifecycleEvents = GrainLifecycleEvents.AllEvents.Subscribe(new DeactivationTracker(this));
        return Task.CompletedTask;
    }

    // The first stage stops last: every grain has deactivated by then.
    private Task StopAsync(CancellationToken cancellationToken)
    {
        if (_reminders is not null)
            clock.DelayTimerFired -= _reminders.OnDelayTimerFired;
        _reminderEvents?.Dispose();
        _lifecycleEvents?.Dispose();
        Work.EndAll(this);
        return Task.CompletedTask;
    }
}
