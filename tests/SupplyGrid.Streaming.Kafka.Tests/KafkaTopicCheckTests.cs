using Orleans.Hosting;
using Orleans.TestingHost;

namespace SupplyGrid.Streaming.Kafka.Tests;

public sealed class KafkaTopicCheckTests
{
    [Fact]
    public void The_cluster_agrees_when_every_topic_exists_with_its_configured_count()
    {
        var cluster = new Dictionary<string, int> { ["orders"] = 3, ["payments"] = 2, ["dead"] = 1 };

        Assert.Empty(KafkaTopicCheck.Problems(Options(), Lookup(cluster)));
    }

    [Fact]
    public void A_count_that_differs_a_missing_topic_and_a_missing_dead_letter_topic_are_each_named()
    {
        var cluster = new Dictionary<string, int> { ["orders"] = 6 };

        var problems = KafkaTopicCheck.Problems(Options(), Lookup(cluster));

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("Topics[0].PartitionCount is 3, but topic 'orders' has 6 partitions", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Topics[1]: topic 'payments' does not exist", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("DeadLetterTopic: topic 'dead' does not exist", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_silo_whose_options_disagree_with_the_broker_does_not_start_and_says_why()
    {
        await using var broker = new EmbeddedKafkaBroker();
        broker.CreateTopic("checked-orders", 4);
        broker.CreateTopic("checked-dead", 1);
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        builder.Options.InitializeClientOnDeploy = false;
        builder.ConfigureSilo((_, silo) => silo.AddKafkaStreams("checked", options => options.Configure(o =>
        {
            o.BootstrapServers = broker.BootstrapServers;
            o.ConsumerGroupId = "checked";
            o.Decoder = TestRecords.Decoder;
            o.DeadLetterTopic = "checked-dead";
            o.AddTopic("checked-orders", "o", 3);
        })));
        await using var cluster = builder.Build();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => cluster.DeployAsync());

        Assert.Contains("Topics[0].PartitionCount is 3, but topic 'checked-orders' has 4 partitions", ExceptionText.Flatten(error));
    }

    private static KafkaStreamOptions Options() => new KafkaStreamOptions
    {
        BootstrapServers = "localhost:9092",
        ConsumerGroupId = "group",
        Decoder = TestRecords.Decoder,
        DeadLetterTopic = "dead",
    }.AddTopic("orders", "o", 3).AddTopic("payments", "p", 2);

    private static Func<string, int?> Lookup(Dictionary<string, int> cluster) =>
        topic => cluster.TryGetValue(topic, out var count) ? count : null;
}
