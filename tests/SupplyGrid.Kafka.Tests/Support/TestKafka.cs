using Confluent.Kafka;

namespace SupplyGrid.Kafka.Tests.Support;

/// <summary>Plain Confluent.Kafka clients for tests: a reader, and the partition count of a topic.</summary>
internal static class TestKafka
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Reads <paramref name="count"/> records from the start of every partition of <paramref name="topic"/> (no group).</summary>
    public static List<ConsumeResult<byte[]?, byte[]?>> Read(string bootstrap, string topic, int count, TimeSpan? timeout = null)
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = "test-reader",
            EnableAutoCommit = false,
        }).Build();
        consumer.Assign(Enumerable.Range(0, PartitionCount(bootstrap, topic)).Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));
        var results = new List<ConsumeResult<byte[]?, byte[]?>>();
        var deadline = DateTime.UtcNow + (timeout ?? Patience);
        while (results.Count < count && DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(100)) is { } result)
                results.Add(result);
        }

        if (results.Count < count)
            throw new TimeoutException($"expected {count} records on {topic}, read {results.Count}");
        return results;
    }

    public static int PartitionCount(string bootstrap, string topic)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrap }).Build();
        return admin.GetMetadata(topic, Patience).Topics.Single().Partitions.Count;
    }
}
