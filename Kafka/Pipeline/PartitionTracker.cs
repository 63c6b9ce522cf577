using System.Numerics;

namespace SupplyGrid.Kafka;

/// <summary>
/// The delivered records of one partition, in offset order, as a ring of reusable <see cref="InFlightRecord"/>s.
/// Records finish in any order (different keys run in parallel); the committable offset is the lowest unfinished
/// one, so a commit never passes a record whose handler has not finished.
/// </summary>
/// <remarks>
/// One writer thread (the pump, or the direct ingress) admits, releases and reads offsets; handler threads only mark
/// records finished. The ring grows up to <c>maxWindow</c>; a full window means the partition must pause.
/// </remarks>
internal sealed class PartitionTracker
{
    private const int InitialCapacity = 64;

    private readonly int _maxWindow;
    private InFlightRecord?[] _ring;
    private long _head;
    private long _tail;
    private int _revoked;

    public PartitionTracker(TopicBinding binding, TopicCounters counters, int partition, int maxWindow)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(partition);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWindow, 1);
        Binding = binding;
        Counters = counters;
        Partition = partition;
        _maxWindow = (int)BitOperations.RoundUpToPowerOf2((uint)maxWindow);
        _ring = new InFlightRecord?[Math.Min(InitialCapacity, _maxWindow)];
    }

    public TopicBinding Binding { get; }

    public TopicCounters Counters { get; }

    public string Topic => Binding.Topic;

    public int Partition { get; }

    /// <summary>The offset after the last admitted record; -1 before the first.</summary>
    public long NextOffset { get; private set; } = -1;

    /// <summary>The last offset committed for this partition; -1 when unknown.</summary>
    public long CommittedOffset { get; set; } = -1;

    /// <summary>Admitted records not yet released (finished ones waiting behind an unfinished one included).</summary>
    public int Window => (int)(_head - _tail);

    /// <summary>Set once the partition was handed to another member: late completions no longer count for it.</summary>
    public bool IsRevoked => Volatile.Read(ref _revoked) != 0;

    public void MarkRevoked() => Volatile.Write(ref _revoked, 1);

    /// <returns>The slot now tracking <paramref name="offset"/>, or null when the window is full.</returns>
    public InFlightRecord? TryAdmit(long offset, in RecordKey key, ReadOnlyMemory<byte> value, long admittedAt)
    {
        if (_head - _tail == _ring.Length)
        {
            ReleaseFinished();
            if (_head - _tail == _ring.Length)
            {
                if (_ring.Length == _maxWindow)
                    return null;
                Grow();
            }
        }

        var index = (int)(_head & (_ring.Length - 1));
        var slot = _ring[index] ??= new InFlightRecord(this);
        slot.Reset(offset, key, value, admittedAt);
        _head++;
        NextOffset = offset + 1;
        return slot;
    }

    /// <summary>Moves the window past finished records at its start.</summary>
    public void ReleaseFinished()
    {
        var mask = _ring.Length - 1;
        while (_tail < _head && _ring[(int)(_tail & mask)]!.IsFinished)
            _tail++;
    }

    /// <summary>True when some admitted record has not finished yet.</summary>
    public bool HasUnfinished
    {
        get
        {
            ReleaseFinished();
            return _tail < _head;
        }
    }

    /// <summary>The offset to commit (the lowest unfinished record, or the next one), or -1 when nothing was admitted.</summary>
    public long CommittableOffset()
    {
        ReleaseFinished();
        return _tail < _head ? _ring[(int)(_tail & (_ring.Length - 1))]!.Offset : NextOffset;
    }

    private void Grow()
    {
        var bigger = new InFlightRecord?[_ring.Length * 2];
        int oldMask = _ring.Length - 1, newMask = bigger.Length - 1;
        for (var sequence = _tail; sequence < _head; sequence++)
            bigger[(int)(sequence & newMask)] = _ring[(int)(sequence & oldMask)];
        _ring = bigger;
    }
}
