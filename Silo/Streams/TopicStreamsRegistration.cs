using SupplyGrid.Grains.Events;
using SupplyGrid.Grains.Streams;
using SupplyGrid.Streaming.Kafka;

namespace SupplyGrid.Silo.Streams;

/// <summary>The consumed topics as Orleans streams: the Kafka stream provider named <see cref="TopicStreams.ProviderName"/>.</summary>
internal static class TopicStreamsRegistration
{
    /// <summary>
    /// Adds the provider with <see cref="TopicStreamDecoder"/> (it needs <see cref="TopicContracts"/> registered) and
    /// every consumed topic not configured by <paramref name="configure"/>, at its default partition count.
    /// </summary>
    public static ISiloBuilder AddTopicStreams(this ISiloBuilder silo, Action<KafkaStreamOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return silo.AddKafkaStreams(TopicStreams.ProviderName, options => options
            .Configure(configure)
            .Configure<TopicContracts, TopicRouter>((o, contracts, router) =>
            {
                var decoder = new TopicStreamDecoder(contracts, router);
                o.Decoder = decoder;
                foreach (var topic in decoder.Topics.Where(t => o.Topics.All(configured => configured.Topic != t)))
                    o.AddTopic(topic, topic, Topics.DefaultPartitions[topic]);
            }));
    }
}
