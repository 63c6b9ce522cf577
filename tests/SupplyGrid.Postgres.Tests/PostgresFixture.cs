using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using SupplyGrid.Postgres.Development;
using SupplyGrid.Postgres.Migrations;
using SupplyGrid.Postgres.Tests.Cluster;

namespace SupplyGrid.Postgres.Tests;

/// <summary>
/// One PostgreSQL server for the whole run: the one named by ConnectionStrings__Postgres, or a throwaway cluster.
/// Every test takes its own scratch database; Orleans tests may share one test cluster (<see cref="SharedClusterAsync"/>).
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private readonly SemaphoreSlim _clusterGate = new(1, 1);
    private ScratchPostgres? _server;
    private ClusterFixture? _cluster;

    public ScratchPostgres Server => _server ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync() => _server = await ScratchPostgres.StartAsync();

    public async Task DisposeAsync()
    {
        try
        {
            if (_cluster is not null)
                await _cluster.DisposeAsync();
        }
        finally
        {
            if (_server is not null)
                await _server.DisposeAsync();
        }
    }

    /// <summary>
    /// The cluster the tests of the collection share, on a database of its own, started by the first test that asks
    /// (a cold cluster takes seconds). Tests keep apart by using grain keys of their own.
    /// </summary>
    public async Task<ClusterFixture> SharedClusterAsync()
    {
        await _clusterGate.WaitAsync();
        try
        {
            return _cluster ??= await ClusterFixture.StartAsync(await CreateDatabaseAsync());
        }
        finally
        {
            _clusterGate.Release();
        }
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

    /// <summary>A fresh database with the schema applied: the infrastructure's tables and the test history tables.</summary>
    public async Task<string> CreateMigratedDatabaseAsync()
    {
        var connectionString = await CreateDatabaseAsync();
        await using var database = OpenDatabase(connectionString);
        await new PostgresMigrator(database, [TestMigrations], NullLogger<PostgresMigrator>.Instance).MigrateAsync(CancellationToken.None);
        return connectionString;
    }

    /// <summary>The test history tables (Migrations/*.sql), applied as a host's migrations.</summary>
    public static HostMigrations TestMigrations { get; } = new(typeof(PostgresFixture).Assembly);

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
