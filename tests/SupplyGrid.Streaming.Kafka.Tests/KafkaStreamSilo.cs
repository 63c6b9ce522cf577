using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.TestingHost;
using SupplyGrid.Streaming.Kafka.Tests.Grains;

namespace SupplyGrid.Streaming.Kafka.Tests;

/// <summary>
/// An embedded broker, and one in-process silo reading it through the Kafka stream provider: the topic most tests
/// share (each test uses stream keys of its own), a second topic only the metrics test writes to, and the dead-letter
/// topic of both. Shared by the tests of a class.
/// </summary>
public sealed class KafkaStreamSilo : IAsyncLifetime
{
    public const string ProviderName = "kafka";
    public const string StreamNamespace = "orders";
    public const string Topic = "orders";
    public const int Partitions = 4;
    public const string GroupId = "supplygrid-streaming-tests";
    public const string MeteredTopic = "metered";
    public const string MeteredNamespace = "metered";
    public const int MeteredPartitions = 2;
    public const string DeadLetterTopic = "orders-dead-letters";
    public static readonly TimeSpan DeliveryTimeLimit = TimeSpan.FromSeconds(3);

    private InProcessTestCluster? _cluster;

    public EmbeddedKafkaBroker Broker { get; } = new();

    public DeliveryLog Deliveries { get; } = new();

    public IServiceProvider Services => (_cluster ?? throw new InvalidOperationException("The silo has not started.")).Silos[0].SiloHost.Services;

    public KafkaStreamStatistics Statistics => Services.GetRequiredKeyedService<KafkaStreamStatistics>(ProviderName);

    public async Task InitializeAsync()
    {
        Broker.CreateTopic(Topic, Partitions);
        Broker.CreateTopic(MeteredTopic, MeteredPartitions);
        Broker.CreateTopic(DeadLetterTopic, 1);
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        builder.Options.InitializeClientOnDeploy = false;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton(Deliveries);
            silo.AddKafkaStreams(ProviderName, options => options.Configure(o =>
            {
                o.BootstrapServers = Broker.BootstrapServers;
                o.ConsumerGroupId = GroupId;
                o.AddTopic(Topic, StreamNamespace, Partitions);
                o.AddTopic(MeteredTopic, MeteredNamespace, MeteredPartitions);
                o.Decoder = TestRecords.Decoder;
                o.DeadLetterTopic = DeadLetterTopic;
                // Short, so the committed-offset checks finish quickly; the default is 1 s.
                o.CommitInterval = TimeSpan.FromMilliseconds(50);
                // Short, so the delivery-failure test waits seconds, not Orleans' minute.
                o.DeliveryTimeLimit = DeliveryTimeLimit;
            }));
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
            await _cluster.DisposeAsync();
        await Broker.DisposeAsync();
    }

    /// <summary>Produces <paramref name="records"/> in order (each key's records land in order on its partition).</summary>
    public async Task ProduceAsync(IEnumerable<(string? Key, string Value)> records)
    {
        using var producer = TestRecords.Producer(Broker.BootstrapServers);
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        foreach (var (key, value) in records)
        {
            producer.Produce(Topic, new Message<string?, string> { Key = key, Value = value }, report =>
            {
                if (report.Error.IsError)
                    failures.Enqueue($"'{report.Message.Value}': {report.Error.Reason}");
            });
        }

        // Produce only queues; Flush waits until the broker has acknowledged every record.
        var left = producer.Flush(TimeSpan.FromSeconds(30));
        Assert.True(left == 0 && failures.IsEmpty, $"{left} record(s) unacknowledged; failed: {string.Join("; ", failures)}");
    }

    /// <summary>Produces <paramref name="records"/> to <paramref name="topic"/> in order; returns where each landed.</summary>
    public Task<IReadOnlyList<DeliveryResult<string?, string>>> ProduceAsync(string topic, IEnumerable<Message<string?, string>> records) =>
        TestRecords.ProduceAsync(Broker.BootstrapServers, topic, records);
}
