using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;

namespace SupplyGrid.Postgres.Migrations;

/// <summary>
/// In the silo's start, before its runtime starts: waits for the database (up to
/// <see cref="PostgresOptions.StartupTimeout"/>) and applies the migrations. A database still unreachable after that
/// fails the silo's start with an exception naming the endpoint and the configuration key.
/// </summary>
internal sealed class PostgresStartup(PostgresDatabase database, PostgresMigrator migrator, ILogger<PostgresStartup> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(PostgresStartup), ServiceLifecycleStage.RuntimeInitialize, StartAsync);

    internal async Task StartAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + database.Options.StartupTimeout;
        while (true)
        {
            try
            {
                await migrator.EnsureMigratedAsync(cancellationToken);
                return;
            }
            catch (PostgresUnavailableException error) when (DateTime.UtcNow + PollInterval < deadline)
            {
                logger.LogWarning("Waiting for PostgreSQL at {Endpoint}: {Error}", database.Endpoint, error.InnerException?.Message ?? error.Message);
                await Task.Delay(PollInterval, cancellationToken);
            }
        }
    }
}
