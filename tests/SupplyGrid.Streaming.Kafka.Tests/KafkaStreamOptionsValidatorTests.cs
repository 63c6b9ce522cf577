using Orleans.Hosting;
using Orleans.TestingHost;

namespace SupplyGrid.Streaming.Kafka.Tests;

public sealed class KafkaStreamOptionsValidatorTests
{
    [Fact]
    public void Valid_options_pass()
    {
        Assert.Empty(KafkaStreamOptionsValidator.Validate("kafka", Valid()));
    }

    [Theory]
    [InlineData("BootstrapServers", "KafkaStreamOptions.BootstrapServers")]
    [InlineData("ConsumerGroupId", "KafkaStreamOptions.ConsumerGroupId")]
    [InlineData("Decoder", "KafkaStreamOptions.Decoder")]
    [InlineData("CacheSize", "KafkaStreamOptions.CacheSize")]
    [InlineData("PollBatchSize", "KafkaStreamOptions.PollBatchSize")]
    [InlineData("CommitInterval", "KafkaStreamOptions.CommitInterval")]
    [InlineData("NoTopics", "KafkaStreamOptions.Topics is empty")]
    [InlineData("TopicName", "KafkaStreamOptions.Topics[1].Topic")]
    [InlineData("DuplicateTopic", "KafkaStreamOptions.Topics[1].Topic 'orders' is listed twice")]
    [InlineData("StreamNamespace", "KafkaStreamOptions.Topics[1].StreamNamespace is required")]
    [InlineData("SharedNamespace", "KafkaStreamOptions.Topics[1].StreamNamespace 'o' is already used")]
    [InlineData("PartitionCount", "KafkaStreamOptions.Topics[1].PartitionCount must be at least 1 (was 0)")]
    [InlineData("ManagedSetting", "KafkaStreamOptions.ConsumerSettings[\"enable.auto.commit\"]")]
    [InlineData("ManagedEofSetting", "KafkaStreamOptions.ConsumerSettings[\"enable.partition.eof\"]")]
    [InlineData("ManagedProducerSetting", "KafkaStreamOptions.ProducerSettings[\"acks\"]")]
    [InlineData("DeadLetterTopic", "KafkaStreamOptions.DeadLetterTopic is required")]
    [InlineData("DeadLetterTopicName", "KafkaStreamOptions.DeadLetterTopic 'dead letters' is not a Kafka topic name")]
    [InlineData("DeadLetterTopicRead", "KafkaStreamOptions.DeadLetterTopic 'prices' is also one of the topics read")]
    public void Each_problem_names_its_setting(string problem, string expected)
    {
        var options = Valid();
        options.AddTopic("prices", "p", 2);
        var second = options.Topics[1];
        switch (problem)
        {
            case "BootstrapServers": options.BootstrapServers = " "; break;
            case "ConsumerGroupId": options.ConsumerGroupId = ""; break;
            case "Decoder": options.Decoder = null; break;
            case "CacheSize": options.CacheSize = 0; break;
            case "PollBatchSize": options.PollBatchSize = -1; break;
            case "CommitInterval": options.CommitInterval = TimeSpan.FromSeconds(-1); break;
            case "NoTopics": options.Topics.Clear(); break;
            case "TopicName": second.Topic = "bad topic!"; break;
            case "DuplicateTopic": second.Topic = "orders"; break;
            case "StreamNamespace": second.StreamNamespace = ""; break;
            case "SharedNamespace": second.StreamNamespace = "o"; break;
            case "PartitionCount": second.PartitionCount = 0; break;
            case "ManagedSetting": options.ConsumerSettings["enable.auto.commit"] = "true"; break;
            case "ManagedEofSetting": options.ConsumerSettings["enable.partition.eof"] = "false"; break;
            case "ManagedProducerSetting": options.ProducerSettings["acks"] = "1"; break;
            case "DeadLetterTopic": options.DeadLetterTopic = " "; break;
            case "DeadLetterTopicName": options.DeadLetterTopic = "dead letters"; break;
            case "DeadLetterTopicRead": options.DeadLetterTopic = "prices"; break;
        }

        var failure = Assert.Single(KafkaStreamOptionsValidator.Validate("kafka", options));
        Assert.Contains(expected, failure);
    }

    [Fact]
    public async Task A_silo_with_bad_options_does_not_start_and_says_which_settings_are_wrong()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        builder.Options.InitializeClientOnDeploy = false;
        builder.ConfigureSilo((_, silo) => silo.AddKafkaStreams("bad", options => options.Configure(o =>
        {
            o.ConsumerGroupId = "g";
            o.Decoder = TestRecords.Decoder;
            o.AddTopic("orders", "o", 0);
        })));
        await using var cluster = builder.Build();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => cluster.DeployAsync());

        var message = ExceptionText.Flatten(error);
        Assert.Contains("Kafka stream provider 'bad'", message);
        Assert.Contains("KafkaStreamOptions.BootstrapServers", message);
        Assert.Contains("KafkaStreamOptions.Topics[0].PartitionCount", message);
        Assert.Contains("KafkaStreamOptions.DeadLetterTopic", message);
    }

    private static KafkaStreamOptions Valid() => new KafkaStreamOptions
    {
        BootstrapServers = "localhost:9092",
        ConsumerGroupId = "group",
        Decoder = TestRecords.Decoder,
        DeadLetterTopic = "orders-dead-letters",
        // Settings the provider does not manage pass.
        ConsumerSettings = { ["security.protocol"] = "plaintext" },
        ProducerSettings = { ["security.protocol"] = "plaintext", ["linger.ms"] = "5" },
    }.AddTopic("orders", "o", 3);
}
