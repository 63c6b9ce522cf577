using System.Collections.Concurrent;

namespace SupplyGrid.Grains.Ports;

/// <summary>Keeps the most recent city changes in memory (tests, and the default run without live connections).</summary>
public sealed class InMemoryCityChangeFeed(int capacity = InMemoryCityChangeFeed.DefaultCapacity) : ICityChangeFeed
{
    public const int DefaultCapacity = 1_000;

    private readonly ConcurrentQueue<CityChange> _changes = new();

    public IReadOnlyList<CityChange> Changes => _changes.ToArray();

    public void Publish(CityChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        _changes.Enqueue(change);
        while (_changes.Count > capacity && _changes.TryDequeue(out _))
        {
        }
    }
}
