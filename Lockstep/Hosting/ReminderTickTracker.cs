using Orleans.Reminders.Diagnostics;
using Orleans.Runtime;

namespace SupplyGrid.Lockstep.Hosting;

/// <summary>
/// Follows this silo's reminders through Orleans' reminder events. A reminder waits for its next tick with a
/// Task.Delay on the clock; when that delay fires, the reminder is in flight until it waits again (its tick, a grain
/// call, happens in between) or stops. The delay's timer is recognised as the one created on the thread that reports
/// the wait, just before it reports it. Starting and rescheduling also count until the reminder waits again.
/// </summary>
internal sealed class ReminderTickTracker(SiloLockstep silo) : IObserver<ReminderEvents.ReminderEvent>
{
    private readonly Lock _lock = new();
    private readonly Dictionary<object, Reminder> _reminders = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<LockstepTimer, Reminder> _waits = new(ReferenceEqualityComparer.Instance);

    public void OnNext(ReminderEvents.ReminderEvent value)
    {
        if (!Equals(value.SiloAddress, silo.Address))
            return;
        switch (value)
        {
            case ReminderEvents.LocalReminderStarted started:
                lock (_lock)
                {
                    // Reported after the loop began: its first wait may already have been seen.
                    if (!_reminders.ContainsKey(started.Identity))
                        _reminders.Add(started.Identity, new Reminder(started.GrainId, started.ReminderName) { Busy = Begin(started, "starting") });
                }

                break;
            case ReminderEvents.LocalReminderTickWaitArmed armed:
                var delay = LockstepClock.TakeDelayTimerCreatedOnThisThread();
                InFlightItem? done;
                lock (_lock)
                {
                    var reminder = Find(armed);
                    if (armed.ScheduleVersion < reminder.Version)
                        return;
                    reminder.Version = armed.ScheduleVersion;
                    Unlink(reminder);
                    if (delay is not null)
                    {
                        reminder.Wait = delay;
                        _waits[delay] = reminder;
                    }

                    done = reminder.Busy;
                    reminder.Busy = null;
                }

                silo.Work.End(done);
                break;
            case ReminderEvents.LocalReminderScheduleChanged changed:
                lock (_lock)
                {
                    var reminder = Find(changed);
                    // A wait for this version may have been reported first, by the reminder's own loop.
                    if (changed.ScheduleVersion > reminder.Version)
                        reminder.Busy ??= Begin(changed, "rescheduled");
                }

                break;
            case ReminderEvents.LocalReminderStopped stopped:
                InFlightItem? busy = null;
                lock (_lock)
                {
                    if (_reminders.Remove(stopped.Identity, out var reminder))
                    {
                        Unlink(reminder);
                        busy = reminder.Busy;
                    }
                }

                silo.Work.End(busy);
                break;
        }
    }

    /// <summary>A delay on the clock fired: if it is a reminder's wait, the reminder ticks now.</summary>
    public void OnDelayTimerFired(LockstepTimer timer)
    {
        lock (_lock)
        {
            if (!_waits.Remove(timer, out var reminder))
                return;
            reminder.Wait = null;
            reminder.Busy ??= silo.Work.Begin(InFlightKind.Reminder, reminder.GrainId, $"'{reminder.Name}', due", silo);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    private Reminder Find(ReminderEvents.ReminderEvent value)
    {
        var identity = value switch
        {
            ReminderEvents.LocalReminderTickWaitArmed armed => armed.Identity,
            ReminderEvents.LocalReminderScheduleChanged changed => changed.Identity,
            _ => throw new ArgumentException("The event names no local reminder.", nameof(value)),
        };
        if (!_reminders.TryGetValue(identity, out var reminder))
            _reminders.Add(identity, reminder = new Reminder(value.GrainId, value.ReminderName));
        return reminder;
    }

    private void Unlink(Reminder reminder)
    {
        if (reminder.Wait is { } wait)
            _waits.Remove(wait);
        reminder.Wait = null;
    }

    private InFlightItem Begin(ReminderEvents.ReminderEvent value, string state) =>
        silo.Work.Begin(InFlightKind.Reminder, value.GrainId, $"'{value.ReminderName}', {state}", silo);

    private sealed class Reminder(GrainId grainId, string name)
    {
        public GrainId GrainId { get; } = grainId;

        public string Name { get; } = name;

        /// <summary>The schedule version of the last wait reported.</summary>
        public long Version { get; set; } = -1;

        public LockstepTimer? Wait { get; set; }

        public InFlightItem? Busy { get; set; }
    }
}
