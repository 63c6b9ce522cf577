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
            ["Kafka:MaxInFlight"] = "500",
            ["Kafka:CommitInterval"] = "00:00:02",
            ["Kafka:Client:security.protocol"] = "SASL_SSL",
            ["Kafka:Outbox:Capacity"] = "7",
        });

        var options = services.GetRequiredService<IOptions<KafkaOptions>>().Value;

        Assert.Equal("silo-a", options.GroupId);
        Assert.Equal(500, options.MaxInFlight);
        Assert.Equal(250, options.EffectiveResumeInFlight);
        Assert.Equal(TimeSpan.FromSeconds(2), options.CommitInterval);
        Assert.Equal("SASL_SSL", options.Client["security.protocol"]);
        Assert.Equal(7, options.Outbox.Capacity);
    }

    [Fact]
    public void Invalid_settings_fail_at_start_with_messages_naming_them()
    {
        using var services = Build(new Dictionary<string, string?>
        {
            ["Kafka:MaxInFlight"] = "0",
            ["Kafka:CommitInterval"] = "-00:00:01",
            ["Kafka:Topics:0:Name"] = "bad topic",
            ["Kafka:AutoOffsetReset"] = "smallest",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<KafkaOptions>>().Value);

        Assert.Contains(error.Failures, f => f.StartsWith("Kafka:MaxInFlight must be at least 1 (was 0)", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Kafka:CommitInterval must be a positive duration", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Kafka:Topics:0:Name must be a Kafka topic name", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Kafka:AutoOffsetReset must be 'earliest' or 'latest'", StringComparison.Ordinal));
        Assert.Equal(4, error.Failures.Count());
    }

    [Theory]
    [InlineData("Kafka:ResumeInFlight", "10000", "Kafka:ResumeInFlight must be at least 0 and below Kafka:MaxInFlight")]
    [InlineData("Kafka:BootstrapServers", " ", "Kafka:BootstrapServers is blank")]
    [InlineData("Kafka:DeadLetterTopic", "", "Kafka:DeadLetterTopic must be a Kafka topic name")]
    [InlineData("Kafka:Outbox:Capacity", "0", "Kafka:Outbox:Capacity must be at least 1")]
    [InlineData("Kafka:MaxKeyBytes", "0", "Kafka:MaxKeyBytes must be at least 1")]
    public void Each_setting_is_checked(string key, string value, string expected)
    {
        var options = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build()
            .GetSection(KafkaOptions.SectionName).Get<KafkaOptions>() ?? new KafkaOptions();

        var result = new KafkaOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_topic_has_one_event_type_and_one_outbox_and_may_have_both()
    {
        var kafka = new ServiceCollection().AddKafkaStreams(new ConfigurationBuilder().Build())
            .AddTopic(DriverEvent, TestJsonContext.Default.DriverPing)
            .AddOutbox(DriverEvent, TestJsonContext.Default.DriverPing);

        Assert.Contains("already bound", Assert.Throws<ArgumentException>(() => kafka.AddTopic(DriverEvent, TestJsonContext.Default.MdtMessage)).Message);
        Assert.Contains("already has an outbox", Assert.Throws<ArgumentException>(() => kafka.AddOutbox(DriverEvent, TestJsonContext.Default.MdtMessage)).Message);
        Assert.Contains("DriverPing already has an outbox", Assert.Throws<ArgumentException>(() => kafka.AddOutbox(MessageSend, TestJsonContext.Default.DriverPing)).Message);
        Assert.Single(kafka.Services, d => d.ServiceType == typeof(KafkaTopicDeclaration));
    }

    [Fact]
    public void The_pump_needs_a_record_dispatcher()
    {
        using var services = Build(new Dictionary<string, string?> { ["Kafka:BootstrapServers"] = "127.0.0.1:1" });

        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<KafkaStreamPump>());
        Assert.Contains(nameof(IRecordDispatcher), error.Message);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddKafkaStreams(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddTopic(DriverEvent, TestJsonContext.Default.DriverPing, DriverPing.Validate)
            .AddOutbox(MessageSend, TestJsonContext.Default.MdtMessage);
        return services.BuildServiceProvider();
    }
}
