namespace SupplyGrid.Streaming.Kafka.Tests.Grains;

/// <summary>What the recording grains received, per stream key, in arrival order, and how often they threw. A silo singleton the tests read.</summary>
public sealed class DeliveryLog
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<(string Value, long Offset)>> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _failures = new(StringComparer.Ordinal);

    /// <summary>The grain of <paramref name="key"/> threw on an event (Orleans tries again until its delivery time limit).</summary>
    public void RecordFailure(string key)
    {
        lock (_gate)
            _failures[key] = _failures.GetValueOrDefault(key) + 1;
    }

    /// <summary>How many times the grain of <paramref name="key"/> threw.</summary>
    public int Failures(string key)
    {
        lock (_gate)
            return _failures.GetValueOrDefault(key);
    }

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
