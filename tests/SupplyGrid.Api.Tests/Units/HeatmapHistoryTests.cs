using Microsoft.Extensions.Options;
using SupplyGrid.Api.Configuration;
using SupplyGrid.Api.History;
using SupplyGrid.Geo;
using SupplyGrid.Grains;
using SupplyGrid.Grains.Ports;

namespace SupplyGrid.Api.Tests.Units;

public sealed class HeatmapHistoryTests
{
    private static readonly DateTimeOffset Ten = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private readonly InMemoryHeatmapHistory _history = new(Options.Create(new HeatmapHistoryOptions
    {
        Retention = TimeSpan.FromMinutes(30),
        MaxCellsPerCity = 2,
    }));

    [Fact]
    public async Task The_last_publication_of_a_minute_stands_for_it()
    {
        _history.OnCityChange(Change(Ten.AddSeconds(5), drivers: 1, ("a", 1)));
        _history.OnCityChange(Change(Ten.AddSeconds(50), drivers: 7, ("a", 7)));
        _history.OnCityChange(Change(Ten.AddMinutes(1).AddSeconds(1), drivers: 9));

        var city = await _history.GetCityAsync("c", Ten, Ten.AddMinutes(5), default);
        var cell = await _history.GetCellAsync("c", "a", Ten, Ten.AddMinutes(5), default);

        Assert.Equal([(Ten, 7), (Ten.AddMinutes(1), 9)], city.Select(p => (p.Minute, p.Drivers)));
        Assert.Equal([(Ten, 7)], cell.Select(p => (p.Minute, p.Drivers)));
    }

    [Fact]
    public async Task The_window_is_from_inclusive_to_exclusive()
    {
        for (var m = 0; m < 5; m++)
            _history.OnCityChange(Change(Ten.AddMinutes(m), drivers: m));

        var points = await _history.GetCityAsync("c", Ten.AddMinutes(1), Ten.AddMinutes(3), default);

        Assert.Equal([1, 2], points.Select(p => p.Drivers));
    }

    [Fact]
    public async Task Minutes_older_than_the_retention_are_dropped_and_cells_without_points_forgotten()
    {
        _history.OnCityChange(Change(Ten, drivers: 1, ("old", 1)));
        _history.OnCityChange(Change(Ten.AddMinutes(45), drivers: 2, ("new", 2)));

        var city = await _history.GetCityAsync("c", Ten.AddHours(-1), Ten.AddHours(1), default);

        Assert.Equal([2], city.Select(p => p.Drivers));
        Assert.Empty(await _history.GetCellAsync("c", "old", Ten.AddHours(-1), Ten.AddHours(1), default));
    }

    [Fact]
    public async Task A_city_follows_at_most_the_configured_number_of_cells()
    {
        _history.OnCityChange(Change(Ten, drivers: 3, ("a", 1), ("b", 1), ("c", 1)));

        Assert.Single(await _history.GetCellAsync("c", "a", Ten, Ten.AddMinutes(1), default));
        Assert.Single(await _history.GetCellAsync("c", "b", Ten, Ten.AddMinutes(1), default));
        Assert.Empty(await _history.GetCellAsync("c", "c", Ten, Ten.AddMinutes(1), default));
    }

    [Fact]
    public async Task A_publication_older_than_the_newest_minute_is_ignored()
    {
        _history.OnCityChange(Change(Ten.AddMinutes(2), drivers: 5));
        _history.OnCityChange(Change(Ten.AddMinutes(1), drivers: 1));

        var points = await _history.GetCityAsync("c", Ten, Ten.AddMinutes(5), default);

        Assert.Equal([5], points.Select(p => p.Drivers));
    }

    [Fact]
    public async Task An_unknown_city_has_no_history()
    {
        Assert.Empty(await _history.GetCityAsync("nowhere", Ten, Ten.AddMinutes(5), default));
        Assert.Empty(await _history.GetCellAsync("nowhere", "a", Ten, Ten.AddMinutes(5), default));
    }

    private static CityChange Change(DateTimeOffset at, int drivers, params (string Cell, int Drivers)[] zones) =>
        new("c", at,
            zones.Select(z => new HeatmapZone(z.Cell, new LatLng(1.3, 103.8), z.Drivers, 1, z.Drivers, 1, z.Drivers, SupplyStatus.Balanced, 1, at)).ToArray(),
            [],
            new CityMetrics("c", at, "SGD", zones.Length, 0, 0, drivers, 1, drivers, default, null, null, 0, 0, null));
}
