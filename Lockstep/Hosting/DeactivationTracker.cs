using System.Collections.Concurrent;
using Orleans.Runtime;
using Orleans.Runtime.Diagnostics;

namespace SupplyGrid.Lockstep.Hosting;

/// <summary>
/// Counts a grain activation of this silo as in flight while it deactivates: OnDeactivateAsync may write state and
/// send calls after the call that asked for it has finished, or with no call at all (idle collection).
/// </summary>
internal sealed class DeactivationTracker(SiloLockstep silo) : IObserver<GrainLifecycleEvents.LifecycleEvent>
{
    private readonly ConcurrentDictionary<IGrainContext, InFlightItem> _deactivating = new(ReferenceEqualityComparer.Instance);

    public void OnNext(GrainLifecycleEvents.LifecycleEvent value)
    {
        var grain = value.GrainContext;
        switch (value)
        {
            case GrainLifecycleEvents.Deactivating when TrackedTargets.IsGrain(grain.GrainId) && Equals(grain.Address?.SiloAddress, silo.Address):
                var item = silo.Work.Begin(InFlightKind.Deactivation, grain.GrainId, null, silo);
                if (!_deactivating.TryAdd(grain, item))
                    silo.Work.End(item);
                break;
            case GrainLifecycleEvents.Deactivated when _deactivating.TryRemove(grain, out var done):
                silo.Work.End(done);
                break;
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }
}
