using Microsoft.Extensions.DependencyInjection;
using SupplyGrid.Postgres.Health;
using SupplyGrid.Postgres.History;
using SupplyGrid.Postgres.Hosting;

namespace SupplyGrid.Postgres.Tests.History;

/// <summary>
/// The history writers of the test tables on a scratch database, registered as a silo registers them and driven
/// through the writer service's own start and stop (the silo calls them from its lifecycle), retrying fast.
/// </summary>
internal sealed class HistoryHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly HistoryWriterService _writer;
    private bool _stopped;

    private HistoryHost(ServiceProvider services, HistoryWriterService writer)
    {
        _services = services;
        _writer = writer;
    }

    public IServiceProvider Services => _services;

    public static async Task<HistoryHost> StartAsync(string connectionString, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddPostgresMigrations(typeof(HistoryHost).Assembly)
            .AddPostgresHistoryTable<LedgerRow>()
            .AddPostgresHistoryTable<MetricRow>()
            .Configure<PostgresOptions>(o =>
            {
                o.ConnectionString = connectionString;
                o.MaxRetries = 1;
                o.RetryBaseDelay = TimeSpan.FromMilliseconds(20);
                o.RetryMaxDelay = TimeSpan.FromMilliseconds(200);
            })
            .Configure<HistoryTableOptions>(MetricRow.Schema.Table, o => o.FlushInterval = TimeSpan.FromMilliseconds(20))
            .Configure<HistoryTableOptions>(LedgerRow.Schema.Table, o => o.FlushInterval = TimeSpan.FromMilliseconds(20));
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider();
        try
        {
            var writer = provider.GetRequiredService<HistoryWriterService>();
            await writer.StartAsync(CancellationToken.None);
            return new HistoryHost(provider, writer);
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }
    }

    public IHistoryWriter<TRow> Writer<TRow>() => _services.GetRequiredService<IHistoryWriter<TRow>>();

    public HistoryTableStatus Status(string table) =>
        _services.GetRequiredService<PostgresHealth>().GetStatus().HistoryTables.Single(t => t.Table == table);

    /// <summary>What the silo's stop does to the writer: write what is buffered, then stop.</summary>
    public async Task StopAsync()
    {
        if (_stopped)
            return;
        _stopped = true;
        await _writer.StopAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _services.DisposeAsync();
    }
}
