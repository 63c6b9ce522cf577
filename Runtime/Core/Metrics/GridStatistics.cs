using SupplyGrid.Runtime.Activations;
using SupplyGrid.Runtime.Invocation;

namespace SupplyGrid.Runtime.Metrics;

/// <summary>Silo-wide counters the activations update on their hot path: cheap increments only.</summary>
internal sealed class GridStatistics(TimeProvider timeProvider)
{
    private readonly StripedCounter _pending = new();
    private readonly double _microsecondsPerTick = 1_000_000.0 / timeProvider.TimestampFrequency;

    public long PendingMessages => Math.Max(0, _pending.Sum());

    public void OnEnqueued(int count) => _pending.Add(count);

    public void OnDequeued(int count = 1) => _pending.Add(-count);

    public void OnActivated(GrainClass grainClass) => grainClass.Statistics.OnActivated();

    public void OnDeactivated(GrainClass grainClass) => grainClass.Statistics.OnDeactivated();

    public void OnCompleted(GrainClass grainClass, GrainMessage message, long now) =>
        grainClass.Statistics.For(message.Method).Record(message.Error is not null, (now - message.EnqueuedAt) * _microsecondsPerTick);
}
