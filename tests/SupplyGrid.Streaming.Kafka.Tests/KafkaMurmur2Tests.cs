using System.Text;

namespace SupplyGrid.Streaming.Kafka.Tests;

/// <summary>The hash against the values Kafka's own UtilsTest.testMurmur2 pins for Utils.murmur2.</summary>
public sealed class KafkaMurmur2Tests
{
    [Theory]
    [InlineData("21", -973932308)]
    [InlineData("foobar", -790332482)]
    [InlineData("a-little-bit-long-string", -985981536)]
    [InlineData("a-little-bit-longer-string", -1486304829)]
    [InlineData("lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8", -58897971)]
    [InlineData("abc", 479470107)]
    public void Hash_matches_kafka_utils_murmur2(string key, int expected) =>
        Assert.Equal(expected, KafkaMurmur2.Hash(Encoding.UTF8.GetBytes(key)));

    [Fact]
    public void Partition_masks_the_sign_bit_rather_than_taking_the_absolute_value()
    {
        // "21" hashes to -973932308: masked it is 1173551340 (partition 3 of 7); Math.Abs would give 973932308 (partition 6).
        var key = Encoding.UTF8.GetBytes("21");
        Assert.Equal((-973932308 & 0x7fffffff) % 7, KafkaMurmur2.Partition(key, 7));
        Assert.NotEqual(973932308 % 7, KafkaMurmur2.Partition(key, 7));
    }
}
