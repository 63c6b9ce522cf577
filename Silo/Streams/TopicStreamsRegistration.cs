using Microsoft.Extensions.Options;
using SupplyGrid.Api.Health;
using SupplyGrid.Grains.Events;
using SupplyGrid.Grains.Streams;
using SupplyGrid.Kafka;
using SupplyGrid.Streaming.Kafka;

namespace SupplyGrid.Silo.Streams;

/// <summary>The consumed topics as Orleans streams: the Kafka stream provider named <see cref="TopicStreams.ProviderName"/>.</summary>
public static class TopicStreamsRegistration
{
    /// <summary>Section of the provider's own settings (<see cref="KafkaStreamOptions.CacheSize"/>, <see cref="KafkaStreamOptions.PollBatchSize"/>).</summary>
    public const string SectionName = $"{KafkaOptions.SectionName}:Streams";

    /// <summary>The grid's <see cref="KafkaStreamOptions.CacheSize"/> unless configured.</summary>
    public const int DefaultCacheSize = 512;

    /// <summary>
    /// Adds the provider on the silo's Kafka connection (<see cref="KafkaClusterConnection"/>, so it needs
    /// <c>AddGridStreams</c>): the configured cluster or the embedded broker, with section <c>Kafka</c>'s group,
    /// dead-letter topic, client settings, commit interval and partition counts, and section <c>Kafka:Streams</c>
    /// for the provider's cache, read batch and delivery time limit.
    /// </summary>
    public static ISiloBuilder AddTopicStreams(this ISiloBuilder silo) =>
        silo.AddTopicStreams(options => options
            .BindConfiguration(SectionName)
            .Configure<KafkaClusterConnection, IOptions<KafkaOptions>>((o, connection, kafkaOptions) =>
            {
                var kafka = kafkaOptions.Value;
                o.BootstrapServers = connection.BootstrapServers;
                o.ConsumerGroupId = kafka.GroupId;
                o.DeadLetterTopic = kafka.DeadLetterTopic;
                o.CommitInterval = kafka.CommitInterval;
                o.AutoOffsetReset = kafka.AutoOffsetReset == "latest" ? Confluent.Kafka.AutoOffsetReset.Latest : Confluent.Kafka.AutoOffsetReset.Earliest;
                o.ConsumerSettings = kafka.ConsumerProperties();
                if (connection.EmbeddedBroker is not null)
                {
                    foreach (var (key, value) in EmbeddedKafkaBroker.ConsumerSettings)
                        o.ConsumerSettings.TryAdd(key, value);
                }

                o.ProducerSettings = kafka.ProducerProperties();
                foreach (var topic in TopicRouter.ConsumedTopics)
                    o.AddTopic(topic, topic, kafka.PartitionsOf(topic));
            }));

    /// <summary>
    /// Adds the provider with <see cref="TopicStreamDecoder"/> (it needs <see cref="TopicContracts"/> registered), the
    /// grid's defaults (a 10 s delivery time limit, a cache of <see cref="DefaultCacheSize"/> records per partition read
    /// every 20 ms)
    /// under what <paramref name="configure"/> sets, and every consumed topic it does not configure, at its default
    /// partition count.
    /// </summary>
    public static ISiloBuilder AddTopicStreams(this ISiloBuilder silo, Action<OptionsBuilder<KafkaStreamOptions>> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        // The grid health check counts what the provider holds for the grains.
        silo.Services.AddSingleton<IPendingRecords>(sp =>
            new StreamCachePendingRecords(sp.GetRequiredKeyedService<KafkaStreamStatistics>(TopicStreams.ProviderName)));
        return silo.AddKafkaStreams(TopicStreams.ProviderName, options =>
        {
            options.Configure(o =>
            {
                // A grain failing on a record holds its partition back for at most this long (Orleans' default is a minute).
                o.DeliveryTimeLimit = TimeSpan.FromSeconds(10);
                // Records read and not yet delivered, per partition: a small bound on memory and on how far the grains can
                // fall behind their partitions, still several reads' worth (docs/benchmarks.md).
                o.CacheSize = DefaultCacheSize;
                // A full cache is read again only at the agent's next tick: 20 ms (not Orleans' 100) lets a partition pass
                // 25,600 records a second through a 512-record cache.
                o.ReadInterval = TimeSpan.FromMilliseconds(20);
            });
            configure(options);
            options.Configure<TopicContracts, TopicRouter>((o, contracts, router) =>
            {
                var decoder = new TopicStreamDecoder(contracts, router);
                o.Decoder = decoder;
                foreach (var topic in decoder.Topics.Where(t => o.Topics.All(configured => configured.Topic != t)))
                    o.AddTopic(topic, topic, Topics.DefaultPartitions[topic]);
            });
        });
    }
}
