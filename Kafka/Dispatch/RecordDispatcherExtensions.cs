namespace SupplyGrid.Kafka;

public static class RecordDispatcherExtensions
{
    /// <summary>
    /// Hands one record over; the task completes when it has been handled, or fails
    /// with the handler's error. For callers that inject events one at a time (tests, the API).
    /// </summary>
    public static Task DeliverAsync<T>(this IRecordDispatcher dispatcher, string topic, string key, T item)
    {
        ArgumentNullException.ThrowIfNull(dispatcher);
        var completion = new DeliveryCompletion();
        dispatcher.Deliver(topic, key, item, null, completion, null);
        return completion.Task;
    }

    private sealed class DeliveryCompletion : IRecordDeliveryObserver
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
