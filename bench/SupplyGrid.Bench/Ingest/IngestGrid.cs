using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SupplyGrid.Bench.Grid;
using SupplyGrid.Grains.Events;
using SupplyGrid.Grains.Streams;
using SupplyGrid.Kafka;
using SupplyGrid.Silo.Streams;

namespace SupplyGrid.Bench.Ingest;

/// <summary>
/// The embedded broker and one silo reading it as the product does: the grid's stream provider
/// (<see cref="TopicStreamsRegistration"/>'s <c>AddTopicStreams</c>, with the product's decoder and dead letters)
/// delivering to the domain grains by implicit subscription, on memory storage.
/// </summary>
internal static class IngestGrid
{
    private const string GroupId = "bench-ingest";

    /// <summary>
    /// A broker with every topic the provider reads (it checks them all at start) and the dead-letter topic. driver_event
    /// gets <paramref name="driverEventPartitions"/> rather than the product's count: the embedded broker keeps at most
    /// 5 MiB per partition and drops older batches. One silo reads every partition, so the driver-keyed topics need
    /// not agree on their counts here.
    /// </summary>
    public static EmbeddedKafkaBroker StartBroker(int driverEventPartitions)
    {
        var broker = new EmbeddedKafkaBroker();
        foreach (var topic in TopicRouter.ConsumedTopics)
            broker.CreateTopic(topic, topic == Topics.DriverEvent ? driverEventPartitions : Topics.DefaultPartitions[topic]);
        broker.CreateTopic(Topics.DeadLetter, Topics.DefaultPartitions[Topics.DeadLetter]);
        return broker;
    }

    /// <summary>The silo (not started), its provider on <paramref name="bootstrapServers"/> with the given cache and read batch.</summary>
    public static IHost BuildSilo(string bootstrapServers, TopicContracts contracts, int driverEventPartitions, int pollBatch, int cacheSize) =>
        BenchSilo.CreateBuilder(
            new Dictionary<string, string?>(),
            services => services.AddSingleton(contracts),
            silo => silo.AddTopicStreams(options => options.Configure(o =>
            {
                o.BootstrapServers = bootstrapServers;
                o.ConsumerGroupId = GroupId;
                o.DeadLetterTopic = Topics.DeadLetter;
                o.PollBatchSize = pollBatch;
                o.CacheSize = cacheSize;
                // Before the decoder adds the other consumed topics at their default counts.
                o.AddTopic(Topics.DriverEvent, Topics.DriverEvent, driverEventPartitions);
            }))).Build();
}
