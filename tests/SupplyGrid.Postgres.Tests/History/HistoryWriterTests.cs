using Microsoft.Extensions.DependencyInjection;
using SupplyGrid.Runtime.Postgres.Health;
using SupplyGrid.Runtime.Postgres.History;
using SupplyGrid.Runtime.Postgres.History.Rows;

namespace SupplyGrid.Runtime.Postgres.Tests.History;

[Collection(PostgresCollection.Name)]
public sealed class HistoryWriterTests(PostgresFixture postgres)
{
    private static readonly string Metrics = SupplyDemandMetricRow.Schema.Table;
    private static readonly string Ledger = DriverIncentiveRow.Schema.Table;

    [Fact]
    public async Task Every_history_table_takes_its_rows_column_for_column()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var host = await HistoryHost.StartAsync(connectionString);

        await host.Writer<SupplyDemandMetricRow>().WriteCommittedAsync(HistoryRows.Metric(1));
        await host.Writer<RepositionSuggestionRow>().WriteCommittedAsync(HistoryRows.Suggestion(1));
        await host.Writer<IncentiveCampaignRow>().WriteCommittedAsync(HistoryRows.Campaign(1));
        await host.Writer<DriverIncentiveRow>().WriteCommittedAsync(HistoryRows.Ledger(1));
        await host.Writer<TripAnalyticsRow>().WriteCommittedAsync(HistoryRows.Trip(1));
        await host.Writer<DriverPerformanceRow>().WriteCommittedAsync(HistoryRows.Performance(1));

        Assert.Equal(HistoryRows.Metric(1).Minute.UtcDateTime, await Scalar<DateTime>("SELECT minute FROM supply_demand_metrics WHERE status = 'undersupplied'"));
        Assert.Equal("0.42", await Scalar<string>("SELECT details->>'ratio' FROM reposition_suggestions WHERE currency = 'SGD'"));
        Assert.Equal(2, await Scalar<int>("SELECT cardinality(target_cells) FROM incentive_campaigns"));
        Assert.Equal(880.25m, await Scalar<decimal>("SELECT spent FROM incentive_campaigns_current"));
        Assert.Equal(12.50m, await Scalar<decimal>("SELECT spent FROM campaign_ledger WHERE campaign_id = 'camp-1'"));
        Assert.Equal(240, await Scalar<int>("SELECT pickup_wait_seconds FROM trip_analytics"));
        Assert.Equal(4.8, await Scalar<double>("SELECT rating FROM driver_performance"));

