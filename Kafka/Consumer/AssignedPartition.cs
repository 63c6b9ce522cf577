using Confluent.Kafka;

namespace SupplyGrid.Kafka;

/// <summary>A partition the pump owns: its tracker, whether it is paused, and records held back while it is.</summary>
internal sealed class AssignedPartition(TopicPartition topicPartition, PartitionTracker tracker)
{
    public TopicPartition TopicPartition { get; } = topicPartition;

    public PartitionTracker Tracker { get; } = tracker;

    public bool Paused { get; set; }

    /// <summary>First offset consumed since assignment (where the group resumed); -1 before the first record.</summary>
    public long StartOffset { get; set; } = -1;

    /// <summary>Records consumed but not yet admitted (window full, or consumed as the pump paused), in order.</summary>
    public Queue<HeldRecord> Held { get; } = new();
}

/// <summary>A consumed record waiting for room; its value is the consumer's own copy.</summary>
internal readonly record struct HeldRecord(long Offset, RecordKey Key, byte[]? Value);
