using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SupplyGrid.Api.Analytics;
using SupplyGrid.Geo;
using SupplyGrid.Grains;
using SupplyGrid.Grains.Configuration;
using SupplyGrid.Postgres;
using SupplyGrid.Postgres.Migrations;
using SupplyGrid.Silo.Storage;

namespace SupplyGrid.Silo.Tests;

/// <summary>The heatmap history and the surge zones read from supply_demand_metrics rows whose figures the tests chose.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresHeatmapHistoryTests(PostgresFixture postgres)
{
    private const string City = CitiesOptions.DefaultCityId;
    private static readonly DateTimeOffset Ten = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    // Five Singapore cells; Calm never surges.
    private static readonly string A = Cell(1.2840, 103.8515);
    private static readonly string B = Cell(1.3040, 103.8318);
    private static readonly string C = Cell(1.3343, 103.8563);
    private static readonly string Calm = Cell(1.3525, 103.9447);
    private static readonly string E = Cell(1.3331, 103.7420);

    [Fact]
    public async Task The_least_efficient_surge_zones_scale_both_terms_and_order_ties_by_cell_id()
    {
        await using var history = await SeededAsync();

        var zones = await history.Store.GetSurgeZonesAsync(City, Ten, Ten.AddMinutes(5), default);
        var ranked = SurgeEfficiency.LeastEfficient(zones, 5);

        // A: surge excess 1 (the largest) and unmet share 0.25 (half the largest) -> (1 + 0.5) / 2 = 0.75.
        // B and C: excess 0.5 and unmet share 0.5 -> (0.5 + 1) / 2 = 0.75. E: excess 0.25, nothing unmet -> 0.125.
        Assert.Equal(4, zones.Count);
        Assert.Equal(new[] { A, B, C }.Order(StringComparer.Ordinal).Append(E), ranked.Select(z => z.Cell));
        Assert.Equal([0.75, 0.75, 0.75, 0.125], ranked.Select(z => z.Inefficiency));
        var a = zones.Single(z => z.Cell == A);
        Assert.Equal((2, 2, 2.0, 0.25), (a.Minutes, a.SurgingMinutes, a.MeanSurge, a.MeanUnmetShare));
    }

    [Fact]
    public async Task The_city_of_a_minute_sums_its_cells_rows_and_a_cell_has_one_point_per_recorded_minute()
    {
        await using var history = await SeededAsync();

        var city = await history.Store.GetCityAsync(City, Ten, Ten.AddMinutes(5), default);
        var cell = await history.Store.GetCellAsync(City, A, Ten, Ten.AddMinutes(5), default);

        Assert.Equal([Ten, Ten.AddMinutes(1)], city.Select(p => p.Minute));
        var first = city[0];
        // Minute 10:00 holds A, B, C, Calm and E: drivers 3+1+1+4+2, expected demand (bookings + forecast) 5+3+3+2+2.
        Assert.Equal((5, 3, 1, 11, 15.0), (first.ActiveCells, first.DeficitCells, first.SurplusCells, first.Drivers, first.ExpectedDemand));
        Assert.Equal(11 / 15.0, first.OverallRatio, 9);
        Assert.Equal([Ten, Ten.AddMinutes(1)], cell.Select(p => p.Minute));
        Assert.Equal((3, 3.0, 4.0, 5.0, SupplyStatus.Balanced, 2.0), (cell[0].Drivers, cell[0].Supply, cell[0].Demand, cell[0].ExpectedDemand, cell[0].Status, cell[0].Surge));
    }

    private async Task<SeededHistory> SeededAsync()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        var database = new PostgresDatabase(Options.Create(new PostgresOptions { ConnectionString = connectionString }), NullLoggerFactory.Instance);
        await new PostgresMigrator(database, [new HostMigrations(typeof(GridStorage).Assembly)], NullLogger<PostgresMigrator>.Instance)
            .MigrateAsync(CancellationToken.None);
        var rows = new List<string>
        {
            // cell, minute, supply, bookings, smoothed supply, smoothed demand, forecast, status, surge
            Row(A, 0, 3, 4, 3, 4, 1, "balanced", 2.0),
            Row(A, 1, 3, 4, 3, 4, 1, "balanced", 2.0),
            Row(A, 5, 0, 9, 0, 9, 0, "critical", 5.0), // at "to": outside [from, to)
            Row(B, 0, 1, 2, 1, 2, 1, "undersupplied", 1.5),
            Row(C, 0, 1, 2, 1, 2, 1, "undersupplied", 1.5),
            Row(Calm, 0, 4, 1, 4, 1, 1, "oversupplied", 1.0),
            Row(E, 0, 2, 1, 2, 1, 1, "undersupplied", 1.25),
        };
        await PostgresFixture.ExecuteAsync(connectionString,
            "INSERT INTO supply_demand_metrics (h3_cell, minute, city_id, supply, demand, smoothed_supply, smoothed_demand, forecast_demand, ratio, status, surge_multiplier) VALUES "
            + string.Join(", ", rows)
            + $"; INSERT INTO supply_demand_metrics VALUES ({Value(B)}, '{Ten.AddMinutes(2):O}', 'elsewhere', 0, 9, 0, 9, 0, 0, 'critical', 3)");
        var cities = new CitiesOptions();
        cities.Bind(new ConfigurationBuilder().Build());
        return new SeededHistory(database, new PostgresHeatmapHistory(database, new CityDirectory(Options.Create(cities))));
    }

    private static string Row(string cell, int minute, int supply, int bookings, double smoothedSupply, double smoothedDemand, double forecast, string status, double surge) =>
        string.Create(CultureInfo.InvariantCulture,
            $"({Value(cell)}, '{Ten.AddMinutes(minute):O}', '{City}', {supply}, {bookings}, {smoothedSupply}, {smoothedDemand}, {forecast}, {smoothedSupply / smoothedDemand}, '{status}', {surge})");

    private static long Value(string cell) => (long)H3Index.Parse(cell).Value;

    private static string Cell(double lat, double lng) => H3.LatLngToCell(new LatLng(lat, lng), 8).ToString();

    private sealed record SeededHistory(PostgresDatabase Database, PostgresHeatmapHistory Store) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Database.DisposeAsync();
    }
}
