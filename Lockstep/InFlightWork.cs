using System.Collections.Concurrent;
using System.Diagnostics;

namespace SupplyGrid.Lockstep;

/// <summary>
/// Everything in flight in the grids that share one <see cref="LockstepClock"/>: each hook (call filters, the clock's
/// timers, reminder and lifecycle events) begins an item when work starts and ends it when the work is done, and a
/// waiter learns the moment none is left. A piece of work always begins the items of what it causes before ending its
/// own (a tick sends its calls before it finishes), so an empty registry means nothing is left to happen until the
/// clock moves.
/// </summary>
internal sealed class InFlightWork
{
    /// <summary>How many items a failed wait names.</summary>
    public const int ReportLimit = 25;

    private readonly ConcurrentDictionary<long, InFlightItem> _items = new();
    private long _lastId;
    private int _count;
    private TaskCompletionSource _emptied = NewSignal();

    public int Count => Volatile.Read(ref _count);

    public InFlightItem Begin(InFlightKind kind, object? subject, string? detail, object? owner)
    {
        var item = new InFlightItem(Interlocked.Increment(ref _lastId), kind, subject, detail, owner);
        // Counted before it can be found, so an End racing with this Begin never takes the count below zero.
        Interlocked.Increment(ref _count);
        _items[item.Id] = item;
        return item;
    }

    public void End(InFlightItem? item)
    {
        if (item is not null)
            End(item.Id);
    }

    /// <summary>Ends the item with this id; false when it had already ended (or never began).</summary>
    public bool End(long id)
    {
        if (!_items.TryRemove(id, out _))
            return false;
        if (Interlocked.Decrement(ref _count) == 0)
            Interlocked.Exchange(ref _emptied, NewSignal()).TrySetResult();
        return true;
    }

    /// <summary>Ends every item <paramref name="owner"/> began (a silo that stopped: nothing of it will finish).</summary>
    public void EndAll(object owner)
    {
        foreach (var item in _items.Values)
        {
            if (ReferenceEquals(item.Owner, owner))
                End(item.Id);
        }
    }

    /// <summary>The oldest items first, described.</summary>
    public IReadOnlyList<string> Describe(int limit = int.MaxValue) =>
        _items.Values.OrderBy(i => i.Id).Take(limit).Select(i => i.ToString()).ToArray();

    /// <summary>Completes when nothing is in flight; throws <see cref="LockstepTimeoutException"/> naming the work after <paramref name="timeout"/>.</summary>
    public async Task WhenEmptyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            // Read the signal before the count: an End to zero after this read completes this very signal.
            var emptied = Volatile.Read(ref _emptied).Task;
            if (Count == 0)
                return;
            var left = timeout - Stopwatch.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
                throw Timeout(timeout);
            try
            {
                await emptied.WaitAsync(left, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                if (Count != 0)
                    throw Timeout(timeout);
            }
        }
    }

    private LockstepTimeoutException Timeout(TimeSpan timeout) => new(timeout, Describe(ReportLimit), Count);

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
