using Microsoft.Extensions.Logging.Abstractions;
using SupplyGrid.Runtime.Postgres.Migrations;
using SupplyGrid.Runtime.Postgres.Storage;

namespace SupplyGrid.Runtime.Postgres.Tests.Storage;

/// <summary>A postgres storage provider with its own connection pool, as one silo would have.</summary>
internal sealed class StorageHarness : IAsyncDisposable
{
    private StorageHarness(PostgresDatabase database, PostgresGrainStorage storage)
    {
        Database = database;
        Storage = storage;
    }

    public PostgresDatabase Database { get; }

    public PostgresGrainStorage Storage { get; }

    public static StorageHarness Open(string connectionString, Action<PostgresGrainStorageOptions>? configure = null, int maxRetries = 2)
    {
        var database = PostgresFixture.OpenDatabase(connectionString, maxRetries);
        var options = new PostgresGrainStorageOptions();
        configure?.Invoke(options);
        var storage = new PostgresGrainStorage(database, new PostgresMigrator(database, NullLogger<PostgresMigrator>.Instance), options,
            NullLogger<PostgresGrainStorage>.Instance);
        return new StorageHarness(database, storage);
    }

    public async ValueTask DisposeAsync()
    {
        await Storage.DisposeAsync();
        await Database.DisposeAsync();
    }
}
