using SupplyGrid.Runtime;

namespace SupplyGrid.Evaluation.Grid;

/// <summary>
/// The grid's clock during an evaluation: it stands still while grain work runs and moves only when the harness sets
/// it. Timers never fire by themselves: the harness fires the due ones (<see cref="FireDue"/>) at a point of its
/// choosing, in a fixed order: due time, then the grain that created the timer (the grain turn running at
/// creation), then creation.
/// </summary>
public sealed class LockstepClock : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly HashSet<LockstepTimer> _armed = [];
    private readonly List<LockstepTimer> _due = [];
    private long _nowTicks;
    private long _sequence;

    public LockstepClock(DateTimeOffset start)
    {
        _nowTicks = start.UtcTicks;
    }

    public override DateTimeOffset GetUtcNow() => new(Volatile.Read(ref _nowTicks), TimeSpan.Zero);

    public override long GetTimestamp() => Volatile.Read(ref _nowTicks);

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>Timers waiting to fire (armed, not disposed).</summary>
    public int ArmedTimers
    {
        get
        {
            lock (_lock)
                return _armed.Count;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var owner = RuntimeContext.Current?.GrainId.ToString() ?? "";
        LockstepTimer timer;
        lock (_lock)
            timer = new LockstepTimer(this, callback, state, owner, ++_sequence);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Whether any timer is due by now.</summary>
    public bool AnyDue
    {
        get
        {
            lock (_lock)
            {
                foreach (var timer in _armed)
                {
                    if (timer.DueTicks <= _nowTicks)
                        return true;
                }

                return false;
            }
        }
    }

    /// <summary>Moves the clock to <paramref name="time"/>; call only while the grid is quiet.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="time"/> is before the current time.</exception>
    public void MoveTo(DateTimeOffset time)
    {
        var ticks = time.UtcTicks;
        if (ticks < Volatile.Read(ref _nowTicks))
            throw new ArgumentOutOfRangeException(nameof(time), time, $"The clock cannot go back (now {GetUtcNow():O}).");
        Volatile.Write(ref _nowTicks, ticks);
    }

    /// <summary>
    /// Fires every timer due by now, in the fixed order, on the calling thread. A periodic timer is re-armed one period
    /// later; grain timers re-arm themselves when their tick has run. Returns how many fired.
    /// </summary>
    public int FireDue()
    {
        _due.Clear();
        lock (_lock)
        {
            var now = _nowTicks;
            foreach (var timer in _armed)
            {
                if (timer.DueTicks <= now)
                    _due.Add(timer);
            }

            _due.Sort(static (a, b) => a.CompareTo(b));
            foreach (var timer in _due)
                timer.OnFiring(now);
        }

        foreach (var timer in _due)
            timer.Fire();
        return _due.Count;
    }

    private sealed class LockstepTimer(LockstepClock clock, TimerCallback callback, object? state, string owner, long sequence) : ITimer
    {
        private long _periodTicks = -1;

        public long Sequence { get; } = sequence;

        public string Owner { get; } = owner;

        public long DueTicks { get; private set; } = long.MaxValue;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._lock)
            {
                clock._armed.Remove(this);
                _periodTicks = period == Timeout.InfiniteTimeSpan || period <= TimeSpan.Zero ? -1 : period.Ticks;
                if (dueTime == Timeout.InfiniteTimeSpan)
                {
                    DueTicks = long.MaxValue;
                    return true;
                }

                DueTicks = clock._nowTicks + Math.Max(0, dueTime.Ticks);
                clock._armed.Add(this);
            }

            return true;
        }

        /// <summary>Under the clock's lock: a periodic timer moves on by its period, a one-shot timer is removed.</summary>
        public void OnFiring(long now)
        {
            if (_periodTicks < 0)
            {
                clock._armed.Remove(this);
                DueTicks = long.MaxValue;
            }
            else
            {
                DueTicks = Math.Max(DueTicks + _periodTicks, now + 1);
            }
        }

        public void Fire() => callback(state);

        public int CompareTo(LockstepTimer other)
        {
            var byDue = DueTicks.CompareTo(other.DueTicks);
            if (byDue != 0)
                return byDue;
            var byOwner = string.CompareOrdinal(Owner, other.Owner);
            return byOwner != 0 ? byOwner : Sequence.CompareTo(other.Sequence);
        }

        public void Dispose()
        {
            lock (clock._lock)
            {
                clock._armed.Remove(this);
                DueTicks = long.MaxValue;
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
