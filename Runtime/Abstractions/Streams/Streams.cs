namespace SupplyGrid.Runtime.Streams;

/// <summary>
/// Every record of the stream namespace (a Kafka topic) is delivered to the grain of this class whose key is the
/// record key (mirrors Orleans' <c>ImplicitStreamSubscriptionAttribute</c>). The grain class implements
/// <see cref="IAsyncObserver{T}"/> for the namespace's event type; no explicit subscribe call is needed.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class ImplicitStreamSubscriptionAttribute(string streamNamespace) : Attribute
{
    public string Namespace { get; } = streamNamespace;
}

/// <summary>Receives stream items (mirrors <c>Orleans.Streams.IAsyncObserver&lt;T&gt;</c>).</summary>
public interface IAsyncObserver<in T>
{
    Task OnNextAsync(T item, StreamSequenceToken? token = null);

    Task OnCompletedAsync() => Task.CompletedTask;

    Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}

/// <summary>Where an item sits in its stream: for Kafka, the partition and offset.</summary>
public sealed record StreamSequenceToken(int Partition, long Offset) : IComparable<StreamSequenceToken>
{
    public int CompareTo(StreamSequenceToken? other) =>
        other is null ? 1 : Partition != other.Partition ? Partition.CompareTo(other.Partition) : Offset.CompareTo(other.Offset);
}

/// <summary>Told when one delivered item has been handled (the grain turn finished) or failed.</summary>
public interface IStreamDeliveryObserver
{
    /// <param name="state">The state passed to <see cref="IImplicitStreamDispatcher.Deliver{T}"/>.</param>
    /// <param name="error">Null on success; otherwise the exception the grain threw or the runtime raised.</param>
    void OnDelivered(object? state, Exception? error);
}

/// <summary>Turns an encoded stream payload into the item grains receive; throws to reject the payload.</summary>
public interface IStreamItemDecoder<out T>
{
    /// <summary>Called once per delivery, on the thread of the grain turn: must be thread-safe.</summary>
    T Decode(ReadOnlyMemory<byte> payload);
}

/// <summary>
/// The runtime's entry point for stream layers (Kafka): routes an item to the implicitly subscribed grains.
/// Items for one key are handled in the order delivered; different keys in parallel.
/// </summary>
public interface IImplicitStreamDispatcher
{
    /// <summary>True when at least one grain class subscribes to the namespace.</summary>
    bool IsSubscribed(string streamNamespace);

    /// <summary>
    /// Enqueues <paramref name="item"/> to the grains subscribed to <paramref name="streamNamespace"/> with key
    /// <paramref name="key"/>. <paramref name="observer"/> is called exactly once, when every subscribed grain's turn
    /// for this item has finished.
    /// </summary>
    void Deliver<T>(string streamNamespace, string key, T item, StreamSequenceToken? token, IStreamDeliveryObserver observer, object? state);

    /// <summary>
    /// Like <see cref="Deliver{T}(string, string, T, StreamSequenceToken?, IStreamDeliveryObserver, object?)"/> for an
    /// item still in its encoded form: <paramref name="decoder"/> turns <paramref name="payload"/> into the item on the
    /// thread that runs the grain's turn, so a single feeding thread hands records over without decoding them and
    /// records of different keys decode in parallel. When the decoder throws, the grain is not called and
    /// <paramref name="observer"/> receives the decoder's exception.
    /// </summary>
    /// <param name="payload">Must stay unchanged until <paramref name="observer"/> has been called.</param>
    void Deliver<T>(
        string streamNamespace, string key, IStreamItemDecoder<T> decoder, ReadOnlyMemory<byte> payload, StreamSequenceToken? token,
        IStreamDeliveryObserver observer, object? state)
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

        Deliver(streamNamespace, key, item, token, observer, state);
    }

    /// <summary>Messages waiting in grain mailboxes across the silo (for backpressure decisions).</summary>
    long PendingMessages { get; }
}
