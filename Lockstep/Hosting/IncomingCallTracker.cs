using Orleans;
using Orleans.Runtime;

namespace SupplyGrid.Lockstep.Hosting;

/// <summary>
/// Ends a one-way call's item when its target has handled it (a marker that reached another grain, riding on a call
/// made while the target activated, is dropped there), and counts as running every grain call no sender here
/// accounts for: calls from a cluster client, and grain timer ticks, which Orleans delivers to the grain as messages
/// through this same filter pipeline.
/// </summary>
internal sealed class IncomingCallTracker(SiloLockstep silo) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (!TrackedTargets.IsGrain(context.TargetId))
        {
            await context.Invoke();
            return;
        }

        var marker = RequestContext.Get(TrackedTargets.OneWayCallKey);
        if (marker is not null)
        {
            // Taken off so that the calls this one makes do not carry it on.
            RequestContext.Remove(TrackedTargets.OneWayCallKey);
        }

        if (TrackedTargets.TryReadOneWayMarker(marker, context.TargetId, out var oneWayCall))
        {
            try
            {
                await context.Invoke();
            }
            finally
            {
                silo.Work.End(oneWayCall);
            }

            return;
        }

        var item = silo.Work.Begin(InFlightKind.Running, context.TargetId, TrackedTargets.Method(context.InterfaceName, context.MethodName), silo);
        try
        {
            await context.Invoke();
        }
        finally
        {
            silo.Work.End(item);
        }
    }
}
