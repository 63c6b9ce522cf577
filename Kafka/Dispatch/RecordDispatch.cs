namespace SupplyGrid.Kafka;

/// <summary>Where a record sits in its topic: the partition and offset.</summary>
public sealed record RecordPosition(int Partition, long Offset) : IComparable<RecordPosition>
{
    public int CompareTo(RecordPosition? other) =>
        other is null ? 1 : Partition != other.Partition ? Partition.CompareTo(other.Partition) : Offset.CompareTo(other.Offset);
}

/// <summary>Told when one delivered record has been handled or has failed.</summary>
/// <remarks>Called on whatever thread finished the record; must not throw: nobody would see the exception.</remarks>
public interface IRecordDeliveryObserver
{
    /// <param name="state">The state passed to <see cref="IRecordDispatcher.Deliver{T}(string, string, T, RecordPosition?, IRecordDeliveryObserver, object?)"/>.</param>
    /// <param name="error">Null on success; otherwise the exception the handler threw.</param>
    void OnDelivered(object? state, Exception? error);
}

/// <summary>
/// Where the stream layer hands decoded records over. Records of one key are handled one at a time in the order
/// delivered; different keys in parallel.
/// </summary>
public interface IRecordDispatcher
{
    /// <summary>True when records of <paramref name="topic"/> have somewhere to go.</summary>
    bool IsSubscribed(string topic);

    /// <summary>
    /// Hands <paramref name="item"/>, read from <paramref name="topic"/> with key <paramref name="key"/>, over.
    /// <paramref name="observer"/> is called exactly once, when it has been handled or has failed.
    /// </summary>
    void Deliver<T>(string topic, string key, T item, RecordPosition? position, IRecordDeliveryObserver observer, object? state);

    /// <summary>Records handed over and not yet handled (for backpressure decisions).</summary>
    long PendingMessages { get; }
}
