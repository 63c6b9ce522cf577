using System.Buffers.Binary;

namespace SupplyGrid.Streaming.Kafka;

/// <summary>
/// Kafka's default key hash (Java's <c>Utils.murmur2</c>, librdkafka's <c>murmur2</c> and <c>murmur2_random</c>
/// partitioners): MurmurHash2, 32-bit, seed <c>0x9747b28c</c>. Implemented here rather than taken from a client so that
/// the queue mapper needs no Kafka connection, and pinned by tests against Kafka's published values and a live producer.
/// </summary>
public static class KafkaMurmur2
{
    private const uint Seed = 0x9747b28c;
    private const uint M = 0x5bd1e995;
    private const int R = 24;

    /// <summary>The murmur2 hash of <paramref name="data"/>, as the signed 32-bit value Kafka's Java client returns.</summary>
    public static int Hash(ReadOnlySpan<byte> data)
    {
        var h = Seed ^ (uint)data.Length;
        var blocks = data.Length / 4;
        for (var i = 0; i < blocks; i++)
        {
            // Little-endian 4-byte blocks, as Java's (data[i4] & 0xff) + (data[i4 + 1] & 0xff) << 8 + ... builds them.
            var k = BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(i * 4, 4));
            k *= M;
            k ^= k >> R;
            k *= M;
            h *= M;
            h ^= k;
        }

        // The tail falls through like Java's switch: 3 bytes mix in all three, 2 bytes two, 1 byte one.
        var tail = data[(blocks * 4)..];
        switch (tail.Length)
        {
            case 3:
                h ^= (uint)tail[2] << 16;
                goto case 2;
            case 2:
                h ^= (uint)tail[1] << 8;
                goto case 1;
            case 1:
                h ^= tail[0];
                h *= M;
                break;
        }

        h ^= h >> 13;
        h *= M;
        h ^= h >> 15;
        return unchecked((int)h);
    }

    /// <summary>
    /// The partition Kafka's default partitioner gives a record with this (non-null) key:
    /// <c>(murmur2(key) &amp; 0x7fffffff) % partitionCount</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="partitionCount"/> is below 1.</exception>
    public static int Partition(ReadOnlySpan<byte> key, int partitionCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(partitionCount, 1);
        // Masking the sign bit (Java's Utils.toPositive), not Math.Abs: the two differ for negative hashes.
        return (Hash(key) & 0x7fffffff) % partitionCount;
    }
}
