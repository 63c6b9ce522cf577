using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SupplyGrid.Postgres.History;
using SupplyGrid.Silo.Storage.History;

namespace SupplyGrid.Silo.Tests;

/// <summary>
/// The grid's history rows against the tables deploy/migrations creates, written by the writers the silo's storage
/// wiring registers: every column lands where the tables' readers (views, API, analysts) expect it.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class GridHistoryTablesTests(PostgresFixture postgres)
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private const long Cell = 0x886_520d_b33f_ffff; // 886520db33fffff: the resolution-8 cell at 1.2903 N, 103.852 E

    [Fact]
    public async Task Every_history_table_takes_its_rows_column_for_column_and_optional_figures_are_stored_as_null()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        using var host = StorageHost.Build(new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = connectionString });
        await host.StartAsync();
        var version = Start.AddDays(400).ToUnixTimeMilliseconds() * 1000;

        await Write(new SupplyDemandMetricRow(Cell, Start, "singapore", 3, 9, 3.4, 8.1, 7.5, 0.42, "undersupplied", 1.25));
        await Write(Suggestion("offer-1"));
        await Write(Suggestion("offer-2") with { OriginCell = null, DistanceKm = null, EtaSeconds = null });
        await Write(Campaign(1));
        await Write(Campaign(2) with { Version = version, EndsAt = DateTimeOffset.MaxValue, DriverDailyCap = null });
        await Write(new DriverIncentiveRow("camp-1", "offer-1", "commit", "driver-1", 12.50m, "SGD", Start, "arrived on time"));
        await Write(new TripAnalyticsRow("trip-1", "driver-1", "singapore", Start, Start.AddMinutes(23), Cell, Cell + 2, 11.4, 24.80m, 19.84m, "SGD", 240, "offer-1"));
        await Write(new DriverPerformanceRow("driver-1", Start, "singapore", 0.68, 0.05, 4.8, 6.5, "gold", 12, 8, 7));
        await host.StopAsync();

        Assert.Equal(Start.UtcDateTime, await Scalar<DateTime>("SELECT minute FROM supply_demand_metrics WHERE status = 'undersupplied'"));
        Assert.Equal("0.42", await Scalar<string>("SELECT details->>'ratio' FROM reposition_suggestions WHERE offer_id = 'offer-1'"));
        Assert.Equal(3, await Scalar<int>("SELECT num_nulls(origin_cell, distance_km, eta_seconds) FROM reposition_suggestions WHERE offer_id = 'offer-2'"));
        Assert.Equal(2, await Scalar<int>("SELECT cardinality(target_cells) FROM incentive_campaigns WHERE version = 1"));
        Assert.True(await Scalar<bool>($"SELECT ends_at = 'infinity' AND driver_daily_cap IS NULL FROM incentive_campaigns WHERE version = {version}"));
        Assert.Equal(version, await Scalar<long>("SELECT version FROM incentive_campaigns_current"));
        Assert.Equal(12.50m, await Scalar<decimal>("SELECT spent FROM campaign_ledger WHERE campaign_id = 'camp-1'"));
        Assert.Equal(240, await Scalar<int>("SELECT pickup_wait_seconds FROM trip_analytics"));
        Assert.Equal(4.8, await Scalar<double>("SELECT rating FROM driver_performance"));

        Task Write<TRow>(TRow row) => host.Services.GetRequiredService<IHistoryWriter<TRow>>().WriteCommittedAsync(row);
        Task<T> Scalar<T>(string sql) => PostgresFixture.ScalarAsync<T>(connectionString, sql);
    }

    private static RepositionSuggestionRow Suggestion(string offerId) =>
        new(offerId, "offered", Start, "singapore", "driver-1", Cell, Cell + 1, "camp-1", 14.75m, "SGD", 2.3, 360, "deficit 0.42 < 0.5",
            JsonSerializer.SerializeToElement(new { ratio = 0.42, urgency = 1.2 }));

    private static IncentiveCampaignRow Campaign(long version) =>
        new("camp-1", version, Start, "singapore", "reposition_bonus", "Morning rush", "active", 5000m, 120.50m, 880.25m, "SGD",
            Start, Start.AddHours(4), 100m, [Cell, Cell + 1]);
}
