using System.Diagnostics;

namespace SupplyGrid.Bench.City;

/// <summary>
/// A clock the load generator moves: grain timers, reminders and the runtime's periodic work fire when simulated time
/// reaches them, so time is compressed as far as the machine can push events. Timestamps stay on the wall clock, so
/// latency figures (tick duration, deficit-to-MDT) and response timeouts are real.
/// </summary>
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
                    clock.Schedule(this, clock._nowTicks + dueTime.Ticks);
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
