using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Hosting;
using Orleans.Streams;

namespace SupplyGrid.Streaming.Kafka;

/// <summary>Registers Kafka stream providers on a silo.</summary>
public static class KafkaStreamsSiloBuilderExtensions
{
    /// <summary>
    /// Adds a persistent stream provider named <paramref name="name"/> that reads the configured Kafka topics. Streams
    /// are delivered to implicit subscribers only (<c>[ImplicitStreamSubscription("namespace")]</c> grains that subscribe
    /// in <c>OnActivateAsync</c>): with no explicit pub/sub, no grain storage is needed. Also registers, keyed by
    /// <paramref name="name"/>, the provider's <see cref="KafkaStreamStatistics"/> (its meter comes from the host's
    /// <see cref="IMeterFactory"/>) and its dead-letter producer.
    /// </summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="name">The provider name (what <c>GetStreamProvider(name)</c> takes).</param>
    /// <param name="configureOptions">Configures the provider's <see cref="KafkaStreamOptions"/> (validated at silo start).</param>
    /// <param name="configureStream">Further settings of the persistent stream (pulling agent, balancer, ...), if any.</param>
    /// <returns>The silo builder.</returns>
    public static ISiloBuilder AddKafkaStreams(
        this ISiloBuilder builder,
        string name,
        Action<OptionsBuilder<KafkaStreamOptions>> configureOptions,
        Action<ISiloPersistentStreamConfigurator>? configureStream = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configureOptions);

        return builder.AddPersistentStreams(name, KafkaQueueAdapterFactory.Create, stream =>
        {
            stream.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
            stream.ConfigureDelegate(services =>
            {
                // Not Orleans' Configure<TOptions> helper: it also logs the options at start, and ConsumerSettings may hold
                // credentials.
                configureOptions(services.AddOptions<KafkaStreamOptions>(name));
                // Singletons of the container, which disposes them when the silo has stopped (its receivers first).
                services.AddKeyedSingleton(name, (sp, _) => new KafkaStreamStatistics(name, sp.GetService<IMeterFactory>()));
                // Try: a test may have put a stand-in at the producer boundary already.
                services.TryAddKeyedSingleton<IKafkaDeadLetterSink>(name, (sp, _) => new KafkaDeadLetterProducer(
                    sp.GetRequiredService<IOptionsMonitor<KafkaStreamOptions>>().Get(name),
                    sp.GetRequiredService<ILoggerFactory>().CreateLogger($"{typeof(KafkaDeadLetterProducer).FullName}.{name}")));
                services.AddSingleton(sp => KafkaStreamOptionsValidator.Create(sp, name));
            });
            stream.ConfigurePullingAgent(agent => agent.Configure<IOptionsMonitor<KafkaStreamOptions>>((o, providers) =>
            {
                var options = providers.Get(name);
                o.MaxEventDeliveryTime = options.DeliveryTimeLimit;
                o.GetQueueMsgsTimerPeriod = options.ReadInterval;
            }));
            stream.ConfigureBackoffProvider((services, provider) =>
                new DeliveryRetryBackoff(services.GetRequiredService<IOptionsMonitor<KafkaStreamOptions>>().Get(provider).DeliveryTimeLimit));
            configureStream?.Invoke(stream);
        });
    }
}
