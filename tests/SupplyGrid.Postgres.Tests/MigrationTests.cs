using Microsoft.Extensions.Logging.Abstractions;
using SupplyGrid.Runtime.Postgres.Migrations;

namespace SupplyGrid.Runtime.Postgres.Tests;

[Collection(PostgresCollection.Name)]
public sealed class MigrationTests(PostgresFixture postgres)
{
    private static readonly string[] Tables =
    [
        "grain_state", "reminders", "supply_demand_metrics", "reposition_suggestions", "incentive_campaigns", "driver_incentives",
        "trip_analytics", "driver_performance",
    ];

    [Fact]
    public async Task The_first_run_applies_every_migration_and_a_second_run_applies_none()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var database = PostgresFixture.OpenDatabase(connectionString);
        var migrator = new PostgresMigrator(database, NullLogger<PostgresMigrator>.Instance);

        Assert.Equal(MigrationCatalog.Embedded.Count, await migrator.MigrateAsync(CancellationToken.None));
        Assert.Equal(0, await migrator.MigrateAsync(CancellationToken.None));

        Assert.Equal(MigrationCatalog.Embedded.Count, await PostgresFixture.ScalarAsync<long>(connectionString, "SELECT count(*) FROM schema_migrations"));
        foreach (var table in Tables)
            Assert.True(await PostgresFixture.ScalarAsync<bool>(connectionString, $"SELECT to_regclass('{table}') IS NOT NULL"), $"table {table}");
        Assert.Equal(MigrationCatalog.LatestVersion, database.Health.GetStatus().SchemaVersion);
    }

    [Fact]
    public async Task Runners_starting_together_apply_each_migration_exactly_once()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        var databases = Enumerable.Range(0, 4).Select(_ => PostgresFixture.OpenDatabase(connectionString)).ToArray();
        try
        {
            using var start = new ManualResetEventSlim();
            var runs = databases.Select(d => Task.Run(async () =>
            {
                start.Wait();
                return await new PostgresMigrator(d, NullLogger<PostgresMigrator>.Instance).MigrateAsync(CancellationToken.None);
            })).ToArray();
            start.Set();

            var applied = await Task.WhenAll(runs);

            Assert.Equal(MigrationCatalog.Embedded.Count, applied.Sum());
            Assert.Equal(MigrationCatalog.Embedded.Count, await PostgresFixture.ScalarAsync<long>(connectionString, "SELECT count(DISTINCT version) FROM schema_migrations"));
        }
        finally
        {
            foreach (var d in databases)
                await d.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_failing_migration_leaves_no_trace_and_names_its_file()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var database = PostgresFixture.OpenDatabase(connectionString);
        var broken = new MigrationScript(1, "0001_broken.sql", "CREATE TABLE half_done (id int); SELECT no_such_column FROM half_done;", "checksum");
        var migrator = new PostgresMigrator(database, NullLogger<PostgresMigrator>.Instance) { Scripts = [broken] };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => migrator.MigrateAsync(CancellationToken.None));

        Assert.Contains("0001_broken.sql", error.Message);
        Assert.False(await PostgresFixture.ScalarAsync<bool>(connectionString, "SELECT to_regclass('half_done') IS NOT NULL"));
        Assert.Equal(0, await PostgresFixture.ScalarAsync<long>(connectionString, "SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task An_applied_migration_that_changed_is_refused()
    {
        var connectionString = await postgres.CreateMigratedDatabaseAsync();
        await PostgresFixture.ExecuteAsync(connectionString, "UPDATE schema_migrations SET checksum = 'edited' WHERE version = 2");
        await using var database = PostgresFixture.OpenDatabase(connectionString);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => new PostgresMigrator(database, NullLogger<PostgresMigrator>.Instance).MigrateAsync(CancellationToken.None));

        Assert.Contains(MigrationCatalog.Embedded.Single(s => s.Version == 2).Name, error.Message);
    }
}
