using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SupplyGrid.Kafka.Tests.Support;

namespace SupplyGrid.Kafka.Tests;

public sealed class ConfigurationTests
{
    private const string DriverEvent = "ngp.me.vehiclecomm.driver_event";
    private const string MessageSend = "ngp.dcp.drivercomms.message_send";

    [Fact]
    public void Without_bootstrap_servers_an_embedded_broker_serves_every_declared_topic_at_its_partition_count()
    {
        using var services = Build(new Dictionary<string, string?>
        {
            ["Kafka:Topics:0:Name"] = DriverEvent,
            ["Kafka:Topics:0:Partitions"] = "5",
            ["Kafka:DefaultPartitions"] = "2",
        });

        var connection = services.GetRequiredService<KafkaClusterConnection>();

        Assert.NotNull(connection.EmbeddedBroker);
        Assert.Equal(connection.EmbeddedBroker.BootstrapServers, connection.BootstrapServers);
        Assert.Equal(5, TestKafka.PartitionCount(connection.BootstrapServers, DriverEvent));
        Assert.Equal(2, TestKafka.PartitionCount(connection.BootstrapServers, MessageSend));
        Assert.Equal(2, TestKafka.PartitionCount(connection.BootstrapServers, "supplygrid.dead-letter"));
    }

    [Fact]
    public void With_bootstrap_servers_no_broker_is_started()
    {
        using var services = Build(new Dictionary<string, string?> { ["Kafka:BootstrapServers"] = "kafka-1:9092,kafka-2:9092" });

        var connection = services.GetRequiredService<KafkaClusterConnection>();

        Assert.Null(connection.EmbeddedBroker);
        Assert.Equal("kafka-1:9092,kafka-2:9092", connection.BootstrapServers);
    }

    [Fact]
    public void Settings_bind_from_the_Kafka_section()
    {
        using var services = Build(new Dictionary<string, string?>
        {
            ["Kafka:GroupId"] = "silo-a",
            ["Kafka:CommitInterval"] = "00:00:02",
            ["Kafka:Client:security.protocol"] = "SASL_SSL",
            ["Kafka:Outbox:Capacity"] = "7",
        });

        var options = services.GetRequiredService<IOptions<KafkaOptions>>().Value;

        Assert.Equal("silo-a", options.GroupId);
        Assert.Equal(TimeSpan.FromSeconds(2), options.CommitInterval);
        Assert.Equal("SASL_SSL", options.Client["security.protocol"]);
        Assert.Equal(7, options.Outbox.Capacity);
    }

    [Fact]
    public void Invalid_settings_fail_at_start_with_messages_naming_them()
    {
        using var services = Build(new Dictionary<string, string?>
        {
            ["Kafka:DefaultPartitions"] = "0",
            ["Kafka:CommitInterval"] = "-00:00:01",
            ["Kafka:Topics:0:Name"] = "bad topic",
            ["Kafka:AutoOffsetReset"] = "smallest",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<KafkaOptions>>().Value);

        Assert.Contains(error.Failures, f => f.StartsWith("Kafka:DefaultPartitions must be at least 1 (was 0)", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Kafka:CommitInterval must be a positive duration", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Kafka:Topics:0:Name must be a Kafka topic name", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Kafka:AutoOffsetReset must be 'earliest' or 'latest'", StringComparison.Ordinal));
        Assert.Equal(4, error.Failures.Count());
    }

    [Theory]
    [InlineData("Kafka:EmbeddedBrokers", "0", "Kafka:EmbeddedBrokers must be at least 1")]
    [InlineData("Kafka:BootstrapServers", " ", "Kafka:BootstrapServers is blank")]
    [InlineData("Kafka:DeadLetterTopic", "", "Kafka:DeadLetterTopic must be a Kafka topic name")]
    [InlineData("Kafka:Outbox:Capacity", "0", "Kafka:Outbox:Capacity must be at least 1")]
    [InlineData("Kafka:Outbox:EnqueueTimeout", "00:00:00", "Kafka:Outbox:EnqueueTimeout must be a positive duration")]
    public void Each_setting_is_checked(string key, string value, string expected)
    {
        var options = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build()
            .GetSection(KafkaOptions.SectionName).Get<KafkaOptions>() ?? new KafkaOptions();

        var result = new KafkaOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_topic_has_one_outbox_and_an_event_type_one_topic()
    {
        var kafka = new ServiceCollection().AddKafkaConnection(new ConfigurationBuilder().Build())
            .AddOutbox(DriverEvent, TestJsonContext.Default.DriverPing);

        Assert.Contains("already has an outbox", Assert.Throws<ArgumentException>(() => kafka.AddOutbox(DriverEvent, TestJsonContext.Default.MdtMessage)).Message);
        Assert.Contains("DriverPing already has an outbox", Assert.Throws<ArgumentException>(() => kafka.AddOutbox(MessageSend, TestJsonContext.Default.DriverPing)).Message);
        Assert.Single(kafka.Services, d => d.ServiceType == typeof(KafkaTopicDeclaration));
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddKafkaConnection(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddOutbox(MessageSend, TestJsonContext.Default.MdtMessage);
        return services.BuildServiceProvider();
    }
}
