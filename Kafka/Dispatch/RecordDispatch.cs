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

/// <summary>Turns an encoded record value into the item handed over; throws to reject the value.</summary>
public interface IRecordDecoder<out T>
{
    /// <summary>May be called on any thread: must be thread-safe.</summary>
    T Decode(ReadOnlyMemory<byte> payload);
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

    /// <summary>
    /// Like <see cref="Deliver{T}(string, string, T, RecordPosition?, IRecordDeliveryObserver, object?)"/> for a record
    /// still encoded. When <paramref name="decoder"/> throws, nothing is handed over and <paramref name="observer"/>
    /// receives the decoder's exception. This default decodes on the calling (feeding) thread.
    /// </summary>
    /// <param name="payload">Must stay unchanged until <paramref name="observer"/> has been called.</param>
    void Deliver<T>(
        string topic, string key, IRecordDecoder<T> decoder, ReadOnlyMemory<byte> payload, RecordPosition? position,
        IRecordDeliveryObserver observer, object? state)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        ArgumentNullException.ThrowIfNull(observer);
        T item;
        try
        {
            item = decoder.Decode(payload);
        }
        catch (Exception e)
        {
            observer.OnDelivered(state, e);
            return;
        }

        Deliver(topic, key, item, position, observer, state);
    }

    /// <summary>Records handed over and not yet handled (for backpressure decisions).</summary>
    long PendingMessages { get; }
}
