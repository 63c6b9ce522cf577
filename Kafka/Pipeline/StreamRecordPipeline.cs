using System.Diagnostics;

namespace SupplyGrid.Kafka;

/// <summary>
/// Turns admitted records into deliveries: key check, then the dispatcher, which decodes and validates each value
/// and hands it to its handler; bad records and failed handlers become dead letters. Counts records in flight
/// (delivered, not finished) and wakes the single feeding thread when they drain. Shared by the Kafka pump and the
/// direct ingress.
/// </summary>
internal sealed class StreamRecordPipeline : IRecordDeliveryObserver
{
    private readonly IRecordDispatcher _dispatcher;
    private readonly IDeadLetterSink _deadLetters;
    private readonly KafkaStreamMetrics _metrics;
    private readonly string _consumerGroup;
    private readonly TimeProvider _time;
    /// <summary>One record in this many (by offset) has its consume-to-finish latency measured.</summary>
    internal const int LatencySampleInterval = 8;

    private readonly ManualResetEventSlim _progress = new(false);

    // In flight = admitted - finished. Admissions come from the one feeding thread and finishes from handler threads,
    // so each side writes only its own counter instead of both contending for one.
    private long _admitted;
    private long _finished;
    private long _wakeBelow = -1;

    public StreamRecordPipeline(
        IRecordDispatcher dispatcher, IDeadLetterSink deadLetters, KafkaStreamMetrics metrics, string consumerGroup, TimeProvider? time = null)
    {
        _dispatcher = dispatcher;
        _deadLetters = deadLetters;
        _metrics = metrics;
        _consumerGroup = consumerGroup;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Records delivered (or being dead-lettered) and not finished.</summary>
    public long InFlight
    {
        get
        {
            // Finished first: admissions only grow, so the difference cannot go negative.
            var finished = Volatile.Read(ref _finished);
            return Volatile.Read(ref _admitted) - finished;
        }
    }

    /// <summary>
    /// Admits one record into <paramref name="tracker"/>'s window and delivers it (or dead-letters it).
    /// </summary>
    /// <returns>False when the partition's window is full: nothing happened, the caller keeps the record.</returns>
    public bool TryProcess(PartitionTracker tracker, long offset, in RecordKey key, ReadOnlyMemory<byte> value)
    {
        var admittedAt = offset % LatencySampleInterval == 0 ? Stopwatch.GetTimestamp() : 0;
        var slot = tracker.TryAdmit(offset, key, value, admittedAt);
        if (slot is null)
            return false;

        Volatile.Write(ref _admitted, _admitted + 1);
        tracker.Counters.CountConsumed();
        if (key.Rejection is { } keyProblem)
        {
            DeadLetter(slot, keyProblem);
            return true;
        }

        // The value goes over still encoded: the dispatcher decodes it, and a bad one comes back to OnDelivered as a
        // RecordRejectedException, to be dead-lettered with its own reason.
        tracker.Binding.Deliver(_dispatcher, key.Text!, value, new RecordPosition(tracker.Partition, offset), this, slot);
        return true;
    }

    /// <summary>Called once per delivery by the dispatcher, on any thread, when its handler finished.</summary>
    public void OnDelivered(object? state, Exception? error)
    {
        if (state is not InFlightRecord slot)
            throw new ArgumentException($"the delivery state must be the {nameof(InFlightRecord)} passed to Deliver", nameof(state));
        if (error is null || slot.Owner.IsRevoked)
        {
            // A failure on a partition that moved to another member is redelivered there: not dead-lettered twice.
            Finish(slot);
            return;
        }

        DeadLetter(slot, error is RecordRejectedException rejected
            ? rejected.Rejection
            : new RecordRejection(DeadLetterReason.GrainFailed, error.Message, error));
    }

    /// <summary>Blocks the feeding thread until in-flight records drain to <paramref name="inFlight"/> or <paramref name="timeout"/> passes.</summary>
    /// <returns>True when they did.</returns>
    public bool WaitUntilInFlightAtMost(long inFlight, TimeSpan timeout) => Wait(inFlight + 1, () => InFlight <= inFlight, timeout);

    /// <summary>Blocks the feeding thread until some record finishes (or <paramref name="timeout"/> passes); at once when none is in flight.</summary>
    public void WaitForAnyFinish(TimeSpan timeout) => Wait(long.MaxValue, () => InFlight == 0, timeout);

    private bool Wait(long wakeBelow, Func<bool> satisfied, TimeSpan timeout)
    {
        _progress.Reset();
        // A full fence: the in-flight count read below must not be satisfied before finishers can see this
        // request, or a finisher could miss it while this thread sleeps through the whole timeout.
        Interlocked.Exchange(ref _wakeBelow, wakeBelow);
        try
        {
            if (satisfied())
                return true;
            _progress.Wait(timeout);
            return satisfied();
        }
        finally
        {
            Volatile.Write(ref _wakeBelow, -1);
        }
    }

    private void DeadLetter(InFlightRecord slot, RecordRejection rejection)
    {
        var tracker = slot.Owner;
        _metrics.RecordDeadLetter(tracker.Counters, rejection.Reason);
        var letter = new DeadLetter(
            tracker.Topic, tracker.Partition, slot.Offset, _consumerGroup, rejection.Reason, rejection.Message,
            rejection.Exception?.GetType().FullName, slot.Key.ToWireBytes(), slot.Value, _time.GetUtcNow());
        _deadLetters.Write(letter, () => Finish(slot));
    }

    private void Finish(InFlightRecord slot)
    {
        if (slot.AdmittedAt != 0)
            _metrics.RecordDelivery(slot.AdmittedAt);
        slot.MarkFinished();
        var remaining = Volatile.Read(ref _admitted) - Interlocked.Increment(ref _finished);
        if (remaining < Volatile.Read(ref _wakeBelow))
            _progress.Set();
    }
}
