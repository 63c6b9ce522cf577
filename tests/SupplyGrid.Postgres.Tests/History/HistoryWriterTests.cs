using Microsoft.Extensions.DependencyInjection;
using SupplyGrid.Postgres.Health;
using SupplyGrid.Postgres.History;

namespace SupplyGrid.Postgres.Tests.History;

[Collection(PostgresCollection.Name)]
public sealed class HistoryWriterTests(PostgresFixture postgres)
{
    private static readonly string Metrics = MetricRow.Schema.Table;
    private static readonly string Ledger = LedgerRow.Schema.Table;

    [Fact]
    public async Task A_row_is_written_column_for_column_into_the_table_the_host_s_migrations_created()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var host = await HistoryHost.StartAsync(connectionString);

        await host.Writer<LedgerRow>().WriteCommittedAsync(HistoryRows.Ledger(1, amount: 80.25m));
        await host.Writer<MetricRow>().WriteCommittedAsync(HistoryRows.Metric(3));

        Assert.Equal(80.25m, await Scalar<decimal>("SELECT amount FROM test_ledger WHERE account_id = 'account-1' AND entry_id = 'entry-1'"));
        Assert.Equal(HistoryRows.Metric(3).Minute.UtcDateTime, await Scalar<DateTime>("SELECT minute FROM test_metrics WHERE sensor_id = 'sensor-1'"));
        Assert.Equal(1.26, await Scalar<double>("SELECT reading FROM test_metrics"), 9);

