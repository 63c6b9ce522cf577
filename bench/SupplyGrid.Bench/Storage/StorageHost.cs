using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SupplyGrid.Runtime.Hosting;
using SupplyGrid.Runtime.Postgres.History;
using SupplyGrid.Runtime.Postgres.History.Rows;
using SupplyGrid.Runtime.Postgres.Storage;

namespace SupplyGrid.Bench.Storage;

/// <summary>A silo with the postgres storage and history writers, as the real silo registers them.</summary>
internal static class StorageHost
{
    public static async Task<IHost> StartAsync(string connectionString, Action<PostgresGrainStorageOptions> storage)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddGrid(grid => grid
            .AddGrain<DriverStateGrain>()
            .AddPostgresGrainStorage(StorageSuite.StorageName, storage)
            .AddPostgresHistory()
            .ConfigurePostgres(o => o.ConnectionString = connectionString));
        // The benchmark counts rows written: nothing may be dropped.
        builder.Services.Configure<HistoryTableOptions>(SupplyDemandMetricRow.Schema.Table, o => o.Overflow = HistoryOverflow.Wait);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