        Task<T> Scalar<T>(string sql) => PostgresFixture.ScalarAsync<T>(connectionString, sql);
    }

    [Fact]
    public async Task Optional_figures_are_stored_as_null_and_an_open_ended_campaign_ends_at_infinity()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var host = await HistoryHost.StartAsync(connectionString);
        var version = HistoryRows.Start.AddDays(400).ToUnixTimeMilliseconds() * 1000;

        await host.Writer<RepositionSuggestionRow>().WriteCommittedAsync(
            HistoryRows.Suggestion(1) with { OriginCell = null, DistanceKm = null, EtaSeconds = null });
        await host.Writer<IncentiveCampaignRow>().WriteCommittedAsync(
            HistoryRows.Campaign(1) with { Version = version, EndsAt = DateTimeOffset.MaxValue, DriverDailyCap = null });

        Assert.Equal(3, await Scalar<int>("SELECT num_nulls(origin_cell, distance_km, eta_seconds) FROM reposition_suggestions"));
        Assert.True(await Scalar<bool>("SELECT ends_at = 'infinity' AND driver_daily_cap IS NULL FROM incentive_campaigns"));
        Assert.Equal(version, await Scalar<long>("SELECT version FROM incentive_campaigns_current"));

        Task<T> Scalar<T>(string sql) => PostgresFixture.ScalarAsync<T>(connectionString, sql);
    }

    [Fact]
    public async Task A_row_whose_writer_waits_for_the_commit_sends_its_batch_without_waiting_for_the_flush_interval()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var host = await HistoryHost.StartAsync(connectionString, services =>
            services.Configure<HistoryTableOptions>(TripAnalyticsRow.Schema.Table, o => o.FlushInterval = TimeSpan.FromMinutes(5)));
        var trips = host.Writer<TripAnalyticsRow>();

        Assert.True(await trips.EnqueueAsync(HistoryRows.Trip(1)));
        await trips.WriteCommittedAsync(HistoryRows.Trip(2)).WaitAsync(TimeSpan.FromSeconds(30));

        // The buffered row went out in the same batch: the waiting writer took it along.
        Assert.Equal(2L, await PostgresFixture.ScalarAsync<long>(connectionString, "SELECT count(*) FROM trip_analytics"));
    }

    [Fact]
    public async Task A_ledger_entry_written_again_is_stored_once_and_counted_as_a_duplicate()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var host = await HistoryHost.StartAsync(connectionString);
        var ledger = host.Writer<DriverIncentiveRow>();

        await ledger.WriteCommittedAsync(HistoryRows.Ledger(1, "reserve"));
        await ledger.WriteCommittedAsync(HistoryRows.Ledger(1, "commit"));
        // The replay after a restart: the same entries again, once in a later batch and twice within one batch.
        await ledger.WriteCommittedAsync(HistoryRows.Ledger(1, "commit"));
        await Task.WhenAll(ledger.WriteCommittedAsync(HistoryRows.Ledger(1, "commit")), ledger.WriteCommittedAsync(HistoryRows.Ledger(1, "reserve")));

        Assert.Equal(2, await PostgresFixture.ScalarAsync<long>(connectionString, "SELECT count(*) FROM driver_incentives WHERE offer_id = 'offer-1'"));
        Assert.Equal(12.50m, await PostgresFixture.ScalarAsync<decimal>(connectionString, "SELECT spent FROM campaign_ledger"));
        var status = host.Status(Ledger);
        Assert.Equal((5, 2, 3), (status.Enqueued, status.Written, status.Duplicates));
    }

    [Fact]
    public async Task When_the_database_stalls_metrics_beyond_the_buffer_are_dropped_and_counted_and_ledger_writers_wait()
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
            accepted += await host.Writer<SupplyDemandMetricRow>().EnqueueAsync(HistoryRows.Metric(i)) ? 1 : 0;
        var ledgerWriter = Task.Run(async () =>
        {
            for (var i = 0; i < 200; i++)
                await host.Writer<DriverIncentiveRow>().EnqueueAsync(HistoryRows.Ledger(i));
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
        Assert.Equal(200, await PostgresFixture.ScalarAsync<long>(connectionString, "SELECT count(*) FROM driver_incentives"));
        Assert.Equal(accepted, await PostgresFixture.ScalarAsync<long>(connectionString, "SELECT count(*) FROM supply_demand_metrics"));
    }

    [Fact]
    public async Task Rows_written_while_the_database_is_down_are_written_when_it_is_back_and_health_shows_the_outage()
    {
        var connectionString = await postgres.CreateMigratedDatabaseAsync();
        await using var host = await HistoryHost.StartAsync(connectionString, services =>
            services.Configure<HistoryTableOptions>(Metrics, o => (o.Capacity, o.BatchSize) = (100, 10)));
        await host.Writer<DriverIncentiveRow>().WriteCommittedAsync(HistoryRows.Ledger(0));

        var dropped = 0;
        await using (await DatabaseOutage.BeginAsync(postgres.Server, connectionString))
        {
            for (var i = 1; i <= 50; i++)
                await host.Writer<DriverIncentiveRow>().EnqueueAsync(HistoryRows.Ledger(i));
            for (var i = 0; i < 500; i++)
                dropped += await host.Writer<SupplyDemandMetricRow>().EnqueueAsync(HistoryRows.Metric(i)) ? 0 : 1;
            await Eventually.TrueAsync(() => host.Status(Ledger).LastError is not null, "the ledger writer to report the outage");
            Assert.False(host.Services.GetRequiredService<PostgresHealth>().GetStatus().Healthy);
        }

        await Eventually.TrueAsync(() => host.Status(Ledger).Written == 51, "the ledger rows to be written after the outage", seconds: 20);
        Assert.Equal(51, await PostgresFixture.ScalarAsync<long>(connectionString, "SELECT count(*) FROM driver_incentives"));
        Assert.InRange(dropped, 390, 400);
        Assert.Equal(dropped, host.Status(Metrics).Dropped);
        await Eventually.TrueAsync(() => host.Status(Metrics).Written == 500 - dropped, "the metrics the buffer kept");
        Assert.Null(host.Status(Ledger).LastError);
    }

    [Fact]
    public async Task Rows_still_buffered_at_shutdown_are_written_before_the_silo_stops()
    {
        var connectionString = await postgres.CreateMigratedDatabaseAsync();
        var host = await HistoryHost.StartAsync(connectionString, services =>
            services.Configure<HistoryTableOptions>(Ledger, o => o.FlushInterval = TimeSpan.FromMinutes(10)));
        for (var i = 0; i < 10; i++)
            await host.Writer<DriverIncentiveRow>().EnqueueAsync(HistoryRows.Ledger(i));
        Assert.Equal(10, host.Status(Ledger).Pending);

        await host.DisposeAsync();

        Assert.Equal(10, await PostgresFixture.ScalarAsync<long>(connectionString, "SELECT count(*) FROM driver_incentives"));
    }

    [Fact]
    public async Task A_configuration_that_would_drop_ledger_rows_fails_the_start_naming_the_key()
    {
        var connectionString = await postgres.CreateDatabaseAsync();

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => HistoryHost.StartAsync(connectionString, services =>
            services.Configure<HistoryTableOptions>(Ledger, o => o.Overflow = HistoryOverflow.Drop)));

        Assert.Equal("Postgres:History:driver_incentives:Overflow", error.ParamName);
    }

    [Fact]
    public async Task An_invalid_row_is_refused_at_the_call_naming_the_field()
    {
        await using var host = await HistoryHost.StartAsync(await postgres.CreateDatabaseAsync());

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(
            async () => await host.Writer<DriverIncentiveRow>().EnqueueAsync(HistoryRows.Ledger(1) with { Kind = "refund" }));

        Assert.Equal(nameof(DriverIncentiveRow.Kind), error.ParamName);
        Assert.Equal(0, host.Status(Ledger).Enqueued);
    }
}
