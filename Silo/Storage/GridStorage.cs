using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using SupplyGrid.Api.History;
using SupplyGrid.Grains.Ports;
using SupplyGrid.Postgres;
using SupplyGrid.Postgres.Hosting;
using SupplyGrid.Silo.Storage.History;

namespace SupplyGrid.Silo.Storage;

/// <summary>
/// Where the silo keeps what must outlive a grain activation. With <c>ConnectionStrings:Postgres</c> set: PostgreSQL
/// for grain state (the default provider), reminders, the analytics history the grains report and the heatmap
/// history the API reads, the migrations (the infrastructure's and deploy/migrations, embedded in this assembly)
/// applied before the silo's runtime starts. Unset: Orleans' memory grain storage and in-memory reminders, as in the
/// default run. Either way a health endpoint has a <c>storage</c> component.
/// </summary>
internal static class GridStorage
{
    public const string ConnectionStringKey = PostgresOptions.ConnectionStringKey;

    public const string HealthCheckName = "storage";

    /// <summary>The name under which the PostgreSQL provider itself is registered; "Default" wraps it.</summary>
    public const string PostgresStorageName = "postgres";

    /// <summary>True when the configuration names a PostgreSQL database.</summary>
    public static bool UsesPostgres(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[ConnectionStringKey]);

    /// <summary>Replaces the domain's discarding analytics sink and the API's in-memory heatmap history, whatever the order of the calls.</summary>
    public static ISiloBuilder AddGridStorage(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(configuration);
        var services = silo.Services;
        if (!UsesPostgres(configuration))
        {
            services.AddHealthChecks().AddCheck<MemoryStorageHealthCheck>(HealthCheckName, tags: [HealthCheckName]);
            return silo.AddMemoryGrainStorageAsDefault().UseInMemoryReminderService();
        }

        services.TryAddSingleton<PendingHistoryWrites>();
        silo.AddPostgresGrainStorage(PostgresStorageName)
            .UsePostgresReminderService()
            .AddPostgresMigrations(typeof(GridStorage).Assembly)
            .AddPostgresHistory<SupplyDemandMetricRow>()
            .AddPostgresHistory<RepositionSuggestionRow>()
            .AddPostgresHistory<IncentiveCampaignRow>()
            .AddPostgresHistory<DriverIncentiveRow>()
            .AddPostgresHistory<TripAnalyticsRow>()
            .AddPostgresHistory<DriverPerformanceRow>();
        services.AddGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, (sp, _) => new HistoryFirstGrainStorage(
            sp.GetRequiredKeyedService<IGrainStorage>(PostgresStorageName),
            sp.GetRequiredService<PendingHistoryWrites>()));
        services.Replace(ServiceDescriptor.Singleton<IAnalyticsSink, PostgresAnalyticsSink>());
        services.Replace(ServiceDescriptor.Singleton<IHeatmapHistory, PostgresHeatmapHistory>());
        services.AddHealthChecks().AddPostgres(HealthCheckName);
        return silo;
    }
}
