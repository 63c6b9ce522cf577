using SupplyGrid.Grains.Tests.Grid;
namespace SupplyGrid.Grains.Tests.Scenarios;

[Collection(DefaultGrid.Name)]
public sealed class CityScenarios(DefaultGrid grid)
{
    [Fact]
    public async Task The_city_shows_its_cells_hotspots_and_kpis_and_publishes_changes()
    {
        await using var s = await grid.StartScenarioAsync();
        var busy = Places.Cell(Places.Anchor);
        var calm = Places.Ring(busy, 3)[0];
        await RepositionScenarios.PlaceDriversAsync(s, calm, "d", 3);
        for (var i = 0; i < 12; i++)
            await s.BookAsync($"b{i}", Places.Centre(busy));
        await s.AdvanceAsync(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1));

        var heatmap = await s.CityGrain.GetHeatmap();
        var zones = heatmap.Zones.ToDictionary(z => z.H3);
        Assert.Equal(SupplyStatus.Critical, zones[busy.ToString()].Status);
        Assert.Equal(3, zones[calm.ToString()].Drivers);
        Assert.Equal(heatmap.Zones.Sum(z => z.Drivers), heatmap.Drivers);
        Assert.True(heatmap.OverallRatio < 0.5);

        var hotspots = await s.CityGrain.GetHotspots(5);
        Assert.Equal(busy.ToString(), hotspots[0].H3);
        Assert.Equal(12, hotspots[0].DriversNeeded);

        var near = await s.CityGrain.GetHotspotsNear(Places.Centre(calm), 5, 5);
        Assert.Contains(near, h => h.H3 == busy.ToString() && h.DistanceKm > 2);

        var metrics = await s.CityGrain.GetMetrics();
        Assert.Equal(heatmap.Zones.Count, metrics.ActiveCells);
        Assert.True(metrics.DeficitCells >= 1);
        Assert.Equal("SGD", metrics.Currency);

        Assert.NotEmpty(s.Feed.Changes);
        Assert.Contains(s.Feed.Changes.SelectMany(c => c.Zones), z => z.H3 == busy.ToString());
    }

    [Fact]
    public async Task Offer_outcomes_reach_the_city_kpis()
    {
        await using var s = await grid.StartScenarioAsync();
        var target = Places.Cell(Places.Anchor);
        await s.PingAsync("d1", Places.Centre(Places.Ring(target, 1)[0]));
        await s.PingAsync("d2", Places.Centre(Places.Ring(target, 1)[1]));
        var first = await s.Driver("d1").Offer(RepositionScenarios.OfferTo(target, "o1", s.Now));
        var second = await s.Driver("d2").Offer(RepositionScenarios.OfferTo(target, "o2", s.Now));
        await s.AdvanceAsync(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10));
        await s.Driver("d1").Reply(first.OfferId, accept: true, reason: null);
        await s.Driver("d2").Reply(second.OfferId, accept: false, reason: "busy_soon");
        await s.QuiesceAsync();

        var metrics = await s.CityGrain.GetMetrics();
        Assert.Equal(new OfferCounts(Sent: 2, Accepted: 1, Declined: 1, Expired: 0, Arrived: 0, Failed: 0), metrics.Offers);
        Assert.Equal(0.5, metrics.AcceptanceRate);
        Assert.Equal(30, metrics.MeanResponseSeconds!.Value, 3);
        Assert.Equal(first.Amount, metrics.Reserved);
    }

    [Fact]
    public async Task A_driver_gets_suggestions_and_a_price_for_nearby_deficit_cells()
    {
        await using var s = await grid.StartScenarioAsync();
        var busy = Places.Cell(Places.Anchor);
        var here = Places.Ring(busy, 2)[0];
        await s.PingAsync("d1", Places.Centre(here));
        for (var i = 0; i < 12; i++)
            await s.BookAsync($"b{i}", Places.Centre(busy));
        await s.AdvanceAsync(TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(1));

        var suggestions = await s.Driver("d1").GetSuggestions(5);
        var best = Assert.Single(suggestions.Suggestions, x => x.TargetCell == busy.ToString());
        Assert.InRange(best.EstimatedAmount, 5m, 20m);
        Assert.Equal(best.DistanceKm * 3.25, best.TravelMinutes, 6);

        var reservedBefore = (await s.Pool.Get())!.Reserved;
        var calculation = await s.Driver("d1").CalculateIncentive(busy.ToString());
        Assert.True(calculation.Quote.HasOffer);
        Assert.Equal(best.EstimatedAmount, calculation.Quote.Amount);
        Assert.InRange(calculation.AcceptanceProbability, 0.01, 0.99);
        Assert.Equal(reservedBefore, (await s.Pool.Get())!.Reserved);
    }
}
