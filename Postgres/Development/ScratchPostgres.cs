using Npgsql;

namespace SupplyGrid.Postgres.Development;

/// <summary>
/// Development and test utility, not for production: the PostgreSQL server named by the environment variable
/// <c>ConnectionStrings__Postgres</c> when it is set (its role needs CREATEDB), otherwise a <see cref="ThrowawayCluster"/>.
/// Hands out scratch databases, each dropped on dispose, so that tests and benchmarks never share tables.
/// </summary>
public sealed class ScratchPostgres : IAsyncDisposable
{
    public const string EnvironmentVariable = "ConnectionStrings__Postgres";

    private readonly List<string> _databases = [];
    private readonly Lock _lock = new();
    private readonly string _adminConnectionString;

    private ScratchPostgres(string serverConnectionString, ThrowawayCluster? cluster)
    {
        ServerConnectionString = serverConnectionString;
        // Unpooled: a pooled idle connection would be broken after the cluster is stopped and started again.
        _adminConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Pooling = false }.ConnectionString;
        Cluster = cluster;
    }

    /// <summary>The throwaway cluster, or null when an existing server is used (it cannot be stopped by tests).</summary>
    public ThrowawayCluster? Cluster { get; }

    public string ServerConnectionString { get; }

    /// <param name="durable">For a throwaway cluster: keep fsync and synchronous commit (see <see cref="ThrowawayCluster.StartAsync"/>).</param>
    public static async Task<ScratchPostgres> StartAsync(bool durable = false, CancellationToken cancellationToken = default)
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } existing)
            return new ScratchPostgres(existing, null);
        var cluster = await ThrowawayCluster.StartAsync(durable, cancellationToken);
        return new ScratchPostgres(cluster.ConnectionString, cluster);
    }

    /// <summary>Creates an empty database and returns a connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var name = $"sg_scratch_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(_adminConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        lock (_lock)
            _databases.Add(name);
        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (Cluster is null)
                await DropDatabasesAsync();
        }
        finally
        {
            if (Cluster is not null)
                await Cluster.DisposeAsync();
        }
    }

    private async Task DropDatabasesAsync()
    {
        string[] names;
        lock (_lock)
            names = [.. _databases];
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        foreach (var name in names)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
