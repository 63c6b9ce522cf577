namespace SupplyGrid.Streaming.Kafka;

/// <summary>
/// Whether the cluster has the topics the options name, as they name them: the queue mapper sends a stream to the
/// partition its key hashes to among the configured count, so a count that differs from the topic's would send
/// streams to partitions their records are not on; and a missing dead-letter topic would hold every bad record's
/// commit until it exists.
/// </summary>
public static class KafkaTopicCheck
{
    /// <summary>Every mismatch, each naming its setting; empty when the cluster agrees.</summary>
    /// <param name="options">The provider's options.</param>
    /// <param name="partitionsOf">The partition count of a topic on the cluster, or null when it has no such topic.</param>
    public static IReadOnlyList<string> Problems(KafkaStreamOptions options, Func<string, int?> partitionsOf)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(partitionsOf);
        var problems = new List<string>();
        for (var i = 0; i < options.Topics.Count; i++)
        {
            var topic = options.Topics[i];
            var actual = partitionsOf(topic.Topic);
            if (actual is null)
                problems.Add($"{nameof(KafkaStreamOptions)}.{nameof(KafkaStreamOptions.Topics)}[{i}]: topic '{topic.Topic}' does not exist on the cluster");
            else if (actual != topic.PartitionCount)
                problems.Add($"{nameof(KafkaStreamOptions)}.{nameof(KafkaStreamOptions.Topics)}[{i}].{nameof(KafkaStreamTopic.PartitionCount)} is {topic.PartitionCount}, but topic '{topic.Topic}' has {actual} partitions");
        }

        if (partitionsOf(options.DeadLetterTopic) is null)
            problems.Add($"{nameof(KafkaStreamOptions)}.{nameof(KafkaStreamOptions.DeadLetterTopic)}: topic '{options.DeadLetterTopic}' does not exist on the cluster");
        return problems;
    }
}
