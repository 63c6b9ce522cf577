using Microsoft.Extensions.DependencyInjection.Extensions;
using SupplyGrid.Api.History;
using SupplyGrid.Grains.Ports;
using SupplyGrid.Runtime;
using SupplyGrid.Runtime.Hosting;
using SupplyGrid.Runtime.Postgres;
using SupplyGrid.Runtime.Storage;

namespace SupplyGrid.Silo.Storage;

/// <summary>
/// Where the silo keeps what must outlive a grain activation. With <c>ConnectionStrings:Postgres</c> set: PostgreSQL
/// for grain state (the default provider), reminders, the analytics history the grains report and the heatmap
/// history the API reads, the migrations applied before the grid starts. Unset: memory, as in the default run.
/// Either way /health/detailed has a <c>storage</c> component.
/// </summary>
internal static class GridStorage
{
    public const string ConnectionStringKey = PostgresOptions.ConnectionStringKey;

    public const string HealthCheckName = "storage";

    /// <summary>True when the configuration names a PostgreSQL database.</summary>
    public static bool UsesPostgres(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[ConnectionStringKey]);

    /// <summary>Call inside <c>AddGrid</c> after the domain, and before <c>AddSupplyGridApi</c> (whose history yields to this one).</summary>
    public static GridBuilder AddGridStorage(this GridBuilder grid, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(configuration);
        if (!UsesPostgres(configuration))
        {
            grid.Services.AddHealthChecks().AddCheck<MemoryStorageHealthCheck>(HealthCheckName, tags: [HealthCheckName]);
            return grid.AddMemoryGrainStorage();
        }

        var services = grid.Services;
        services.TryAddSingleton<PendingHistoryWrites>();
        grid.AddPostgresGrainStorage()
            .AddGrainStorage(GrainStorageNames.Default, sp => new HistoryFirstGrainStorage(
                sp.GetRequiredKeyedService<IGrainStorage>(PostgresGridBuilderExtensions.DefaultStorageName),
                sp.GetRequiredService<PendingHistoryWrites>()))
            .UsePostgresReminderTable()
            .AddPostgresHistory();
        services.Replace(ServiceDescriptor.Singleton<IAnalyticsSink, PostgresAnalyticsSink>());
        services.TryAddSingleton<IHeatmapHistory, PostgresHeatmapHistory>();
        services.AddHealthChecks().AddPostgres(HealthCheckName);
        return grid;
    }
}
