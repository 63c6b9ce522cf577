namespace SupplyGrid.Kafka;

/// <summary>
/// One delivered record until it is finished: the delivery state handed to the dispatcher, reused once its
/// partition's window has moved past it, so steady-state delivery allocates no tracking objects.
/// </summary>
internal sealed class InFlightRecord(PartitionTracker owner)
{
    private int _finished;

    public PartitionTracker Owner { get; } = owner;

    public long Offset { get; private set; }

    /// <summary>The key and value as received, kept until finished so a record whose handler fails can be dead-lettered intact.</summary>
    public RecordKey Key { get; private set; }

    public ReadOnlyMemory<byte> Value { get; private set; }

    /// <summary><see cref="System.Diagnostics.Stopwatch"/> timestamp of admission for latency-sampled records, else 0.</summary>
    public long AdmittedAt { get; private set; }

    public bool IsFinished => Volatile.Read(ref _finished) != 0;

    /// <summary>Called by the partition's single writer, only on a record no other thread still references.</summary>
    public void Reset(long offset, in RecordKey key, ReadOnlyMemory<byte> value, long admittedAt)
    {
        Offset = offset;
        Key = key;
        Value = value;
        AdmittedAt = admittedAt;
        Volatile.Write(ref _finished, 0);
    }

    /// <summary>Marks the record finished; the last touch by the finishing thread, after which the slot may be reused.</summary>
    public void MarkFinished()
    {
        // Dropping the payload now bounds memory while finished records wait behind an unfinished one.
        Key = default;
        Value = default;
        Volatile.Write(ref _finished, 1);
    }
}
