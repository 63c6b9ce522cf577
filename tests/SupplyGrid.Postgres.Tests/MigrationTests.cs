using Microsoft.Extensions.Logging.Abstractions;
using SupplyGrid.Postgres.Migrations;

namespace SupplyGrid.Postgres.Tests;

[Collection(PostgresCollection.Name)]
public sealed class MigrationTests(PostgresFixture postgres)
{
    [Fact]
    public async Task The_first_run_applies_the_infrastructure_s_and_the_host_s_migrations_and_a_second_run_applies_none()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var database = PostgresFixture.OpenDatabase(connectionString);
        var migrator = new PostgresMigrator(database, [new HostMigrations(typeof(MigrationTests).Assembly)], NullLogger<PostgresMigrator>.Instance);
        var expected = MigrationCatalog.Infrastructure.Count + MigrationCatalog.EmbeddedIn(typeof(MigrationTests).Assembly).Count;

        Assert.Equal(expected, await migrator.MigrateAsync(CancellationToken.None));
        Assert.Equal(0, await migrator.MigrateAsync(CancellationToken.None));

        Assert.Equal(expected, await PostgresFixture.ScalarAsync<long>(connectionString, "SELECT count(*) FROM schema_migrations"));
        foreach (var table in (string[])["grain_state", "reminders", "test_ledger", "test_metrics"])
            Assert.True(await PostgresFixture.ScalarAsync<bool>(connectionString, $"SELECT to_regclass('{table}') IS NOT NULL"), $"table {table}");
        Assert.True(await PostgresFixture.ScalarAsync<bool>(connectionString,
            "SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'reminders' AND column_name = 'grain_hash')"));
        Assert.Equal(1001, database.Health.GetStatus().SchemaVersion);
    }

    [Fact]
    public void The_infrastructure_migrations_keep_the_versions_and_names_a_database_migrated_before_the_split_recorded()
    {
        Assert.Equal(["0001_grain_state.sql", "0002_reminders.sql", "0010_reminder_grain_hash.sql"], MigrationCatalog.Infrastructure.Select(s => s.Name));
    }

    [Fact]
    public void Two_migrations_with_one_version_are_refused_naming_both_files()
    {
        var host = new MigrationScript(2, "0002_host_table.sql", "SELECT 1", "checksum");

        var error = Assert.Throws<InvalidOperationException>(() => MigrationCatalog.Combine([MigrationCatalog.Infrastructure, [host]]));

        Assert.Contains("0002_reminders.sql", error.Message);
        Assert.Contains("0002_host_table.sql", error.Message);
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

            Assert.Equal(MigrationCatalog.Infrastructure.Count, applied.Sum());
            Assert.Equal(MigrationCatalog.Infrastructure.Count, await PostgresFixture.ScalarAsync<long>(connectionString, "SELECT count(DISTINCT version) FROM schema_migrations"));
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

        Assert.Contains(MigrationCatalog.Infrastructure.Single(s => s.Version == 2).Name, error.Message);
    }
}
