namespace SupplyGrid.Kafka;

/// <summary>
/// Hands records to an asynchronous handler (in the grid, a grain call) with at most one in flight per route key: the
/// next record of a key is sent only when the previous one has been handled and reported. Orleans does not keep two
/// calls to one grain in the order they were made, so this is what keeps each grain's records in partition order.
/// Different keys run in parallel. The handler is given by three functions, so this layer knows nothing of what
/// handles the records.
/// </summary>
public sealed class OrderedRecordDispatcher : IRecordDispatcher
{
    private readonly Func<string, bool> _handles;
    private readonly Func<string, string, object, string?> _routeKey;
    private readonly Func<string, object, Task> _send;
    private readonly Lock _lock = new();

    // A key is present while one of its records is in flight; its queue (created on demand) holds the ones waiting.
    private readonly Dictionary<string, Queue<Pending>?> _busy = new(StringComparer.Ordinal);
    private long _pending;

    /// <param name="handles">Whether records of a topic have a handler.</param>
    /// <param name="routeKey">
    /// The key a record is ordered by (topic, record key, item), usually the handling grain's key; null sends the record
    /// nowhere and reports it handled.
    /// </param>
    /// <param name="send">Hands an item to its handler (route key, item); the task completes when it has been handled.</param>
    public OrderedRecordDispatcher(Func<string, bool> handles, Func<string, string, object, string?> routeKey, Func<string, object, Task> send)
    {
        _handles = handles ?? throw new ArgumentNullException(nameof(handles));
        _routeKey = routeKey ?? throw new ArgumentNullException(nameof(routeKey));
        _send = send ?? throw new ArgumentNullException(nameof(send));
    }

    public long PendingMessages => Volatile.Read(ref _pending);

    public bool IsSubscribed(string topic) => _handles(topic);

    public void Deliver<T>(string topic, string key, T item, RecordPosition? position, IRecordDeliveryObserver observer, object? state)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(observer);
        Interlocked.Increment(ref _pending);
        string? route;
        try
        {
            route = _routeKey(topic, key, item);
        }
        catch (Exception e)
        {
            Report(new Pending(key, item, observer, state), e);
            return;
        }

        var pending = new Pending(route ?? key, item, observer, state);
        if (route is null)
        {
            Report(pending, null);
            return;
        }

        lock (_lock)
        {
            if (_busy.TryGetValue(route, out var waiting))
            {
                if (waiting is null)
                    _busy[route] = waiting = new Queue<Pending>();
                waiting.Enqueue(pending);
                return;
            }

            _busy.Add(route, null);
        }

        if (Thread.CurrentThread.IsThreadPoolThread)
        {
            Run(pending);
            return;
        }

        // A dedicated thread (the Kafka consumer's) must not make the calls itself: Orleans pools each call's response
        // object per thread, and the thread-pool thread that completes a call keeps it, so calls sent from a thread
        // that never completes any leak one object each (about 75 bytes a record).
        ThreadPool.UnsafeQueueUserWorkItem(static s => s.Dispatcher.Run(s.Pending), (Dispatcher: this, Pending: pending), preferLocal: false);
    }

    /// <summary>Sends <paramref name="pending"/> and, as long as handlers complete synchronously, the records queued behind it.</summary>
    private void Run(Pending? pending)
    {
        while (pending is not null)
        {
            Task sent;
            try
            {
                sent = _send(pending.Route, pending.Item);
            }
            catch (Exception e)
            {
                sent = Task.FromException(e);
            }

            if (!sent.IsCompleted)
            {
                sent.ContinueWith(
                    static (task, s) =>
                    {
                        var (dispatcher, done) = ((OrderedRecordDispatcher, Pending))s!;
                        dispatcher.Run(dispatcher.Finish(done, task));
                    },
                    (this, pending), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                return;
            }

            pending = Finish(pending, sent);
        }
    }

    /// <summary>Reports <paramref name="done"/> and returns the next record of its key, or null when none waits.</summary>
    private Pending? Finish(Pending done, Task sent)
    {
        try
        {
            Report(done, sent.IsFaulted ? sent.Exception!.InnerException ?? sent.Exception : sent.IsCanceled ? new TaskCanceledException(sent) : null);
        }
        catch
        {
            // The observer broke its contract by throwing. Its exception goes to whoever completed the record, but the
            // key must not stay busy for ever: the records queued behind it go on, on the thread pool.
            if (Advance(done.Route) is { } next)
                ThreadPool.QueueUserWorkItem(static s => s.Dispatcher.Run(s.Next), (Dispatcher: this, Next: next), preferLocal: false);
            throw;
        }

        return Advance(done.Route);
    }

    /// <summary>Takes the next waiting record of <paramref name="route"/>, or marks the key idle and returns null.</summary>
    private Pending? Advance(string route)
    {
        lock (_lock)
        {
            var waiting = _busy[route];
            if (waiting is { Count: > 0 })
                return waiting.Dequeue();
            _busy.Remove(route);
            return null;
        }
    }

    private void Report(Pending pending, Exception? error)
    {
        try
        {
            pending.Observer.OnDelivered(pending.State, error);
        }
        finally
        {
            Interlocked.Decrement(ref _pending);
        }
    }

    private sealed record Pending(string Route, object Item, IRecordDeliveryObserver Observer, object? State);
}
