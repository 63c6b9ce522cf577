using Microsoft.Extensions.DependencyInjection;
using SupplyGrid.Runtime.Hosting;
using SupplyGrid.Runtime.Postgres.Health;
using SupplyGrid.Runtime.Postgres.History;
using SupplyGrid.Runtime.Postgres.History.Rows;
using SupplyGrid.Runtime.Testing;

namespace SupplyGrid.Runtime.Postgres.Tests.History;

/// <summary>A test silo with the history writers on a scratch database, retrying fast.</summary>
internal static class HistoryHost
{
    public static Task<GridTestHost> StartAsync(string connectionString, Action<IServiceCollection>? configure = null) =>
        GridTestHost.StartAsync(
            g => g.AddPostgresHistory().ConfigurePostgres(o =>
            {
                o.ConnectionString = connectionString;
                o.MaxRetries = 1;
                o.RetryBaseDelay = TimeSpan.FromMilliseconds(20);
                o.RetryMaxDelay = TimeSpan.FromMilliseconds(200);
            }),
            services =>
            {
                services.Configure<HistoryTableOptions>(SupplyDemandMetricRow.Schema.Table, o => o.FlushInterval = TimeSpan.FromMilliseconds(20));
                services.Configure<HistoryTableOptions>(DriverIncentiveRow.Schema.Table, o => o.FlushInterval = TimeSpan.FromMilliseconds(20));
                configure?.Invoke(services);
            });

    public static IHistoryWriter<TRow> Writer<TRow>(this GridTestHost host) => host.Services.GetRequiredService<IHistoryWriter<TRow>>();

    public static HistoryTableStatus Status(this GridTestHost host, string table) =>
        host.Services.GetRequiredService<PostgresHealth>().GetStatus().HistoryTables.Single(t => t.Table == table);
}
