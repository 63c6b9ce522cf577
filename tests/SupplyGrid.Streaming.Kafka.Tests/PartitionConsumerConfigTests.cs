using Confluent.Kafka;

namespace SupplyGrid.Streaming.Kafka.Tests;

public sealed class PartitionConsumerConfigTests
{
    private static KafkaStreamOptions Options(Dictionary<string, string>? consumerSettings = null) => new()
    {
        BootstrapServers = "broker:9092",
        ConsumerGroupId = "group-a",
        ConsumerSettings = consumerSettings ?? new Dictionary<string, string>(StringComparer.Ordinal),
    };

    [Fact]
    public void Each_partition_prefetches_a_few_megabytes_not_librdkafkas_64_MiB()
    {
        var config = PartitionConsumer.Config(Options(), partitionEof: true);

        Assert.Equal(4096, config.QueuedMaxMessagesKbytes);
        Assert.Equal(10000, config.QueuedMinMessages);
    }

    [Fact]
    public void Consumer_settings_override_the_defaults_but_not_what_the_provider_manages()
    {
        var config = PartitionConsumer.Config(Options(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["queued.max.messages.kbytes"] = "65536",
            ["client.id"] = "silo-a",
        }), partitionEof: false);

        Assert.Equal(65536, config.QueuedMaxMessagesKbytes);
        Assert.Equal("silo-a", config.ClientId);
        Assert.Equal("broker:9092", config.BootstrapServers);
        Assert.Equal("group-a", config.GroupId);
        Assert.False(config.EnableAutoCommit);
        Assert.False(config.EnablePartitionEof);
    }
}
