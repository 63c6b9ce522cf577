using System.Collections.Concurrent;

namespace SupplyGrid.Kafka.Tests.Support;

/// <summary>
/// Stands in for the record dispatcher at the stream boundary: records every delivery and finishes it at once, later
/// (when held or slowed), or with an error, so tests can watch what the stream layer hands over and when it commits.
/// </summary>
internal sealed class RecordingDispatcher(params string[] subscribedTopics) : IRecordDispatcher, IDisposable
{
    private readonly ConcurrentQueue<Delivery> _deliveries = new();
    private readonly ConcurrentQueue<(IRecordDeliveryObserver Observer, object? State, Exception? Error)> _held = new();
    private readonly CancellationTokenSource _stop = new();
    private long _unfinished;
    private long _maxUnfinished;
    private Task? _slowFinisher;

    public sealed record Delivery(string Topic, string Key, object Item, RecordPosition? Token);

    /// <summary>Returns the exception a delivery fails with, or null for success.</summary>
    public Func<Delivery, Exception?> FailWhen { get; set; } = _ => null;

    /// <summary>Which deliveries are kept unfinished until <see cref="FinishHeld"/> (or the slow finisher); none by default.</summary>
    public Func<Delivery, bool> HoldWhen { get; set; } = _ => false;

    public IReadOnlyList<Delivery> Deliveries => [.. _deliveries];

    public int Count => _deliveries.Count;

    public long Unfinished => Interlocked.Read(ref _unfinished);

    /// <summary>The most deliveries ever unfinished at once.</summary>
    public long MaxUnfinished => Interlocked.Read(ref _maxUnfinished);

    public long PendingMessages => Unfinished;

    public bool IsSubscribed(string topic) => subscribedTopics.Contains(topic);

    public void Deliver<T>(string topic, string key, T item, RecordPosition? position, IRecordDeliveryObserver observer, object? state)
    {
        var delivery = new Delivery(topic, key, item!, position);
        _deliveries.Enqueue(delivery);
        var unfinished = Interlocked.Increment(ref _unfinished);
        long max;
        while (unfinished > (max = Interlocked.Read(ref _maxUnfinished)) && Interlocked.CompareExchange(ref _maxUnfinished, unfinished, max) != max)
        {
        }

        var error = FailWhen(delivery);
        if (HoldWhen(delivery))
            _held.Enqueue((observer, state, error));
        else
            Finish(observer, state, error);
    }

    /// <summary>Finishes up to <paramref name="count"/> held deliveries, oldest first.</summary>
    public int FinishHeld(int count = int.MaxValue)
    {
        var finished = 0;
        while (finished < count && _held.TryDequeue(out var held))
        {
            Finish(held.Observer, held.State, held.Error);
            finished++;
        }

        return finished;
    }

    /// <summary>Holds deliveries and finishes <paramref name="perTick"/> of them every millisecond or so, like busy handlers.</summary>
    public void FinishSlowly(int perTick)
    {
        HoldWhen = _ => true;
        _slowFinisher = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                FinishHeld(perTick);
                await Task.Delay(1).ConfigureAwait(false);
            }
        });
    }

    /// <summary>Waits until at least <paramref name="count"/> deliveries were made.</summary>
    public Task WaitForCountAsync(int count, TimeSpan timeout) =>
        Wait.UntilAsync(() => Count >= count, $"{count} records are delivered", timeout);

    public void Dispose()
    {
        _stop.Cancel();
        _slowFinisher?.Wait(TimeSpan.FromSeconds(5));
    }

    private void Finish(IRecordDeliveryObserver observer, object? state, Exception? error)
    {
        Interlocked.Decrement(ref _unfinished);
        observer.OnDelivered(state, error);
    }
}
