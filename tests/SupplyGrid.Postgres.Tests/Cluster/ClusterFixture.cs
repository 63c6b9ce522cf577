using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Hosting;
using Orleans.Reminders;
using Orleans.Runtime;
using Orleans.TestingHost;
using SupplyGrid.Postgres.Hosting;
using SupplyGrid.Postgres.Tests.History;

namespace SupplyGrid.Postgres.Tests.Cluster;

/// <summary>
/// Test clusters of one silo on a scratch database, registered as a host registers the providers: PostgreSQL grain
/// storage as the default and under <see cref="ArchiveStorage"/> (with snake_case JSON, to tell the two apart),
/// PostgreSQL reminders, the test history tables, and a fake clock for grain timers and reminders.
/// </summary>
public sealed class ClusterFixture : IAsyncDisposable
{
    public const string ArchiveStorage = "archive";

    private ClusterFixture(InProcessTestCluster cluster, string connectionString, FakeTimeProvider clock, ReminderLog log)
    {
        Cluster = cluster;
        ConnectionString = connectionString;
        Clock = clock;
        Log = log;
    }

    public InProcessTestCluster Cluster { get; }

    public IGrainFactory Grains => Cluster.Client;

    public string ConnectionString { get; }

    public FakeTimeProvider Clock { get; }

    public ReminderLog Log { get; }

    /// <param name="clock">The clock of grain timers and reminders; a test that restarts passes the same one to each incarnation.</param>
    /// <param name="log">Where reminder ticks are recorded; likewise shared across incarnations.</param>
    public static async Task<ClusterFixture> StartAsync(
        string connectionString, FakeTimeProvider? clock = null, ReminderLog? log = null, Action<PostgresOptions>? postgres = null)
    {
        clock ??= new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        log ??= new ReminderLog();
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddPostgresGrainStorageAsDefault()
                .AddPostgresGrainStorage(ArchiveStorage, o => o.SerializerOptions = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower })
                .UsePostgresReminderService()
                .AddPostgresMigrations(typeof(ClusterFixture).Assembly)
                .AddPostgresHistory<LedgerRow>()
                .ConfigurePostgres(o =>
                {
                    o.ConnectionString = connectionString;
                    postgres?.Invoke(o);
                });
            silo.Services.AddKeyedSingleton<TimeProvider>(TimeProviderNames.Grains, clock);
            silo.Services.AddKeyedSingleton<TimeProvider>(ReminderTimeProviderNames.Reminders, clock);
            silo.Services.AddSingleton(log);
        });
        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync();
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return new ClusterFixture(cluster, connectionString, clock, log);
    }

    public ValueTask DisposeAsync() => Cluster.DisposeAsync();
}
