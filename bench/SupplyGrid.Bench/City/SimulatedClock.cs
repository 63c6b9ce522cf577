using System.Diagnostics;

namespace SupplyGrid.Bench.City;

/// <summary>
/// A clock the load generator moves, given to the silo as its grain and reminder clocks: grain timers and reminders fire
/// when simulated time reaches them, so time is compressed as far as the machine can push events (Orleans' own areas,
/// membership, messaging and the directory, stay on the system clock). Timestamps stay on the wall clock, so latency
/// figures (tick duration, deficit-to-MDT) are real.
/// </summary>
/// <remarks>
/// A timer fires at the end of the millisecond it is due in (its due time plus a millisecond less one tick). Orleans'
/// reminder service waits for an instant with <c>Task.Delay(instant - now, clock)</c> in a loop until now reaches it
/// (and its reminder-list refresh picks instants at random, to the tick). <c>Task.Delay</c> truncates to whole
/// milliseconds and, with less than one left, completes at once without a timer; since only the feeder moves this
/// clock, a delay timer that fired at its truncated due time would leave that loop spinning for ever, on the feeder's
/// own thread, which fires the timers. Fired at the end of the millisecond, it leaves now at or past the instant.
/// </remarks>
internal sealed class SimulatedClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly PriorityQueue<(SimTimer Timer, long Version), long> _due = new();
    private long _nowTicks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Volatile.Read(ref _nowTicks), TimeSpan.Zero);

    public override long GetTimestamp() => Stopwatch.GetTimestamp();

    public override long TimestampFrequency => Stopwatch.Frequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new SimTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves simulated time to <paramref name="target"/>, firing (on this thread) every timer due on the way, in order.</summary>
    public void AdvanceTo(DateTimeOffset target)
    {
        var targetTicks = target.UtcTicks;
        while (true)
        {
            SimTimer timer;
            lock (_lock)
            {
                if (!TryTakeDue(targetTicks, out timer!))
                {
                    if (targetTicks > _nowTicks)
                        Volatile.Write(ref _nowTicks, targetTicks);
                    return;
                }
            }

            timer.Fire();
        }
    }

    /// <summary>Under the lock: the next live timer due by <paramref name="targetTicks"/>, rescheduled if periodic.</summary>
    private bool TryTakeDue(long targetTicks, out SimTimer timer)
    {
        while (_due.TryPeek(out var entry, out var dueTicks) && dueTicks <= targetTicks)
        {
            _due.Dequeue();
            if (entry.Version != entry.Timer.Version)
                continue;
            if (dueTicks > _nowTicks)
                Volatile.Write(ref _nowTicks, dueTicks);
            timer = entry.Timer;
            if (timer.PeriodTicks > 0)
                Schedule(timer, dueTicks + timer.PeriodTicks);
            else
                timer.Version++;
            return true;
        }

        timer = null!;
        return false;
    }

    private void Schedule(SimTimer timer, long dueTicks)
    {
        timer.Version++;
        _due.Enqueue((timer, timer.Version), dueTicks);
    }

    /// <summary>How much later than its due time a timer fires: to the end of that millisecond (see the remarks).</summary>
    private static readonly long FiringDelayTicks = TimeSpan.TicksPerMillisecond - 1;

    private sealed class SimTimer(SimulatedClock clock, TimerCallback callback, object? state) : ITimer
    {
        public long Version;
        public long PeriodTicks;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._lock)
            {
                PeriodTicks = period == Timeout.InfiniteTimeSpan ? 0 : period.Ticks;
                if (dueTime == Timeout.InfiniteTimeSpan)
                    Version++;
                else
                    clock.Schedule(this, clock._nowTicks + dueTime.Ticks + FiringDelayTicks);
            }

            return true;
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (clock._lock)
                Version++;
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