        Task<T> Scalar<T>(string sql) => PostgresFixture.ScalarAsync<T>(connectionString, sql);
    }

    [Fact]
    public async Task A_row_whose_writer_waits_for_the_commit_sends_its_batch_without_waiting_for_the_flush_interval()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var host = await HistoryHost.StartAsync(connectionString, services =>
            services.Configure<HistoryTableOptions>(Ledger, o => o.FlushInterval = TimeSpan.FromMinutes(5)));
        var ledger = host.Writer<LedgerRow>();

        Assert.True(await ledger.EnqueueAsync(HistoryRows.Ledger(1)));
        await ledger.WriteCommittedAsync(HistoryRows.Ledger(2)).WaitAsync(TimeSpan.FromSeconds(30));

        // The buffered row went out in the same batch: the waiting writer took it along.
        Assert.Equal(2L, await PostgresFixture.ScalarAsync<long>(connectionString, "SELECT count(*) FROM test_ledger"));
    }

    [Fact]
    public async Task A_row_written_again_is_stored_once_and_counted_as_a_duplicate()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var host = await HistoryHost.StartAsync(connectionString);
        var ledger = host.Writer<LedgerRow>();

        await ledger.WriteCommittedAsync(HistoryRows.Ledger(1));
        await ledger.WriteCommittedAsync(HistoryRows.Ledger(2));
        // The replay after a restart: the same entries again, once in a later batch and twice within one batch.
        await ledger.WriteCommittedAsync(HistoryRows.Ledger(2));
        await Task.WhenAll(ledger.WriteCommittedAsync(HistoryRows.Ledger(2)), ledger.WriteCommittedAsync(HistoryRows.Ledger(1)));

        Assert.Equal(2, await PostgresFixture.ScalarAsync<long>(connectionString, "SELECT count(*) FROM test_ledger"));
        Assert.Equal(25.00m, await PostgresFixture.ScalarAsync<decimal>(connectionString, "SELECT sum(amount) FROM test_ledger"));
        var status = host.Status(Ledger);
        Assert.Equal((5, 2, 3), (status.Enqueued, status.Written, status.Duplicates));
    }

    [Fact]
    public async Task When_the_database_stalls_droppable_rows_beyond_the_buffer_are_dropped_and_counted_and_ledger_writers_wait()
    {
        var connectionString = await postgres.CreateMigratedDatabaseAsync();
        await using var host = await HistoryHost.StartAsync(connectionString, services =>
        {
            services.Configure<HistoryTableOptions>(Metrics, o => (o.Capacity, o.BatchSize) = (100, 10));
            services.Configure<HistoryTableOptions>(Ledger, o => (o.Capacity, o.BatchSize) = (50, 10));
        });
        await using var stall = await TableLock.TakeAsync(connectionString, Metrics, Ledger);

        var accepted = 0;
        for (var i = 0; i < 1_000; i++)
            accepted += await host.Writer<MetricRow>().EnqueueAsync(HistoryRows.Metric(i)) ? 1 : 0;
        var ledgerWriter = Task.Run(async () =>
        {
            for (var i = 0; i < 200; i++)
                await host.Writer<LedgerRow>().EnqueueAsync(HistoryRows.Ledger(i));
        });
        await Eventually.TrueAsync(() => host.Status(Ledger).Pending >= 50, "the ledger buffer to fill");
        await Task.Delay(100); // room for a writer that would not wait to overrun the buffer

        Assert.InRange(accepted, 100, 110);
        Assert.Equal(1_000 - accepted, host.Status(Metrics).Dropped);
        Assert.False(ledgerWriter.IsCompleted);
        Assert.InRange(host.Status(Ledger).Pending, 50, 60);
        Assert.Equal(0, host.Status(Ledger).Dropped);

        await stall.DisposeAsync();
        await ledgerWriter.WaitAsync(TimeSpan.FromSeconds(10));
        await Eventually.TrueAsync(() => host.Status(Ledger).Written == 200 && host.Status(Metrics).Written == accepted, "the buffered rows to be written");
        Assert.Equal(200, await PostgresFixture.ScalarAsync<long>(connectionString, "SELECT count(*) FROM test_ledger"));
        Assert.Equal(accepted, await PostgresFixture.ScalarAsync<long>(connectionString, "SELECT count(*) FROM test_metrics"));
    }

    [Fact]
    public async Task Rows_written_while_the_database_is_down_are_written_when_it_is_back_and_health_shows_the_outage()
    {
        var connectionString = await postgres.CreateMigratedDatabaseAsync();
        await using var host = await HistoryHost.StartAsync(connectionString, services =>
            services.Configure<HistoryTableOptions>(Metrics, o => (o.Capacity, o.BatchSize) = (100, 10)));
        await host.Writer<LedgerRow>().WriteCommittedAsync(HistoryRows.Ledger(0));

        var dropped = 0;
        await using (await DatabaseOutage.BeginAsync(postgres.Server, connectionString))
        {
            for (var i = 1; i <= 50; i++)
                await host.Writer<LedgerRow>().EnqueueAsync(HistoryRows.Ledger(i));
            for (var i = 0; i < 500; i++)
                dropped += await host.Writer<MetricRow>().EnqueueAsync(HistoryRows.Metric(i)) ? 0 : 1;
            await Eventually.TrueAsync(() => host.Status(Ledger).LastError is not null, "the ledger writer to report the outage");
            Assert.False(host.Services.GetRequiredService<PostgresHealth>().GetStatus().Healthy);
        }

        await Eventually.TrueAsync(() => host.Status(Ledger).Written == 51, "the ledger rows to be written after the outage", seconds: 20);
        Assert.Equal(51, await PostgresFixture.ScalarAsync<long>(connectionString, "SELECT count(*) FROM test_ledger"));
        Assert.InRange(dropped, 390, 400);
        Assert.Equal(dropped, host.Status(Metrics).Dropped);
        await Eventually.TrueAsync(() => host.Status(Metrics).Written == 500 - dropped, "the metrics the buffer kept");
        Assert.Null(host.Status(Ledger).LastError);
    }

    [Fact]
    public async Task Rows_still_buffered_when_the_writer_stops_are_written_before_it_stops()
    {
        var connectionString = await postgres.CreateMigratedDatabaseAsync();
        await using var host = await HistoryHost.StartAsync(connectionString, services =>
            services.Configure<HistoryTableOptions>(Ledger, o => o.FlushInterval = TimeSpan.FromMinutes(10)));
        for (var i = 0; i < 10; i++)
            await host.Writer<LedgerRow>().EnqueueAsync(HistoryRows.Ledger(i));
        Assert.Equal(10, host.Status(Ledger).Pending);

        await host.StopAsync();

        Assert.Equal(10, await PostgresFixture.ScalarAsync<long>(connectionString, "SELECT count(*) FROM test_ledger"));
    }

    [Fact]
    public async Task A_configuration_that_would_drop_rows_of_a_table_that_must_keep_them_fails_the_start_naming_the_key()
    {
        var connectionString = await postgres.CreateDatabaseAsync();

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => HistoryHost.StartAsync(connectionString, services =>
            services.Configure<HistoryTableOptions>(Ledger, o => o.Overflow = HistoryOverflow.Drop)));

        Assert.Equal("Postgres:History:test_ledger:Overflow", error.ParamName);
    }

    [Fact]
    public async Task An_invalid_row_is_refused_at_the_call_naming_the_field()
    {
        await using var host = await HistoryHost.StartAsync(await postgres.CreateDatabaseAsync());

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(
            async () => await host.Writer<LedgerRow>().EnqueueAsync(HistoryRows.Ledger(1) with { Amount = 0.001m }));

        Assert.Equal(nameof(LedgerRow.Amount), error.ParamName);
        Assert.Equal(0, host.Status(Ledger).Enqueued);
    }
}
