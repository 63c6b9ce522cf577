using System.Data;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace SupplyGrid.Postgres.Migrations;

/// <summary>
/// Applies the migrations that the database lacks (the infrastructure's own and the host's, see
/// <see cref="MigrationCatalog"/>), in version order, each in its own transaction, and records them in
/// <c>schema_migrations</c>. Silos starting at the same time take turns through a PostgreSQL advisory lock, so
/// running it twice, or from two silos at once, applies every migration exactly once.
/// </summary>
public sealed class PostgresMigrator(PostgresDatabase database, IEnumerable<HostMigrations> hostMigrations, ILogger<PostgresMigrator> logger)
{
    /// <summary>Advisory lock key, the same for every silo of the cluster (any constant works; this one spells "SGMIGR").</summary>
    private const long LockKey = 0x5347_4D49_4752;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _done;

    /// <summary>Only the infrastructure's own migrations.</summary>
    public PostgresMigrator(PostgresDatabase database, ILogger<PostgresMigrator> logger)
        : this(database, [], logger)
    {
    }

    /// <summary>The scripts to apply, each assembly's once (tests may set others).</summary>
    internal IReadOnlyList<MigrationScript> Scripts { get; init; } = MigrationCatalog.Combine(
    [
        MigrationCatalog.Infrastructure,
        .. hostMigrations.Select(h => h.Assembly).Distinct().Where(a => a != typeof(MigrationCatalog).Assembly).Select(MigrationCatalog.EmbeddedIn),
    ]);

    /// <summary>Applies the missing migrations once per process; later calls return at once.</summary>
    public async Task EnsureMigratedAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _done))
            return;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_done)
                return;
            await MigrateAsync(cancellationToken);
            Volatile.Write(ref _done, true);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Applies the migrations the database lacks and returns how many it applied.</summary>
    public Task<int> MigrateAsync(CancellationToken cancellationToken) =>
        database.RunAsync("apply schema migrations", async (_, ct) =>
        {
            await using var connection = await database.DataSource.OpenConnectionAsync(ct);
            await ExecuteAsync(connection, $"SELECT pg_advisory_lock({LockKey})", ct);
            try
            {
                return await ApplyMissingAsync(connection, ct);
            }
            finally
            {
                // Closing the session would release the lock too; a pooled connection stays open, so release it here.
                if (connection.FullState == ConnectionState.Open)
                    await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
            }
        }, cancellationToken);

    private async Task<int> ApplyMissingAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version    integer     PRIMARY KEY,
                name       text        NOT NULL,
                checksum   text        NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now())
            """, cancellationToken);
        var applied = await ReadAppliedAsync(connection, cancellationToken);
        var count = 0;
        foreach (var script in Scripts)
        {
            if (applied.TryGetValue(script.Version, out var existing))
            {
                if (existing.Checksum != script.Checksum)
                    throw new InvalidOperationException(
                        $"Migration {script.Name} was changed after it was applied (as {existing.Name}) to {database.Endpoint}. " +
                        "Applied migrations are immutable: add a new migration instead.");
                continue;
            }

            await ApplyAsync(connection, script, cancellationToken);
            count++;
        }

        var newest = Math.Max(applied.Count == 0 ? 0 : applied.Keys.Max(), Scripts[^1].Version);
        foreach (var unknown in applied.Where(a => a.Key > Scripts[^1].Version))
            logger.LogWarning("Database {Endpoint} has migration {Name}, newer than this build knows", database.Endpoint, unknown.Value.Name);
        database.Health.RecordSchemaVersion(newest);
        logger.LogInformation("Schema of {Endpoint} at version {Version} ({Applied} migrations applied now)", database.Endpoint, newest, count);
        return count;
    }

    private async Task ApplyAsync(NpgsqlConnection connection, MigrationScript script, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await ExecuteAsync(connection, script.Sql, cancellationToken);
        }
        catch (PostgresException error) when (!PostgresFailures.IsUnavailable(error) && !PostgresFailures.IsTransient(error))
        {
            throw new InvalidOperationException(
                $"Migration {script.Name} failed on {database.Endpoint}: {error.SqlState} {error.MessageText}" +
                (error.Position > 0 ? $" (at character {error.Position})" : ""), error);
        }

        await using var record = new NpgsqlCommand("INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)", connection);
        record.Parameters.Add(new NpgsqlParameter<int> { TypedValue = script.Version });
        record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = script.Name });
        record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = script.Checksum });
        await record.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Applied migration {Name} to {Endpoint}", script.Name, database.Endpoint);
    }

    private static async Task<Dictionary<int, (string Name, string Checksum)>> ReadAppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<int, (string, string)>();
        await using var command = new NpgsqlCommand("SELECT version, name, checksum FROM schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            applied[reader.GetInt32(0)] = (reader.GetString(1), reader.GetString(2));
        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
