namespace SupplyGrid.Runtime.Timers;

/// <summary>Options of a grain timer (mirrors Orleans' <c>GrainTimerCreationOptions</c>).</summary>
public readonly record struct GrainTimerCreationOptions(TimeSpan DueTime, TimeSpan Period)
{
    /// <summary>
    /// When true, ticks run even while another turn of the grain is awaiting (they interleave); when false (the
    /// default) a tick is a turn like any other request.
    /// </summary>
    public bool Interleave { get; init; }

    /// <summary>When true, ticks count as activity and keep the activation from idle collection.</summary>
    public bool KeepAlive { get; init; }
}

/// <summary>
/// A timer owned by an activation. Ticks never overlap: the next due time is armed only after the callback's task
/// completes. Disposed automatically when the activation deactivates.
/// </summary>
public interface IGrainTimer : IDisposable
{
    /// <summary>Changes the due time and period; <see cref="Timeout.InfiniteTimeSpan"/> period means one shot.</summary>
    void Change(TimeSpan dueTime, TimeSpan period);
}
