using SupplyGrid.Runtime.Activations;
using SupplyGrid.Runtime.Invocation;
using SupplyGrid.Runtime.Streams;

namespace SupplyGrid.Runtime.Streams;

/// <summary>Routes stream items to the grains implicitly subscribed to their namespace, keyed by the item's key.</summary>
internal sealed class ImplicitStreamDispatcher(GridRuntime runtime) : IImplicitStreamDispatcher
{
    public bool IsSubscribed(string streamNamespace) => runtime.Registry.SubscribersOf(streamNamespace) is not null;

    public long PendingMessages => runtime.Statistics.PendingMessages;

    public void Deliver<T>(string streamNamespace, string key, T item, StreamSequenceToken? token, IStreamDeliveryObserver observer, object? state) =>
        Send(streamNamespace, key, new StreamItem<T>(item), token, observer, state);

    public void Deliver<T>(
        string streamNamespace, string key, IStreamItemDecoder<T> decoder, ReadOnlyMemory<byte> payload, StreamSequenceToken? token,
        IStreamDeliveryObserver observer, object? state)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        Send(streamNamespace, key, new StreamItem<T>(decoder, payload), token, observer, state);
    }

    private void Send<T>(string streamNamespace, string key, StreamItem<T> item, StreamSequenceToken? token, IStreamDeliveryObserver observer, object? state)
    {
        ArgumentNullException.ThrowIfNull(observer);
        var subscribers = runtime.Registry.SubscribersOf(streamNamespace);
        if (subscribers is null)
        {
            observer.OnDelivered(state, new InvalidOperationException($"No grain class subscribes to stream namespace '{streamNamespace}'."));
            return;
        }

        var classes = subscribers.Classes;
        var completion = classes.Length == 1 ? null : new FanOut(classes.Length, observer, state);
        foreach (var grainClass in classes)
        {
            var message = new StreamItemMessage<T>(subscribers.Method, item, token, completion ?? observer, completion is null ? state : null);
            runtime.Send(new GrainId(grainClass.GrainType, key), message);
        }
    }

    /// <summary>Calls the observer once, after every subscribed grain class has handled the item (first error wins).</summary>
    private sealed class FanOut(int count, IStreamDeliveryObserver observer, object? state) : IStreamDeliveryObserver
    {
        private int _remaining = count;
        private Exception? _error;

        public void OnDelivered(object? ignored, Exception? error)
        {
            if (error is not null)
                Interlocked.CompareExchange(ref _error, error, null);
            if (Interlocked.Decrement(ref _remaining) == 0)
                observer.OnDelivered(state, _error);
        }
    }

    /// <summary>An item as handed over: decoded already, or a payload and the decoder that the grain's turn runs first.</summary>
    private readonly struct StreamItem<T>
    {
        private readonly T _item;
        private readonly IStreamItemDecoder<T>? _decoder;
        private readonly ReadOnlyMemory<byte> _payload;

        public StreamItem(T item) => _item = item;

        public StreamItem(IStreamItemDecoder<T> decoder, ReadOnlyMemory<byte> payload)
        {
            _item = default!;
            _decoder = decoder;
            _payload = payload;
        }

        public T Value => _decoder is null ? _item : _decoder.Decode(_payload);
    }

    private sealed class StreamItemMessage<T>(GrainMethod method, StreamItem<T> item, StreamSequenceToken? token, IStreamDeliveryObserver observer, object? state)
        : RuntimeMessage(method)
    {
        protected override ValueTask<VoidResult> InvokeAsync(object grain) => grain is IAsyncObserver<T> subscriber
            ? VoidResult.From(subscriber.OnNextAsync(item.Value, token))
            : throw new InvalidOperationException($"{grain.GetType()} subscribes to '{Method.InterfaceName}' but does not implement IAsyncObserver<{typeof(T).Name}>.");

        protected override void OnCompleted(Exception? error) => observer.OnDelivered(state, error);
    }
}
