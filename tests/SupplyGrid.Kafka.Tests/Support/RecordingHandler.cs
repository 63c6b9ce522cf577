using System.Collections.Concurrent;

namespace SupplyGrid.Kafka.Tests.Support;

/// <summary>
/// Plays the grains behind an <see cref="OrderedRecordDispatcher"/>: handles every record asynchronously, remembers
/// what each key handled in the order it handled it, and refuses the records <see cref="Refuse"/> picks.
/// </summary>
internal sealed class RecordingHandler
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<object>> _handled = new(StringComparer.Ordinal);
    private readonly KeyConcurrency _concurrency = new();
    private int _count;

    /// <summary>The exception a record's handling fails with, or null for success.</summary>
    public Func<object, Exception?> Refuse { get; init; } = _ => null;

    /// <summary>Records handled successfully, over all keys.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The most records of one key ever in the handler at once.</summary>
    public int MaxInFlightPerKey => _concurrency.MaxPerKey;

    public IReadOnlyCollection<string> Keys => [.. _handled.Keys];

    public IReadOnlyList<T> HandledBy<T>(string key) => _handled.TryGetValue(key, out var items) ? [.. items.Cast<T>()] : [];

    public async Task Handle(string key, object item)
    {
        _concurrency.Enter(key);
        try
        {
            // Finish later, on another thread, as a grain call does: the next record of this key must still wait.
            await Task.Yield();
            if (Refuse(item) is { } error)
                throw error;
            _handled.GetOrAdd(key, _ => new ConcurrentQueue<object>()).Enqueue(item);
            Interlocked.Increment(ref _count);
        }
        finally
        {
            _concurrency.Exit(key);
        }
    }
}
