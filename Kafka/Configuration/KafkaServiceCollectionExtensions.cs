using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SupplyGrid.Kafka;

public static class KafkaServiceCollectionExtensions
{
    /// <summary>
    /// Adds the process's Kafka connection configured from section <c>Kafka</c> (validated at start): the cluster
    /// (embedded broker when <c>Kafka:BootstrapServers</c> is unset, with the declared topics created on it), the shared
    /// idempotent producer and <see cref="KafkaOutboxMetrics"/>. Declare outboxes on the returned builder. Records are
    /// read by the Orleans stream provider (Streaming.Kafka), configured from the same connection.
    /// </summary>
    public static KafkaOutboxesBuilder AddKafkaConnection(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(KafkaClusterConnection)))
            throw new InvalidOperationException("AddKafkaConnection was already called on these services: it adds the one cluster connection of the process.");
        services.AddOptions<KafkaOptions>().Bind(configuration.GetSection(KafkaOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KafkaOptions>, KafkaOptionsValidator>());
        services.AddMetrics();
        services.TryAddSingleton(sp => new KafkaOutboxMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddSingleton<KafkaClusterConnection>();
        services.TryAddSingleton<KafkaProducer>();
        return new KafkaOutboxesBuilder(services);
    }
}
