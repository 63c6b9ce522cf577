namespace SupplyGrid.Streaming.Kafka;

/// <summary>
/// One Kafka topic a provider reads: its records become events of streams in <see cref="StreamNamespace"/>, each stream
/// keyed by the record key (UTF-8).
/// </summary>
public sealed class KafkaStreamTopic
{
    /// <summary>The Kafka topic name.</summary>
    public string Topic { get; set; } = "";

    /// <summary>The Orleans stream namespace of the topic's streams (what <c>[ImplicitStreamSubscription]</c> names).</summary>
    public string StreamNamespace { get; set; } = "";

    /// <summary>
    /// The topic's partition count. The queue mapper needs it without asking the broker, and a wrong value sends streams
    /// to the wrong queue, so it must match the topic: the silo does not start when the cluster disagrees
    /// (<see cref="KafkaTopicCheck"/>).
    /// </summary>
    public int PartitionCount { get; set; }
}
