using Orleans;
using Orleans.CodeGeneration;
using Orleans.Runtime;

namespace SupplyGrid.Lockstep.Hosting;

/// <summary>
/// Counts every grain call this silo sends, from grains and from other code in the silo (its IGrainFactory) alike. A
/// request/response call is in flight until its response arrives. A one-way call returns as soon as it is sent, so its
/// item rides along in the request context and the target's <see cref="IncomingCallTracker"/> ends it when handled.
/// </summary>
internal sealed class OutgoingCallTracker(SiloLockstep silo) : IOutgoingGrainCallFilter
{
    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        if (!TrackedTargets.IsGrain(context.TargetId))
        {
            await context.Invoke();
            return;
        }

        var oneWay = context.Request is IRequest request && (request.Options & InvokeMethodOptions.OneWay) != 0;
        var item = silo.Work.Begin(oneWay ? InFlightKind.OneWayCall : InFlightKind.Call, context.TargetId,
            TrackedTargets.Method(context.InterfaceName, context.MethodName), silo);
        if (!oneWay)
        {
            try
            {
                await context.Invoke();
            }
            finally
            {
                silo.Work.End(item);
            }

            return;
        }

        // Set in this filter's own async flow: the caller's request context is left as it was.
        RequestContext.Set(TrackedTargets.OneWayCallKey, TrackedTargets.OneWayMarker(item.Id, context.TargetId));
        try
        {
            await context.Invoke();
        }
        catch
        {
            // Not sent: nothing will arrive to end it.
            silo.Work.End(item);
            throw;
        }
    }
}
