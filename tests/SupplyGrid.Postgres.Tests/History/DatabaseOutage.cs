using Npgsql;
using SupplyGrid.Postgres.Development;

namespace SupplyGrid.Postgres.Tests.History;

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
            await cluster.StopServerAsync();
        }
        else
        {
            await PostgresFixture.ExecuteAsync(server.ServerConnectionString, $"ALTER DATABASE {database} ALLOW_CONNECTIONS false");
            await PostgresFixture.ExecuteAsync(server.ServerConnectionString, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}'");
        }

        return new DatabaseOutage(server, database);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server.Cluster is { } cluster)
            await cluster.StartServerAsync();
        else
            await PostgresFixture.ExecuteAsync(_server.ServerConnectionString, $"ALTER DATABASE {_database} ALLOW_CONNECTIONS true");
    }
}
