using Microsoft.Extensions.Options;
using SupplyGrid.Api.Analytics;
using SupplyGrid.Api.Configuration;
using SupplyGrid.Api.History;
using SupplyGrid.Geo;
using SupplyGrid.Grains;
using SupplyGrid.Grains.Ports;

namespace SupplyGrid.Api.Tests.Units;

public sealed class SurgeEfficiencyTests
{
    private static readonly DateTimeOffset Ten = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Both_terms_are_scaled_to_the_largest_zone_so_a_wide_surge_range_does_not_outweigh_the_unmet_share()
    {
        // Raw sums would rank "loud" first (a surge excess of 2 dwarfs any share of demand); normalised, "stuck" has the
        // largest unmet share and a surge excess half the largest, "loud" the largest excess and a fifth of the share.
        var zones = new[]
        {
            Zone("loud", meanSurge: 3.0, unmet: 0.1),
            Zone("stuck", meanSurge: 2.0, unmet: 0.5),
            Zone("mild", meanSurge: 1.2, unmet: 0.05),
        };

        var ranked = SurgeEfficiency.LeastEfficient(zones, 5);

        Assert.Equal(["stuck", "loud", "mild"], ranked.Select(z => z.Cell));
        Assert.Equal([1, 2, 3], ranked.Select(z => z.Rank));
        var stuck = ranked[0];
        Assert.Equal((0.5, 1.0, 0.75), (stuck.SurgeTerm, stuck.UnmetTerm, stuck.Inefficiency));
        Assert.Equal(0.6, ranked[1].Inefficiency, 9);
    }

    [Fact]
    public void Equal_scores_are_ordered_by_cell_id_and_the_limit_cuts_after_the_order()
    {
        // Mirror images: surge term 1 and unmet term 0.5 against surge term 0.5 and unmet term 1, both 0.75.
        var zones = new[]
        {
            Zone("c", meanSurge: 2.0, unmet: 0.2),
            Zone("b", meanSurge: 1.5, unmet: 0.4),
            Zone("a", meanSurge: 1.5, unmet: 0.4),
            Zone("d", meanSurge: 1.1, unmet: 0.1),
        };

        var ranked = SurgeEfficiency.LeastEfficient(zones, 2);

        Assert.Equal(["a", "b"], ranked.Select(z => z.Cell));
        Assert.Equal(ranked[0].Inefficiency, ranked[1].Inefficiency);
        Assert.Equal(0.75, SurgeEfficiency.LeastEfficient(zones, 4).Single(z => z.Cell == "c").Inefficiency);
    }

    [Fact]
    public void No_surge_zones_give_an_empty_ranking_and_a_limit_below_one_is_refused()
    {
        Assert.Empty(SurgeEfficiency.LeastEfficient([], 5));
        Assert.Equal("limit", Assert.Throws<ArgumentOutOfRangeException>(() => SurgeEfficiency.LeastEfficient([Zone("a", 2, 0.1)], 0)).ParamName);
    }

    [Fact]
    public async Task The_in_memory_history_reports_the_cells_that_surged_over_their_recorded_minutes()
    {
        var history = new InMemoryHeatmapHistory(Options.Create(new HeatmapHistoryOptions()));
        // "hot" surges in one of its two minutes; "calm" never surges.
        history.OnCityChange(Change(Ten, ("hot", Supply: 1, Demand: 4, Surge: 2.0), ("calm", 3, 1, 1.0)));
        history.OnCityChange(Change(Ten.AddMinutes(1), ("hot", 2, 2, 1.0)));

        var zones = await history.GetSurgeZonesAsync("c", Ten, Ten.AddMinutes(5), default);

        var hot = Assert.Single(zones);
        Assert.Equal(("hot", 2, 1), (hot.Cell, hot.Minutes, hot.SurgingMinutes));
        Assert.Equal(1.5, hot.MeanSurge, 9);
        Assert.Equal((0.75 + 0) / 2, hot.MeanUnmetShare, 9);
        Assert.Equal((1.5, 3.0), (hot.MeanSupply, hot.MeanDemand));
        Assert.Empty(await history.GetSurgeZonesAsync("c", Ten.AddMinutes(1), Ten.AddMinutes(5), default));
    }

    private static SurgeZoneFigures Zone(string cell, double meanSurge, double unmet) => new(cell, 10, 5, meanSurge, unmet, 1, 2);

    private static CityChange Change(DateTimeOffset at, params (string Cell, double Supply, double Demand, double Surge)[] zones) =>
        new("c", at,
            zones.Select(z => new HeatmapZone(z.Cell, new LatLng(1.3, 103.8), z.Supply, z.Demand, (int)z.Supply, z.Demand, z.Supply / z.Demand,
                SupplyStatus.Balanced, z.Surge, at)).ToArray(),
            [],
            new CityMetrics("c", at, "SGD", zones.Length, 0, 0, 0, 1, 0, default, null, null, 0, 0, null));
}
