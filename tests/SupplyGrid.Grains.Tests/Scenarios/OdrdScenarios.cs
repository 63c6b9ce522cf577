using SupplyGrid.Grains.Tests.Grid;
using SupplyGrid.Geo;
using SupplyGrid.Grains.Events;

namespace SupplyGrid.Grains.Tests.Scenarios;

[Collection(DefaultGrid.Name)]
public sealed class OdrdScenarios(DefaultGrid grid)
{
    [Fact]
    public async Task At_equal_distance_a_driver_from_a_surplus_cell_ranks_above_one_from_a_deficit_cell()
    {
        await using var s = await grid.StartScenarioAsync();
        var surplus = Places.Cell(Places.Anchor);
        var deficit = Places.Ring(surplus, 1)[0];
        var (a, b) = (Places.Centre(surplus), Places.Centre(deficit));
        var pickup = new LatLng((a.Lat + b.Lat) / 2, (a.Lng + b.Lng) / 2);
        Assert.Equal(Places.Km(pickup, a), Places.Km(pickup, b), 3);

        await RepositionScenarios.PlaceDriversAsync(s, surplus, "s", 6);
        await s.PingAsync("lonely", b);
        for (var i = 0; i < 8; i++)
            await s.BookAsync($"b{i}", b);
        await s.PingAsync("busy", a, DriverStatus.OnTrip);

        var ranking = await s.Grains.GetGrain<IOdrdRankingGrain>(DomainScenario.City)
            .Rank(new OdrdRankRequest(pickup, ["lonely", "s-0", "busy", "ghost"]));

        Assert.Equal(["s-0", "lonely"], ranking.Ranked.Select(r => r.DriverId));
        var (best, worst) = (ranking.Ranked[0], ranking.Ranked[1]);
        Assert.Equal(SupplyContext.RelievesSurplus, best.Context);
        Assert.Equal(SupplyContext.DrainsDeficit, worst.Context);
        Assert.Equal(best.EtaScore, worst.EtaScore, 3);
        Assert.All(ranking.Ranked, r => Assert.InRange(r.Score, 0, 1));
        Assert.Equal(new[] { "busy", "ghost" }, ranking.Unranked.Select(u => u.DriverId).Order());
    }

    [Fact]
    public async Task A_cells_figures_are_reused_for_no_longer_than_their_maximum_age()
    {
        await using var s = await grid.StartScenarioAsync();
        var cell = Places.Cell(Places.Anchor);
        var ranker = s.Grains.GetGrain<IOdrdRankingGrain>(DomainScenario.City);
        for (var i = 0; i < 8; i++)
            await s.BookAsync($"b{i}", Places.Centre(cell));
        await s.PingAsync("first", Places.Centre(cell));
        await s.AdvanceAsync(TimeSpan.FromSeconds(5)); // a recompute counts the bookings
        var alone = (await ranker.Rank(new OdrdRankRequest(Places.Centre(cell), ["first"]))).Ranked.Single();

        await RepositionScenarios.PlaceDriversAsync(s, cell, "more", 6);
        await s.AdvanceAsync(TimeSpan.FromSeconds(3)); // past the default 2 s
        var joined = (await ranker.Rank(new OdrdRankRequest(Places.Centre(cell), ["first"]))).Ranked.Single();

        Assert.Equal(0, alone.CellRatioAfter);
        Assert.Equal(6 / 8.0, joined.CellRatioAfter, 6);
    }

    [Fact]
    public async Task A_request_over_the_limit_or_with_a_driver_twice_is_refused()
    {
        await using var s = await grid.StartScenarioAsync();
        var ranker = s.Grains.GetGrain<IOdrdRankingGrain>(DomainScenario.City);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            ranker.Rank(new OdrdRankRequest(Places.Anchor, Enumerable.Range(0, 201).Select(i => $"d{i}").ToArray())));
        var twice = await Assert.ThrowsAsync<ArgumentException>(() => ranker.Rank(new OdrdRankRequest(Places.Anchor, ["d1", "d1"])));
        Assert.Equal("request.DriverIds", twice.ParamName);
    }
}
