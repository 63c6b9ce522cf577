using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using SupplyGrid.Runtime.Postgres.Development;
using SupplyGrid.Runtime.Postgres.Migrations;

namespace SupplyGrid.Runtime.Postgres.Tests;

/// <summary>
/// One PostgreSQL server for the whole run: the one named by ConnectionStrings__Postgres, or a throwaway cluster.
/// Every test takes its own scratch database.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private ScratchPostgres? _server;

    public ScratchPostgres Server => _server ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync() => _server = await ScratchPostgres.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }

    public Task<string> CreateDatabaseAsync() => Server.CreateDatabaseAsync();

    /// <summary>A database handle with fast retries, so that failure tests stay quick.</summary>
    public static PostgresDatabase OpenDatabase(string connectionString, int maxRetries = 2) =>
        new(Options.Create(new PostgresOptions
        {
            ConnectionString = connectionString,
            MaxRetries = maxRetries,
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
            RetryMaxDelay = TimeSpan.FromMilliseconds(50),
        }), NullLoggerFactory.Instance);

    /// <summary>A fresh database with the schema applied.</summary>
    public async Task<string> CreateMigratedDatabaseAsync()
    {
        var connectionString = await CreateDatabaseAsync();
        await using var database = OpenDatabase(connectionString);
        await new PostgresMigrator(database, NullLogger<PostgresMigrator>.Instance).MigrateAsync(CancellationToken.None);
        return connectionString;
    }

    /// <summary>Test-side connections are unpooled: pooled ones would be broken after the cluster restarts.</summary>
    public static string Unpooled(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(Unpooled(connectionString));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(Unpooled(connectionString));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
