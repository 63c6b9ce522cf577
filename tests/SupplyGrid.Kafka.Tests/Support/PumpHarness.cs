using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace SupplyGrid.Kafka.Tests.Support;

/// <summary>One silo's worth of the stream layer, wired as the silo wires it (AddKafkaStreams), around a test dispatcher.</summary>
internal sealed class PumpHarness : IAsyncDisposable
{
    private PumpHarness(ServiceProvider services)
    {
        Services = services;
        Pump = services.GetRequiredService<KafkaStreamPump>();
        Metrics = services.GetRequiredService<KafkaStreamMetrics>();
    }

    public ServiceProvider Services { get; }

    public KafkaStreamPump Pump { get; }

    public KafkaStreamMetrics Metrics { get; }

    /// <summary>Settings that keep group rebalances and commits quick on the embedded broker.</summary>
    public static Dictionary<string, string?> FastSettings(string bootstrap, string groupId) => new()
    {
        ["Kafka:BootstrapServers"] = bootstrap,
        ["Kafka:GroupId"] = groupId,
        ["Kafka:CommitInterval"] = "00:00:00.100",
        ["Kafka:PollTimeout"] = "00:00:00.050",
        ["Kafka:DrainTimeout"] = "00:00:02",
        ["Kafka:Consumer:session.timeout.ms"] = "6000",
        ["Kafka:Consumer:heartbeat.interval.ms"] = "100",
        ["Kafka:Outbox:Linger"] = "00:00:00.002",
    };

    public static async Task<PumpHarness> StartAsync(
        ITestOutputHelper output, IRecordDispatcher dispatcher, Dictionary<string, string?> settings, params string[] topics)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(new TestOutputLoggerProvider(output)));
        services.AddSingleton(dispatcher);
        var kafka = services.AddKafkaStreams(configuration);
        foreach (var topic in topics)
            kafka.AddTopic(topic, TestJsonContext.Default.DriverPing, DriverPing.Validate);
        var harness = new PumpHarness(services.BuildServiceProvider());
        using var timeout = new CancellationTokenSource(TestKafka.Patience);
        await harness.Pump.StartAsync(timeout.Token);
        return harness;
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TestKafka.Patience);
        await Pump.StopAsync(timeout.Token);
        await Services.DisposeAsync();
    }
}
