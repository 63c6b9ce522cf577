using SupplyGrid.Runtime.Activations;
using SupplyGrid.Runtime.Invocation;

namespace SupplyGrid.Runtime.Metrics;

/// <summary>Silo-wide counters the activations update on their hot path: cheap increments only.</summary>
internal sealed class GridStatistics(TimeProvider timeProvider)
{
    private readonly StripedCounter _pending = new();
    // Waiting plus running: zero only when every message sent has finished its turn (a running turn may be awaiting).
    private readonly StripedCounter _unfinished = new();
    private readonly double _microsecondsPerTick = 1_000_000.0 / timeProvider.TimestampFrequency;

    public long PendingMessages => Math.Max(0, _pending.Sum());

    public long UnfinishedMessages => Math.Max(0, _unfinished.Sum());

    public void OnEnqueued(int count)
    {
        _pending.Add(count);
        _unfinished.Add(count);
    }

    /// <summary>A message left its mailbox to run; it stays unfinished until <see cref="OnCompleted"/>.</summary>
    public void OnStarted() => _pending.Add(-1);

    /// <summary>Messages taken out of a closing mailbox: failed, or forwarded (and then enqueued again elsewhere).</summary>
    public void OnWithdrawn(int count)
    {
        _pending.Add(-count);
        _unfinished.Add(-count);
    }

    public void OnActivated(GrainClass grainClass) => grainClass.Statistics.OnActivated();

    public void OnDeactivated(GrainClass grainClass) => grainClass.Statistics.OnDeactivated();

    public void OnCompleted(GrainClass grainClass, GrainMessage message, long now)
    {
        _unfinished.Add(-1);
        grainClass.Statistics.For(message.Method).Record(message.Error is not null, (now - message.EnqueuedAt) * _microsecondsPerTick);
    }
}
