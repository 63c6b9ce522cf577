using Npgsql;
using SupplyGrid.Runtime.Postgres.Development;

namespace SupplyGrid.Runtime.Postgres.Tests.History;

/// <summary>
/// Takes a database away until disposed: the throwaway cluster is stopped outright (immediate shutdown, like a
/// crash); on an existing server, which tests must not stop, the database refuses connections and its sessions are
/// terminated instead.
/// </summary>
internal sealed class DatabaseOutage : IAsyncDisposable
{
    private readonly ScratchPostgres _server;
    private readonly string _database;

    private DatabaseOutage(ScratchPostgres server, string database)
    {
        _server = server;
        _database = database;
    }

    public static async Task<DatabaseOutage> BeginAsync(ScratchPostgres server, string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        if (server.Cluster is { } cluster)
        {
            await cluster.StopAsync();
        }
        else
        {
            await ServerCommandAsync(server, $"ALTER DATABASE {database} ALLOW_CONNECTIONS false");
            await ServerCommandAsync(server, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}'");
        }

        return new DatabaseOutage(server, database);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server.Cluster is { } cluster)
            await cluster.StartAsync();
        else
            await ServerCommandAsync(_server, $"ALTER DATABASE {_database} ALLOW_CONNECTIONS true");
    }

    private static async Task ServerCommandAsync(ScratchPostgres server, string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresFixture.Unpooled(server.ServerConnectionString));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
