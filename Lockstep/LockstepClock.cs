using System.Runtime.CompilerServices;
using Microsoft.Extensions.Time.Testing;
using Orleans.Runtime;

namespace SupplyGrid.Lockstep;

/// <summary>
/// A manual clock for an Orleans silo (install it with <c>silo.UseLockstepClock(clock)</c>) that also knows what the
/// grid is doing: <see cref="WhenQuietAsync"/> waits until no grain call, timer tick, reminder tick or deactivation is
/// in flight, and <see cref="AdvanceAsync"/> moves time in steps, letting the grid finish each step before the next.
/// Time comes from a <see cref="FakeTimeProvider"/>; this wrapper sees every timer created on it.
/// </summary>
/// <remarks>
/// One step fires each due timer once: Orleans re-arms a grain timer only when its tick has finished, one period after
/// that moment. So a step longer than a timer's period gives that timer one tick where a real clock gives several; pass
/// a step no longer than the shortest period that matters, or none to stop at every due time.
/// </remarks>
public sealed class LockstepClock : TimeProvider
{
    /// <summary>How long a wait for quiet lasts by default (wall-clock time).</summary>
    public static readonly TimeSpan DefaultQuietTimeout = TimeSpan.FromSeconds(30);

    [ThreadStatic]
    private static LockstepTimer? t_lastDelayTimer;

    private readonly FakeTimeProvider _time;
    private readonly Lock _armedLock = new();
    private readonly PriorityQueue<(LockstepTimer Timer, long Version), long> _armed = new();
    private readonly ConditionalWeakTable<object, LockstepTimer> _grainTimers = new();
    private long _nowTicks;
    private int _advancing;

    public LockstepClock(DateTimeOffset start)
    {
        _time = new FakeTimeProvider(start);
        _nowTicks = start.UtcTicks;
    }

    /// <summary>How long <see cref="WhenQuietAsync"/> and each step of <see cref="AdvanceAsync"/> wait before failing.</summary>
    public TimeSpan QuietTimeout { get; init; } = DefaultQuietTimeout;

    /// <summary>True when nothing is in flight.</summary>
    public bool IsQuiet => Work.Count == 0;

    /// <summary>What is in flight now, oldest first (empty when quiet).</summary>
    public IReadOnlyList<string> InFlight => Work.Describe();

    /// <summary>When the next armed timer falls due, or null when none is armed.</summary>
    public DateTimeOffset? NextDueAt => NextDueTicks() is { } ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    internal InFlightWork Work { get; } = new();

    internal long NowTicks => Volatile.Read(ref _nowTicks);

    /// <summary>Raised when a timer that is not a grain timer fires (a Task.Delay on this clock, a reminder's wait).</summary>
    internal event Action<LockstepTimer>? DelayTimerFired;

    // The fake clock is asked only when it moves: its own GetUtcNow scans every timer to fire due ones.
    public override DateTimeOffset GetUtcNow() => new(NowTicks, TimeSpan.Zero);

    public override long GetTimestamp() => NowTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new LockstepTimer(this, _time, callback, state);
        if (state is IGrainTimer grainTimer)
            _grainTimers.AddOrUpdate(grainTimer, timer);
        else
            t_lastDelayTimer = timer;
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Completes once nothing is in flight; throws <see cref="LockstepTimeoutException"/> naming what still is after <paramref name="timeout"/> (default <see cref="QuietTimeout"/>).</summary>
    public Task WhenQuietAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        Work.WhenEmptyAsync(timeout ?? QuietTimeout, cancellationToken);

    /// <summary>
    /// Moves the clock <paramref name="by"/> forward: waits for quiet, then repeatedly moves by at most
    /// <paramref name="step"/> (or, without one, to the next due timer, so that every timer fires at its due time) and
    /// waits for quiet again. Fails with <see cref="LockstepTimeoutException"/> when a step does not settle within
    /// <see cref="QuietTimeout"/>.
    /// </summary>
    public async Task AdvanceAsync(TimeSpan by, TimeSpan? step = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        if (step is { } size)
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(size, TimeSpan.Zero, nameof(step));
        if (Interlocked.Exchange(ref _advancing, 1) == 1)
            throw new InvalidOperationException("The clock is already being advanced: advance it from one place at a time.");
        try
        {
            await WhenQuietAsync(null, cancellationToken).ConfigureAwait(false);
            var until = NowTicks + by.Ticks;
            while (NowTicks < until)
            {
                var next = step is { } fixedStep ? NowTicks + fixedStep.Ticks : NextDueTicks() ?? until;
                MoveTo(Math.Clamp(next, NowTicks, until));
                await WhenQuietAsync(null, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            Volatile.Write(ref _advancing, 0);
        }
    }

    /// <summary>Counts <paramref name="work"/> as in flight until it completes (work the grid does outside grain calls).</summary>
    public Task Track(Task work, string description)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(description);
        var item = Work.Begin(InFlightKind.Work, null, description, null);
        work.ContinueWith(static (_, state) => ((Action)state!)(), (Action)(() => Work.End(item)), CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return work;
    }

    internal void Arm(LockstepTimer timer, long dueTicks, long version)
    {
        lock (_armedLock)
            _armed.Enqueue((timer, version), dueTicks);
    }

    /// <summary>The clock's timer behind an Orleans grain timer (created with it as state), if any.</summary>
    internal LockstepTimer? FindGrainTimer(IGrainTimer grainTimer) => _grainTimers.TryGetValue(grainTimer, out var timer) ? timer : null;

    /// <summary>The last timer that is not a grain timer created on this thread, once: what a Task.Delay just armed.</summary>
    internal static LockstepTimer? TakeDelayTimerCreatedOnThisThread()
    {
        var timer = t_lastDelayTimer;
        t_lastDelayTimer = null;
        return timer;
    }

    internal void OnDelayTimerFired(LockstepTimer timer) => DelayTimerFired?.Invoke(timer);

    private long? NextDueTicks()
    {
        lock (_armedLock)
        {
            // Entries are queued on every arm and dropped lazily once their timer was re-armed, stopped or disposed.
            while (_armed.TryPeek(out var entry, out var due))
            {
                if (entry.Timer.IsArmed(entry.Version))
                    return due;
                _armed.Dequeue();
            }

            return null;
        }
    }

    private void MoveTo(long ticks)
    {
        var delta = ticks - NowTicks;
        Volatile.Write(ref _nowTicks, ticks);
        // Fires every timer now due, in due order, on this thread; grain timers only queue their ticks.
        _time.Advance(TimeSpan.FromTicks(delta));
        lock (_armedLock)
        {
            // Whatever was due by now has fired: its entry is stale (a fixed step never asks for the next due time).
            while (_armed.TryPeek(out _, out var due) && due <= ticks)
                _armed.Dequeue();
        }
    }
}
