using Orleans;

namespace SupplyGrid.Evaluation.Grid;

/// <summary>
/// Counts the grain timer ticks the silo runs (cell recomputes, offer deadlines, ledger sweeps), for the run's
/// statistics. Orleans delivers each tick to its grain as a call through the incoming call filters, addressed to its
/// timer-invoker interface.
/// </summary>
internal sealed class TimerTickCounter : IIncomingGrainCallFilter
{
    private const string TimerInvokerInterface = "IGrainTimerInvoker";

    private long _ticks;

    public long Ticks => Interlocked.Read(ref _ticks);

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceName.EndsWith(TimerInvokerInterface, StringComparison.Ordinal))
            Interlocked.Increment(ref _ticks);
        return context.Invoke();
    }
}
