using Orleans.Providers.Streams.Common;
using Orleans.Runtime;
using Orleans.Streams;

namespace SupplyGrid.Streaming.Kafka;

/// <summary>
/// One Kafka record as Orleans' stream cache holds it: the decoded event, its stream, and where it came from. The
/// sequence token is the record's offset, so tokens order as the partition does.
/// </summary>
[GenerateSerializer]
public sealed class KafkaBatchContainer : IBatchContainer
{
    /// <summary>Wraps the decoded event of a record.</summary>
    public KafkaBatchContainer(StreamId streamId, object value, string topic, int partition, long offset)
    {
        StreamId = streamId;
        Event = value ?? throw new ArgumentNullException(nameof(value));
        Topic = topic;
        Partition = partition;
        Token = new EventSequenceTokenV2(offset);
    }

    /// <inheritdoc />
    [Id(0)]
    public StreamId StreamId { get; }

    /// <summary>The decoded event.</summary>
    [Id(1)]
    public object Event { get; }

    /// <summary>The topic the record was read from.</summary>
    [Id(2)]
    public string Topic { get; }

    /// <summary>The partition the record was read from.</summary>
    [Id(3)]
    public int Partition { get; }

    /// <summary>The record's offset, as a sequence token (event index 0: one record, one event).</summary>
    [Id(4)]
    public EventSequenceTokenV2 Token { get; }

    /// <summary>The record's offset in its partition.</summary>
    public long Offset => Token.SequenceNumber;

    /// <inheritdoc />
    public StreamSequenceToken SequenceToken => Token;

    /// <inheritdoc />
    /// <remarks>Yields the event when it is a <typeparamref name="T"/>; a subscriber of another type sees nothing.</remarks>
    public IEnumerable<Tuple<T, StreamSequenceToken>> GetEvents<T>()
    {
        if (Event is T typed)
            yield return Tuple.Create<T, StreamSequenceToken>(typed, Token);
    }

    /// <inheritdoc />
    /// <remarks>Records carry no Orleans request context (headers could, later).</remarks>
    public bool ImportRequestContext() => false;

    /// <inheritdoc />
    public override string ToString() => $"[KafkaBatchContainer: {Topic}[{Partition}]@{Offset} {StreamId}]";
}
