using SupplyGrid.Postgres.Tests.History;

namespace SupplyGrid.Postgres.Tests.Cluster;

/// <summary>How the providers take part in the silo's start and stop.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SiloLifecycleTests(PostgresFixture postgres)
{
    [Fact]
    public async Task The_silo_applies_the_migrations_before_its_grains_run()
    {
        var connectionString = await postgres.CreateDatabaseAsync();

        await using var silo = await ClusterFixture.StartAsync(connectionString);

        Assert.Equal(4L, await PostgresFixture.ScalarAsync<long>(connectionString, "SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task History_rows_grains_record_while_the_stopping_silo_deactivates_them_are_written_before_it_stops()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        var silo = await ClusterFixture.StartAsync(connectionString);
        try
        {
            await Task.WhenAll(Enumerable.Range(0, 5).Select(i => silo.Grains.GetGrain<IFarewellGrain>($"farewell-{i}").Hello()));

            await silo.Cluster.StopAllSilosAsync();
        }
        finally
        {
            await silo.DisposeAsync();
        }

        Assert.Equal(5L, await PostgresFixture.ScalarAsync<long>(connectionString, $"SELECT count(*) FROM {LedgerRow.Schema.Table} WHERE account_id = 'farewell'"));
    }

    [Fact]
    public async Task The_silo_does_not_start_when_the_database_stays_unreachable_and_the_error_names_it()
    {
        var unreachable = "Host=127.0.0.1;Port=1;Database=grid;Username=grid;Timeout=1";

        var error = await Assert.ThrowsAsync<PostgresUnavailableException>(() => ClusterFixture.StartAsync(unreachable, postgres: o =>
        {
            o.MaxRetries = 0;
            o.StartupTimeout = TimeSpan.FromSeconds(1);
        }));

        Assert.Equal("127.0.0.1:1/grid", error.Endpoint);
        Assert.Contains(PostgresOptions.ConnectionStringKey, error.Message);
    }

    [Fact]
    public async Task The_silo_does_not_start_without_a_connection_string_and_the_error_names_the_key()
    {
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => ClusterFixture.StartAsync(connectionString: ""));

        Assert.Equal(PostgresOptions.ConnectionStringKey, error.ParamName);
    }
}
