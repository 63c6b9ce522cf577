namespace SupplyGrid.Silo.OperatorDashboard;

/// <summary>
/// The last <see cref="Capacity"/> samples in a ring: adding past the capacity drops the oldest, so memory stays
/// fixed however long the silo runs. Written by the sampler, read by any number of requests.
/// </summary>
public sealed class SampleHistory
{
    private readonly SiloSample?[] _ring;
    private readonly Lock _gate = new();
    private int _next;
    private int _count;

    public SampleHistory(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _ring = new SiloSample?[capacity];
    }

    public int Capacity => _ring.Length;

    public void Add(SiloSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        lock (_gate)
        {
            _ring[_next] = sample;
            _next = (_next + 1) % _ring.Length;
            _count = Math.Min(_count + 1, _ring.Length);
        }
    }

    /// <summary>The kept samples taken after <paramref name="after"/> (all when null), oldest first.</summary>
    public IReadOnlyList<SiloSample> After(DateTimeOffset? after)
    {
        lock (_gate)
        {
            var samples = new List<SiloSample>(_count);
            var oldest = (_next - _count + _ring.Length) % _ring.Length;
            for (var i = 0; i < _count; i++)
            {
                var sample = _ring[(oldest + i) % _ring.Length]!;
                if (after is null || sample.At > after)
                    samples.Add(sample);
            }

            return samples;
        }
    }
}
