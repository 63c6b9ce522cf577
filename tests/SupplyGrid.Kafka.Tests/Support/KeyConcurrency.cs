using System.Collections.Concurrent;

namespace SupplyGrid.Kafka.Tests.Support;

/// <summary>Counts the calls in flight per key and remembers the most ever in flight for one key.</summary>
internal sealed class KeyConcurrency
{
    private readonly ConcurrentDictionary<string, int> _inFlight = new(StringComparer.Ordinal);
    private int _maxPerKey;

    public int MaxPerKey => Volatile.Read(ref _maxPerKey);

    public void Enter(string key)
    {
        var now = _inFlight.AddOrUpdate(key, 1, (_, count) => count + 1);
        int max;
        while (now > (max = Volatile.Read(ref _maxPerKey)) && Interlocked.CompareExchange(ref _maxPerKey, now, max) != max)
        {
        }
    }

    public void Exit(string key) => _inFlight.AddOrUpdate(key, _ => throw new InvalidOperationException($"no call of {key} in flight"), (_, count) => count - 1);
}
