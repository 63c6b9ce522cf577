using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SupplyGrid.Kafka;

public static class KafkaServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Kafka stream layer configured from section <c>Kafka</c> (validated at start): the cluster connection
    /// (embedded broker when <c>Kafka:BootstrapServers</c> is unset), the shared producer, the dead-letter writer and
    /// <see cref="KafkaStreamMetrics"/>. The first topic bound with <see cref="KafkaStreamsBuilder.AddTopic{T}"/> adds
    /// the <see cref="KafkaStreamPump"/> hosted service, which needs an <see cref="IRecordDispatcher"/> (the host's
    /// <see cref="OrderedRecordDispatcher"/>); register whatever its handlers call (the grains) first, so that the pump
    /// stops, and commits, before they do.
    /// </summary>
    public static KafkaStreamsBuilder AddKafkaStreams(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(KafkaClusterConnection)))
            throw new InvalidOperationException("AddKafkaStreams was already called on these services: it adds the one cluster connection of the process.");
        services.AddOptions<KafkaOptions>().Bind(configuration.GetSection(KafkaOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KafkaOptions>, KafkaOptionsValidator>());
        services.AddMetrics();
        services.TryAddSingleton(sp => new KafkaStreamMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>(), sp.GetService<TimeProvider>()));
        services.TryAddSingleton<KafkaClusterConnection>();
        services.TryAddSingleton<KafkaProducer>();
        services.TryAddSingleton<KafkaDeadLetterWriter>();
        services.TryAddSingleton<IDeadLetterSink>(sp => sp.GetRequiredService<KafkaDeadLetterWriter>());
        return new KafkaStreamsBuilder(services);
    }
}
