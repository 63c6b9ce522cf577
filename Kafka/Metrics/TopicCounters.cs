namespace SupplyGrid.Kafka;

/// <summary>Running totals of one topic, shared by every pump of the process; updated on the hot path without locks.</summary>
public sealed class TopicCounters(string topic)
{
    private long _consumed;
    private readonly long[] _deadLettered = new long[DeadLetterReasons.All.Count];

    public string Topic { get; } = topic;

    /// <summary>Records taken from the topic (good and bad).</summary>
    public long Consumed => Volatile.Read(ref _consumed);

    public long DeadLettered(DeadLetterReason reason) => Volatile.Read(ref _deadLettered[(int)reason]);

    internal void CountConsumed() => Interlocked.Increment(ref _consumed);

    internal void CountDeadLettered(DeadLetterReason reason) => Interlocked.Increment(ref _deadLettered[(int)reason]);
}
