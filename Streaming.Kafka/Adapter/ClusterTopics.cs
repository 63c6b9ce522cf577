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
        // An admin client is a producer-type client in librdkafka: it takes the producer's (security) settings, and
        // consumer-only keys would only draw warnings.
        foreach (var (key, value) in options.ProducerSettings)
            config.Set(key, value);
        config.BootstrapServers = options.BootstrapServers;
        using var admin = new AdminClientBuilder(config).Build();
        // The whole cluster's metadata in one request: asking for a topic by name could make a broker with
        // auto.create.topics.enable create a missing one instead of reporting it.
        var wanted = options.Topics.Select(t => t.Topic).Append(options.DeadLetterTopic).ToHashSet(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var metadata in admin.GetMetadata(MetadataTimeout).Topics)
        {
            if (wanted.Contains(metadata.Topic) && metadata is { Error.IsError: false, Partitions.Count: > 0 })
                counts[metadata.Topic] = metadata.Partitions.Count;
        }

        return counts;
    }
}
