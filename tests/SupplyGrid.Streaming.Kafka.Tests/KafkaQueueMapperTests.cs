using Orleans.Streams;

namespace SupplyGrid.Streaming.Kafka.Tests;

public sealed class KafkaQueueMapperTests
{
    [Fact]
    public async Task Every_key_maps_to_the_partition_a_murmur2_producer_writes_it_to()
    {
        await using var broker = new EmbeddedKafkaBroker();
        broker.CreateTopic("mapped", 7);
        var mapper = new KafkaQueueMapper([new KafkaStreamTopic { Topic = "mapped", StreamNamespace = "ns", PartitionCount = 7 }]);
        using var producer = TestRecords.Producer(broker.BootstrapServers);

        var keys = Enumerable.Range(0, 200).Select(i => $"key-{i}-{(char)('a' + i % 26)}{i * 7919}").ToList();
        var deliveries = await Task.WhenAll(keys.Select(key => producer.ProduceAsync("mapped", new Message<string?, string> { Key = key, Value = "x" })));

        var mismatches = keys.Zip(deliveries)
            .Select(pair => (Key: pair.First, Kafka: pair.Second.Partition.Value, Mapper: mapper.GetTopicPartition(mapper.GetQueueForStream(StreamId.Create("ns", pair.First))).Partition.Value))
            .Where(m => m.Kafka != m.Mapper)
            .ToList();
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {keys.Count} keys differ, e.g. {string.Join("; ", mismatches.Take(5).Select(m => $"'{m.Key}': Kafka {m.Kafka}, mapper {m.Mapper}"))}");
        // The keys must exercise every partition, or agreement proves little.
        Assert.Equal(7, deliveries.Select(d => d.Partition.Value).Distinct().Count());
    }

    [Fact]
    public void There_is_one_queue_per_partition_of_each_topic_and_each_names_its_topic_and_partition()
    {
        var mapper = new KafkaQueueMapper(
        [
            new KafkaStreamTopic { Topic = "orders", StreamNamespace = "o", PartitionCount = 3 },
            new KafkaStreamTopic { Topic = "prices", StreamNamespace = "p", PartitionCount = 2 },
        ]);

        var queues = mapper.GetAllQueues().ToList();
        Assert.Equal(5, queues.Count);
        Assert.Equal(5, queues.Distinct().Count());
        Assert.Equal(
            ["orders[0]", "orders[1]", "orders[2]", "prices[0]", "prices[1]"],
            queues.Select(q => mapper.GetTopicPartition(q)).Select(tp => $"{tp.Topic}[{tp.Partition.Value}]"));
        Assert.Equal(mapper.GetQueue("prices", 1), queues[4]);
        Assert.Equal("p", mapper.GetStreamNamespace(queues[4]));
        Assert.Equal("orders", mapper.GetQueueForStream(StreamId.Create("o", "k")).GetStringNamePrefix());
        Assert.Equal("prices", mapper.GetQueueForStream(StreamId.Create("p", "k")).GetStringNamePrefix());
    }

    [Fact]
    public void A_stream_outside_the_configured_namespaces_is_refused_by_name()
    {
        var mapper = new KafkaQueueMapper([new KafkaStreamTopic { Topic = "orders", StreamNamespace = "o", PartitionCount = 3 }]);

        var error = Assert.Throws<ArgumentException>(() => mapper.GetQueueForStream(StreamId.Create("elsewhere", "k")));
        Assert.Contains("'elsewhere'", error.Message);
        Assert.False(mapper.TryGetTopicPartition(QueueId.GetQueueId("orders", 9, 0), out _));
    }
}
