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
    /// (embedded broker when <c>Kafka:BootstrapServers</c> is unset), the shared producer, the dead-letter writer,
    /// <see cref="KafkaStreamMetrics"/> and the <see cref="KafkaStreamPump"/> hosted service. The pump needs an
    /// <see cref="IRecordDispatcher"/> (the host's <see cref="OrderedRecordDispatcher"/>); register whatever its
    /// handlers call (the grains) first, so that the pump stops, and commits, before they do.
    /// </summary>
    public static KafkaStreamsBuilder AddKafkaStreams(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(KafkaClusterConnection)))
            throw new InvalidOperationException("AddKafkaStreams was already called on these services: it adds the one pump of the silo.");
        services.AddOptions<KafkaOptions>().Bind(configuration.GetSection(KafkaOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KafkaOptions>, KafkaOptionsValidator>());
        services.AddMetrics();
        services.TryAddSingleton(sp => new KafkaStreamMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>(), sp.GetService<TimeProvider>()));
        services.TryAddSingleton<KafkaClusterConnection>();
        services.TryAddSingleton<KafkaProducer>();
        services.TryAddSingleton<KafkaDeadLetterWriter>();
        services.TryAddSingleton<IDeadLetterSink>(sp => sp.GetRequiredService<KafkaDeadLetterWriter>());
        services.AddSingleton(sp => new KafkaStreamPump(
            sp.GetRequiredService<KafkaClusterConnection>(),
            sp.GetServices<TopicBinding>(),
            sp.GetService<IRecordDispatcher>()
                ?? throw new InvalidOperationException(
                    "Kafka streams hand records over through IRecordDispatcher, which is not registered: register one (an OrderedRecordDispatcher) first."),
            sp.GetRequiredService<IDeadLetterSink>(),
            sp.GetRequiredService<KafkaStreamMetrics>(),
            sp.GetRequiredService<IOptions<KafkaOptions>>(),
            sp.GetRequiredService<ILogger<KafkaStreamPump>>()));
        services.AddHostedService(sp => sp.GetRequiredService<KafkaStreamPump>());
        return new KafkaStreamsBuilder(services);
    }
}
