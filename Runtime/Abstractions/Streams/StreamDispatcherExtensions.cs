namespace SupplyGrid.Runtime.Streams;

public static class StreamDispatcherExtensions
{
    /// <summary>
    /// Delivers one item to the subscribed grains; the task completes when the grain's turn has finished, or fails
    /// with the grain's (or the runtime's) error. For callers that inject events one at a time (tests, the API).
    /// </summary>
    public static Task DeliverAsync<T>(this IImplicitStreamDispatcher dispatcher, string streamNamespace, string key, T item)
    {
        ArgumentNullException.ThrowIfNull(dispatcher);
        var completion = new DeliveryCompletion();
        dispatcher.Deliver(streamNamespace, key, item, null, completion, null);
        return completion.Task;
    }

    private sealed class DeliveryCompletion : IStreamDeliveryObserver
    {
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Task => _done.Task;

        public void OnDelivered(object? state, Exception? error)
        {
            if (error is null)
                _done.TrySetResult();
            else
                _done.TrySetException(error);
        }
    }
}
