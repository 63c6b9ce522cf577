using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using SupplyGrid.Postgres.Migrations;
using SupplyGrid.Postgres.Storage;

namespace SupplyGrid.Postgres.Tests.Storage;

/// <summary>A postgres grain storage provider with its own connection pool, as one silo would have.</summary>
internal sealed class StorageHarness : IAsyncDisposable
{
    // Orleans' activators (the fresh state a read of nothing leaves), shared by every harness.
    private static readonly Lazy<IActivatorProvider> Activators =
        new(() => new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<IActivatorProvider>());

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
        var storage = new PostgresGrainStorage("test", database, new PostgresMigrator(database, NullLogger<PostgresMigrator>.Instance), options,
            Activators.Value, NullLogger<PostgresGrainStorage>.Instance);
        return new StorageHarness(database, storage);
    }

    public async ValueTask DisposeAsync()
    {
        await Storage.DisposeAsync();
        await Database.DisposeAsync();
    }
}
