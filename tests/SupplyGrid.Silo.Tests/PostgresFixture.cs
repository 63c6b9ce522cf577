using Npgsql;
using SupplyGrid.Postgres.Development;

namespace SupplyGrid.Silo.Tests;

/// <summary>One PostgreSQL server for the run (ConnectionStrings__Postgres, or a throwaway cluster); a scratch database per test.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private ScratchPostgres? _server;

    public async Task InitializeAsync() => _server = await ScratchPostgres.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }

    public Task<string> CreateDatabaseAsync() =>
        (_server ?? throw new InvalidOperationException("The fixture has not started.")).CreateDatabaseAsync();

    public static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
