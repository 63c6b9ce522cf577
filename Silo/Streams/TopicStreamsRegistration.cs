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

    /// <summary>
    /// Adds the provider on the silo's Kafka connection (<see cref="KafkaClusterConnection"/>, so it needs
    /// <c>AddGridStreams</c>): the configured cluster or the embedded broker, with section <c>Kafka</c>'s group,
    /// dead-letter topic, client settings, commit interval and partition counts, and section <c>Kafka:Streams</c>
    /// for the provider's cache, read batch and delivery time limit (10 s unless set).
    /// </summary>
    public static ISiloBuilder AddTopicStreams(this ISiloBuilder silo) =>
        silo.AddTopicStreams(options => options
            // A grain failing on a record holds its partition back for at most this long (Orleans' default is a minute).
            .Configure(o => o.DeliveryTimeLimit = TimeSpan.FromSeconds(10))
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
    /// Adds the provider with <see cref="TopicStreamDecoder"/> (it needs <see cref="TopicContracts"/> registered) and
    /// every consumed topic not configured by <paramref name="configure"/>, at its default partition count.
    /// </summary>
    public static ISiloBuilder AddTopicStreams(this ISiloBuilder silo, Action<OptionsBuilder<KafkaStreamOptions>> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        // The grid health check counts what the provider holds for the grains.
        silo.Services.AddSingleton<IPendingRecords>(sp =>
            new StreamCachePendingRecords(sp.GetRequiredKeyedService<KafkaStreamStatistics>(TopicStreams.ProviderName)));
        return silo.AddKafkaStreams(TopicStreams.ProviderName, options =>
        {
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
