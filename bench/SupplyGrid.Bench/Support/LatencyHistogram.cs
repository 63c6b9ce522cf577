using System.Diagnostics;
using System.Numerics;

namespace SupplyGrid.Bench.Support;

/// <summary>
/// A lock-free log-linear histogram of durations (8 buckets per power of two of microseconds, about 9% resolution,
/// up to days), cheap enough to record every delivery.
/// </summary>
public sealed class LatencyHistogram
{
    private const int SubBucketBits = 3;
    private const int SubBuckets = 1 << SubBucketBits;
    private const int Octaves = 36;

    private readonly long[] _counts = new long[Octaves * SubBuckets];

    /// <summary>Records the time elapsed since <paramref name="startTimestamp"/> (a <see cref="Stopwatch"/> timestamp).</summary>
    public void RecordSince(long startTimestamp) =>
        Record(Stopwatch.GetElapsedTime(startTimestamp));

    public void Record(TimeSpan duration)
    {
        var micros = Math.Max(0, duration.Ticks / (TimeSpan.TicksPerMillisecond / 1000));
        Interlocked.Increment(ref _counts[BucketOf(micros)]);
    }

    public long Count => CopyCounts().Sum();

    /// <summary>A copy of the bucket counts, for windowed percentiles (see <see cref="Percentile(long[], double)"/>).</summary>
    public long[] CopyCounts()
    {
        var copy = new long[_counts.Length];
        for (var i = 0; i < copy.Length; i++)
            copy[i] = Volatile.Read(ref _counts[i]);
        return copy;
    }

    /// <summary>The duration below which <paramref name="quantile"/> of all recordings fall (bucket upper bound).</summary>
    public TimeSpan Percentile(double quantile) => Percentile(CopyCounts(), quantile);

    /// <returns><see cref="TimeSpan.Zero"/> when <paramref name="counts"/> is all zero.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quantile"/> is outside [0, 1].</exception>
    public static TimeSpan Percentile(long[] counts, double quantile)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (quantile is < 0 or > 1 || double.IsNaN(quantile))
            throw new ArgumentOutOfRangeException(nameof(quantile), quantile, "a quantile lies in [0, 1]");
        var total = counts.Sum();
        if (total == 0)
            return TimeSpan.Zero;
        var rank = Math.Max(1, (long)Math.Ceiling(quantile * total));
        long seen = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            seen += counts[i];
            if (seen >= rank)
                return TimeSpan.FromMicroseconds(UpperBoundMicros(i));
        }

        return TimeSpan.FromMicroseconds(UpperBoundMicros(counts.Length - 1));
    }

    /// <summary>Element-wise <paramref name="later"/> minus <paramref name="earlier"/>: the recordings in between.</summary>
    public static long[] Difference(long[] later, long[] earlier)
    {
        ArgumentNullException.ThrowIfNull(later);
        ArgumentNullException.ThrowIfNull(earlier);
        if (later.Length != earlier.Length)
            throw new ArgumentException("both arrays must come from CopyCounts", nameof(earlier));
        var result = new long[later.Length];
        for (var i = 0; i < result.Length; i++)
            result[i] = later[i] - earlier[i];
        return result;
    }

    private static int BucketOf(long micros)
    {
        if (micros < SubBuckets)
            return (int)micros;
        var octave = BitOperations.Log2((ulong)micros) - SubBucketBits + 1;
        var sub = (int)(micros >> (octave - 1)) & (SubBuckets - 1);
        return Math.Min(octave * SubBuckets + sub, Octaves * SubBuckets - 1);
    }

    private static long UpperBoundMicros(int bucket)
    {
        if (bucket < SubBuckets)
            return bucket + 1;
        var octave = bucket / SubBuckets;
        var sub = bucket % SubBuckets;
        return ((long)(SubBuckets + sub + 1) << (octave - 1));
    }
}
