namespace SupplyGrid.Runtime.Metrics;

/// <summary>
/// A lock-free latency histogram with power-of-two microsecond buckets (bucket i holds [2^(i-1), 2^i) µs), striped
/// per core like <see cref="StripedCounter"/>: recording is one uncontended increment, percentiles are read from a
/// snapshot with at most 2x resolution error.
/// </summary>
public sealed class LatencyHistogram
{
    public const int BucketCount = 32;
    private readonly long[] _cells = new long[(StripedCounter.StripeMask + 1) * BucketCount];

    public void Record(double microseconds)
    {
        var us = microseconds < 1 ? 0UL : (ulong)microseconds;
        var bucket = Math.Min(BucketCount - 1, 64 - System.Numerics.BitOperations.LeadingZeroCount(us));
        Interlocked.Increment(ref _cells[((Thread.GetCurrentProcessorId() & StripedCounter.StripeMask) * BucketCount) + bucket]);
    }

    public long[] Snapshot()
    {
        var buckets = new long[BucketCount];
        for (var i = 0; i < _cells.Length; i++)
            buckets[i % BucketCount] += Volatile.Read(ref _cells[i]);
        return buckets;
    }

    /// <summary>The upper bound (µs) of the bucket holding the <paramref name="quantile"/> of the recorded values.</summary>
    public static double Percentile(long[] buckets, double quantile)
    {
        long total = 0;
        foreach (var b in buckets)
            total += b;
        if (total == 0)
            return 0;
        var rank = (long)Math.Ceiling(quantile * total);
        long seen = 0;
        for (var i = 0; i < buckets.Length; i++)
        {
            seen += buckets[i];
            if (seen >= rank)
                return i == 0 ? 1 : Math.Pow(2, i);
        }

        return Math.Pow(2, buckets.Length - 1);
    }
}
