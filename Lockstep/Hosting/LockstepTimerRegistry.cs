using Orleans.Runtime;
using Orleans.Timers;

namespace SupplyGrid.Lockstep.Hosting;

/// <summary>
/// Wraps the silo's timer registry to see what the clock cannot: a grain timer asked to tick at once (due time zero)
/// queues its tick on the grain without any timer firing. Every other tick starts with the clock firing the timer.
/// </summary>
internal sealed class LockstepTimerRegistry(ITimerRegistry inner, SiloLockstep silo) : ITimerRegistry
{
    public IGrainTimer RegisterGrainTimer<TState>(IGrainContext grainContext, Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(grainContext);
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new LockstepGrainTimer(silo, grainContext.GrainId);
        if (options.DueTime == TimeSpan.Zero)
            timer.ExpectImmediateTick();
        timer.Attach(inner.RegisterGrainTimer(grainContext, (s, ct) =>
        {
            timer.OnTickStarting();
            return callback(s, ct);
        }, state, options));
        return timer;
    }

    [Obsolete("Use 'RegisterGrainTimer(grainContext, callback, state, new() { DueTime = dueTime, Period = period, Interleave = true })' instead.")]
    public IDisposable RegisterTimer(IGrainContext grainContext, Func<object?, Task> callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(grainContext);
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new LockstepGrainTimer(silo, grainContext.GrainId);
        if (dueTime == TimeSpan.Zero)
            timer.ExpectImmediateTick();
        var registered = inner.RegisterTimer(grainContext, s =>
        {
            timer.OnTickStarting();
            return callback(s);
        }, state, dueTime, period);
        timer.Attach(registered as IGrainTimer ?? new DisposableGrainTimer(registered));
        return timer;
    }

    /// <summary>A timer handed back as a bare IDisposable (none is in this Orleans version; kept for safety).</summary>
    private sealed class DisposableGrainTimer(IDisposable inner) : IGrainTimer
    {
        public void Change(TimeSpan dueTime, TimeSpan period) => throw new NotSupportedException("This timer cannot be changed.");

        public void Dispose() => inner.Dispose();
    }
}
