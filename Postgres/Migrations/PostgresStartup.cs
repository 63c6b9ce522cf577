using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SupplyGrid.Runtime.Postgres.Migrations;

/// <summary>
/// At silo start: waits for the database (up to <see cref="PostgresOptions.StartupTimeout"/>) and applies the
/// migrations, before the grid starts. A database still unreachable after that fails the start with an exception
/// naming the endpoint and the configuration key.
/// </summary>
internal sealed class PostgresStartupService(PostgresDatabase database, PostgresMigrator migrator, ILogger<PostgresStartupService> logger) : IHostedService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    public async Task StartAsync(CancellationToken cancellationToken)
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

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
