using System.Numerics;
using System.Runtime.CompilerServices;

namespace SupplyGrid.Simulator;

/// <summary>
/// A seedable pseudo-random stream (xoshiro256**, seeded through SplitMix64). Our own rather than
/// <see cref="Random"/> so that a seed gives the same numbers on every .NET version, and so that independent streams
/// can be derived from one seed: demand, fleet set-up and each driver's behaviour draw from separate streams, which
/// keeps the demand of two evaluation arms identical however differently their drivers behave.
/// </summary>
public sealed class SimRandom
{
    private const double TwoPow53Inverse = 1.0 / (1UL << 53);

    private ulong _s0, _s1, _s2, _s3;

    /// <summary>A stream for <paramref name="seed"/> and a stream number: different numbers give unrelated streams.</summary>
    public SimRandom(ulong seed, ulong stream = 0)
    {
        ulong state = seed ^ (stream * 0xD1342543DE82EF95UL);
        _s0 = SplitMix(ref state);
        _s1 = SplitMix(ref state);
        _s2 = SplitMix(ref state);
        _s3 = SplitMix(ref state);
    }

    /// <summary>Another stream, derived from this seed's family by a stream number.</summary>
    public static SimRandom Derive(ulong seed, SimStream stream, int index = 0) =>
        new(seed, ((ulong)stream << 32) | (uint)index);

    public ulong NextUInt64()
    {
        ulong result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextUInt64() >> 11) * TwoPow53Inverse;

    /// <summary>Uniform in [min, max).</summary>
    public double Uniform(double min, double max) => min + (max - min) * NextDouble();

    /// <summary>Uniform integer in [0, count).</summary>
    public int NextInt(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return (int)((NextUInt64() >> 33) * (ulong)count >> 31);
    }

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>Exponentially distributed with the given mean.</summary>
    public double Exponential(double mean) => -mean * Math.Log(1.0 - NextDouble());

    /// <summary>Standard normal (Box-Muller; one of the pair is discarded to keep the stream stateless).</summary>
    public double Gaussian()
    {
        double u1 = 1.0 - NextDouble();
        double u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Index drawn with probability proportional to its weight; -1 when every weight is zero.</summary>
    public int Pick(ReadOnlySpan<double> weights)
    {
        double total = 0;
        foreach (double w in weights)
            total += w;
        if (!(total > 0))
            return -1;
        double target = NextDouble() * total;
        int last = -1;
        for (int i = 0; i < weights.Length; i++)
        {
            if (weights[i] <= 0)
                continue;
            last = i;
            target -= weights[i];
            if (target < 0)
                return i;
        }
        return last;
    }

    private static ulong SplitMix(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
