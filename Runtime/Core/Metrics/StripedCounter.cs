namespace SupplyGrid.Runtime.Metrics;

/// <summary>
/// A counter updated from many cores without contention: each core adds to its own cache line (chosen by the
/// current processor id) and reads sum the stripes. Hot-path counters use this instead of one shared Interlocked word,
/// which would bounce its cache line between cores on every message.
/// </summary>
internal sealed class StripedCounter
{
    // 8 longs = 64 bytes: one cache line per stripe.
    private const int Padding = 8;
    internal static readonly int StripeMask = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Environment.ProcessorCount) - 1;
    private readonly long[] _cells = new long[(StripeMask + 1) * Padding];

    public void Add(long value) => Interlocked.Add(ref _cells[(Thread.GetCurrentProcessorId() & StripeMask) * Padding], value);

    public void Increment() => Add(1);

    public long Sum()
    {
        long total = 0;
        for (var i = 0; i < _cells.Length; i += Padding)
            total += Volatile.Read(ref _cells[i]);
        return total;
    }
}
