using System.Text;

namespace SupplyGrid.Kafka.Tests;

public sealed class RecordKeyTests
{
    [Fact]
    public void A_good_key_decodes_to_text_and_round_trips()
    {
        var bytes = Encoding.UTF8.GetBytes("drv-Ω-42");

        var key = RecordKey.Decode(bytes, isNull: false, maxBytes: 16);

        Assert.Null(key.Rejection);
        Assert.Equal("drv-Ω-42", key.Text);
        Assert.Equal(bytes, key.ToWireBytes());
    }

    [Theory]
    [InlineData(null, DeadLetterReason.EmptyKey)]
    [InlineData(new byte[0], DeadLetterReason.EmptyKey)]
    [InlineData(new byte[] { 0xC3, 0x28 }, DeadLetterReason.InvalidKeyEncoding)]
    [InlineData(new byte[] { 0x61, 0x62, 0x63, 0x64, 0x65 }, DeadLetterReason.OversizedKey)]
    public void Bad_keys_are_rejected_and_keep_their_bytes(byte[]? bytes, DeadLetterReason expected)
    {
        var key = RecordKey.Decode(bytes, isNull: bytes is null, maxBytes: 4);

        Assert.Equal(expected, key.Rejection?.Reason);
        Assert.Null(key.Text);
        Assert.Equal(bytes, key.ToWireBytes());
    }

    [Fact]
    public void The_length_bound_is_in_bytes_and_inclusive()
    {
        var fourBytes = Encoding.UTF8.GetBytes("ΩΩ");

        Assert.Null(RecordKey.Decode(fourBytes, false, maxBytes: 4).Rejection);
        Assert.Equal(DeadLetterReason.OversizedKey, RecordKey.Decode(fourBytes, false, maxBytes: 3).Rejection?.Reason);
    }
}
