using Confluent.Kafka;
using SupplyGrid.Kafka;

namespace SupplyGrid.Streaming.Kafka;

/// <summary>Reads the partition counts of the provider's topics from the cluster's metadata.</summary>
internal static class ClusterTopics
{
    private static readonly TimeSpan MetadataTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The partition count of each topic the options name that exists (a blocking call: run it off the scheduler).</summary>
    public static Dictionary<string, int> PartitionCounts(KafkaStreamOptions options)
    {
        BundledLibRdKafka.EnsureLoaded();
        var config = new AdminClientConfig();
        // The consumer's security settings reach the cluster the same way; consumer-only keys are ignored by librdkafka.
        foreach (var (key, value) in options.ConsumerSettings)
            config.Set(key, value);
        config.BootstrapServers = options.BootstrapServers;
        using var admin = new AdminClientBuilder(config).Build();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var topic in options.Topics.Select(t => t.Topic).Append(options.DeadLetterTopic).Distinct(StringComparer.Ordinal))
        {
            var metadata = admin.GetMetadata(topic, MetadataTimeout).Topics.SingleOrDefault(t => t.Topic == topic);
            if (metadata is { Error.IsError: false, Partitions.Count: > 0 })
                counts[topic] = metadata.Partitions.Count;
        }

        return counts;
    }
}
