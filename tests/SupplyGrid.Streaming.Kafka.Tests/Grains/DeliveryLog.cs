namespace SupplyGrid.Streaming.Kafka.Tests.Grains;

/// <summary>What the recording grains received, per stream key, in arrival order. A silo singleton the tests read.</summary>
public sealed class DeliveryLog
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<(string Value, long Offset)>> _byKey = new(StringComparer.Ordinal);

    public void Record(string key, string value, long offset)
    {
        lock (_gate)
        {
            if (!_byKey.TryGetValue(key, out var list))
                _byKey[key] = list = [];
            list.Add((value, offset));
        }
    }

    public IReadOnlyList<string> Values(string key)
    {
        lock (_gate)
            return _byKey.TryGetValue(key, out var list) ? list.Select(e => e.Value).ToList() : [];
    }

    public IReadOnlyList<long> Offsets(string key)
    {
        lock (_gate)
            return _byKey.TryGetValue(key, out var list) ? list.Select(e => e.Offset).ToList() : [];
    }
}
