using Orleans.Runtime;

namespace SupplyGrid.Lockstep.Hosting;

/// <summary>
/// The grain's handle on its timer: passes everything to Orleans' timer, and counts a tick asked for at once (due time
/// zero) as in flight until it starts; from then on the tick is a call running through the incoming filter.
/// </summary>
/// <remarks>
/// A change to a later due time is taken to cancel such a tick. That is right when the timer's tick was running (Orleans
/// then uses only the last due time), and misses the rare tick queued at once and rescheduled before it could start.
/// </remarks>
internal sealed class LockstepGrainTimer(SiloLockstep silo, GrainId grain) : IGrainTimer
{
    private readonly Lock _lock = new();
    private IGrainTimer? _inner;
    private InFlightItem? _immediate;
    private bool _disposed;

    private IGrainTimer Inner => _inner ?? throw new InvalidOperationException("The timer is not registered yet.");

    public void Attach(IGrainTimer inner)
    {
        _inner = inner;
        if (silo.Clock.FindGrainTimer(inner) is { } timer)
        {
            timer.Owner = silo;
            timer.Subject = grain;
            // Orleans disposes its timers itself when the grain deactivates: a tick still queued then never starts.
            timer.OnDisposed(EndImmediateTick);
        }
    }

    public void ExpectImmediateTick()
    {
        lock (_lock)
        {
            if (!_disposed)
                _immediate ??= silo.Work.Begin(InFlightKind.ImmediateTimerTick, grain, null, silo);
        }
    }

    public void OnTickStarting() => EndImmediateTick();

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime == TimeSpan.Zero)
            ExpectImmediateTick();
        else
            EndImmediateTick();
        Inner.Change(dueTime, period);
    }

    public void Dispose()
    {
        _inner?.Dispose();
        lock (_lock)
            _disposed = true;
        EndImmediateTick();
    }

    private void EndImmediateTick()
    {
        InFlightItem? immediate;
        lock (_lock)
        {
            immediate = _immediate;
            _immediate = null;
        }

        silo.Work.End(immediate);
    }
}
