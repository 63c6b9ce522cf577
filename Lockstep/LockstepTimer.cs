using Orleans.Runtime;

namespace SupplyGrid.Lockstep;

/// <summary>
/// A timer of the <see cref="LockstepClock"/>: a FakeTimeProvider timer that the clock can see. It tells the clock
/// when it is next due, and when it belongs to an Orleans grain timer (its state is the <see cref="IGrainTimer"/>), it
/// counts as in flight from firing until the grain timer re-arms or disposes it. Orleans re-arms a grain timer only
/// after the tick's callback has finished, so that span covers the tick queued on its grain and the tick running.
/// </summary>
internal sealed class LockstepTimer : ITimer
{
    private const long Disarmed = long.MaxValue;

    private readonly LockstepClock _clock;
    private readonly TimerCallback _callback;
    private readonly ITimer _fake;
    private readonly Lock _lock = new();
    private long _dueTicks = Disarmed;
    private long _periodTicks;
    private long _version;
    private InFlightItem? _tick;
    private bool _disposed;
    private Action? _onDisposed;

    public LockstepTimer(LockstepClock clock, TimeProvider fake, TimerCallback callback, object? state)
    {
        _clock = clock;
        _callback = callback;
        State = state;
        _fake = fake.CreateTimer(static timer => ((LockstepTimer)timer!).Fire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public object? State { get; }

    /// <summary>True for the timer behind an Orleans grain timer, whose fire starts a tick that ends with a re-arm.</summary>
    public bool IsGrainTimer => State is IGrainTimer;

    /// <summary>The silo the timer's grain lives in (set by the silo's timer registry), so a stopped silo takes its ticks along.</summary>
    public object? Owner { get; set; }

    /// <summary>What a failed wait names the timer by: its grain when known.</summary>
    public object? Subject { get; set; }

    /// <summary>True while the timer is still armed as it was when the clock queued it under <paramref name="version"/>.</summary>
    public bool IsArmed(long version) => Volatile.Read(ref _version) == version && Volatile.Read(ref _dueTicks) != Disarmed;

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        InFlightItem? finished;
        lock (_lock)
        {
            if (_disposed)
                return false;
            finished = _tick;
            _tick = null;
            _periodTicks = period > TimeSpan.Zero && period != Timeout.InfiniteTimeSpan ? period.Ticks : 0;
            _dueTicks = dueTime == Timeout.InfiniteTimeSpan ? Disarmed : _clock.NowTicks + dueTime.Ticks;
            _version++;
            if (_dueTicks != Disarmed)
                _clock.Arm(this, _dueTicks, _version);
        }

        // Re-armed (or stopped): the tick that fired it has finished.
        _clock.Work.End(finished);
        return _fake.Change(dueTime, period);
    }

    /// <summary>Runs <paramref name="onDisposed"/> once the timer is disposed (at once if it already is).</summary>
    public void OnDisposed(Action onDisposed)
    {
        lock (_lock)
        {
            if (!_disposed)
            {
                _onDisposed += onDisposed;
                return;
            }
        }

        onDisposed();
    }

    /// <summary>Called by the fake clock when the timer falls due.</summary>
    public void Fire()
    {
        InFlightItem? previous;
        lock (_lock)
        {
            if (_disposed)
                return;
            previous = _tick;
            _tick = null;
            if (_periodTicks > 0)
            {
                // The fake clock re-arms a periodic timer one period after the due time it fired for.
                _dueTicks += _periodTicks;
                _version++;
                _clock.Arm(this, _dueTicks, _version);
            }
            else
            {
                _dueTicks = Disarmed;
            }

            if (IsGrainTimer)
                _tick = _clock.Work.Begin(InFlightKind.TimerTick, Subject ?? State, null, Owner);
        }

        _clock.Work.End(previous);
        if (!IsGrainTimer)
            _clock.OnDelayTimerFired(this);
        _callback(State);
    }

    public void Dispose()
    {
        InFlightItem? finished;
        Action? onDisposed;
        lock (_lock)
        {
            if (_disposed)
                return;
            _disposed = true;
            finished = _tick;
            _tick = null;
            _dueTicks = Disarmed;
            onDisposed = _onDisposed;
            _onDisposed = null;
        }

        _clock.Work.End(finished);
        _fake.Dispose();
        onDisposed?.Invoke();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    public override string ToString() => Subject?.ToString() ?? State?.ToString() ?? "timer";
}
