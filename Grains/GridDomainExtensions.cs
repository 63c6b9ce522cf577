using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SupplyGrid.Grains.Configuration;
using SupplyGrid.Grains.Diagnostics;
using SupplyGrid.Grains.Ports;
using Orleans.Hosting;
using Orleans.Serialization.Configuration;
using SupplyGrid.Grains.Streams;

namespace SupplyGrid.Grains;

public static class GridDomainExtensions
{
    /// <summary>
    /// Adds the domain grains' services (the grain classes themselves Orleans finds in this assembly): the
    /// cities from <c>Cities</c> (Singapore when none), driver settings from <c>Drivers</c>, both validated at start
    /// with errors naming the setting, and in-memory ports (MDT outbox, city change feed) plus a discarding analytics
    /// sink, unless the host registered its own.
    /// </summary>
    public static ISiloBuilder AddSupplyGridDomain(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddSupplyGridDomain(configuration);
        return silo;
    }

    /// <inheritdoc cref="AddSupplyGridDomain(ISiloBuilder, IConfiguration)"/>
    public static IServiceCollection AddSupplyGridDomain(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<CitiesOptions>()
            .Configure(o => o.Bind(configuration))
            .Validate(o => o.Build().Count > 0)
            .ValidateOnStart();
        services.AddOptions<DriverOptions>()
            .Bind(configuration.GetSection(DriverOptions.SectionName))
            .Validate(o => { o.Validate(); return true; })
            .ValidateOnStart();
        services.TryAddSingleton<CityDirectory>();
        services.TryAddSingleton(sp => new DomainMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddSingleton<IMdtOutbox>(_ => new InMemoryMdtOutbox());
        services.TryAddSingleton<ICityChangeFeed>(_ => new InMemoryCityChangeFeed());
        services.TryAddSingleton<IAnalyticsSink, NullAnalyticsSink>();
        services.TryAddSingleton<TopicRouter>();
        // The grains' state classes are plain classes (stored as JSON, readable by an operator), not Orleans
        // contracts: without this, Orleans' JSON grain storage writes them but refuses to read them back, and a grain
        // with stored state fails to activate again.
        services.Configure<TypeManifestOptions>(o => o.AddAllowedAssembly(typeof(GridDomainExtensions).Assembly));
        return services;
    }

}
