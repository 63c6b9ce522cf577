using System.Text;

namespace SupplyGrid.Kafka;

/// <summary>
/// A record key decoded once from the wire: the grain key, or the reason it cannot be one together with the raw bytes
/// (kept only for bad keys, so the dead letter carries the key exactly as received).
/// </summary>
internal readonly struct RecordKey
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private RecordKey(string? text, byte[]? rawBytes, RecordRejection? rejection)
    {
        Text = text;
        RawBytes = rawBytes;
        Rejection = rejection;
    }

    /// <summary>The grain key; null when <see cref="Rejection"/> is set.</summary>
    public string? Text { get; }

    /// <summary>The key as received, for bad keys only (null when the record had no key).</summary>
    public byte[]? RawBytes { get; }

    public RecordRejection? Rejection { get; }

    public static RecordKey Decode(ReadOnlySpan<byte> bytes, bool isNull, int maxBytes)
    {
        if (isNull || bytes.IsEmpty)
            return new RecordKey(null, isNull ? null : [], new RecordRejection(DeadLetterReason.EmptyKey, "the record key is empty: it names no grain"));
        if (bytes.Length > maxBytes)
            return new RecordKey(null, bytes.ToArray(), new RecordRejection(
                DeadLetterReason.OversizedKey, $"the record key is {bytes.Length} bytes long; at most {maxBytes} are accepted"));
        try
        {
            return new RecordKey(StrictUtf8.GetString(bytes), null, null);
        }
        catch (DecoderFallbackException e)
        {
            return new RecordKey(null, bytes.ToArray(), new RecordRejection(DeadLetterReason.InvalidKeyEncoding, "the record key is not valid UTF-8", e));
        }
    }

    /// <summary>The key bytes as received (re-encoded from <see cref="Text"/> for good keys: UTF-8 round-trips exactly).</summary>
    public byte[]? ToWireBytes() => Text is null ? RawBytes : Encoding.UTF8.GetBytes(Text);
}
