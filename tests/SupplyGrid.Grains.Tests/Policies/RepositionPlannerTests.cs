using SupplyGrid.Grains.Policies;

namespace SupplyGrid.Grains.Tests.Policies;

public class RepositionPlannerTests
{
    private const ulong Target = 0x8865_2c00_0000_0001;
    private const ulong Surplus = 0x8865_2c00_0000_0002; // 10 drivers, demand 4: can spare 8
    private const ulong Tight = 0x8865_2c00_0000_0003; // 6 drivers, demand 10: can spare 1
    private const ulong Short = 0x8865_2c00_0000_0004; // 3 drivers, demand 10: in deficit
    private const ulong Unlisted = 0x8865_2c00_0000_0005;

    private static readonly DonorCell[] Donors = [new(Surplus, 10, 4), new(Tight, 6, 10), new(Short, 3, 10)];

    private readonly RepositionPlanner _planner = Planner(new RepositionOptions());

    private static RepositionPlanner Planner(RepositionOptions options) =>
        new(options, new ImbalanceClassifier(new ImbalanceOptions()), new TravelTimeEstimator(new TravelTimeOptions()));

    private static RepositionRequest Needing(int drivers, double pending = 0) => new(Target, ExpectedDemand: drivers + 2, Supply: 2, pending);

    private static RepositionCandidate Driver(string id, double km, double p = 0.8, ulong cell = Surplus, bool available = true, bool liveOffer = false) =>
        new(id, cell, km, p, available, liveOffer);

    private static string[] Ids(RepositionPlan plan) => plan.Offers.Select(o => o.DriverId).ToArray();

    [Theory]
    [InlineData(null, 4.0, 10.0, true)] // ratio 0.4, undersupplied: every deficit cell plans by default
    [InlineData(null, 2.0, 10.0, true)] // ratio 0.2, critical
    [InlineData(null, 6.0, 10.0, false)] // ratio 0.6, balanced: never
    [InlineData(0.2, 4.0, 10.0, false)] // undersupplied, but not below the offer threshold
    [InlineData(0.2, 1.0, 10.0, true)] // ratio 0.1
    [InlineData(0.2, 2.0, 10.0, false)] // exactly at the threshold: not below it
    [InlineData(0.45, 4.0, 10.0, true)]
    [InlineData(0.9, 6.0, 10.0, false)] // a threshold above the band does not make a balanced cell plan
    public void A_cell_plans_when_in_deficit_and_below_the_offer_threshold_if_one_is_set(double? offerBelow, double supply, double demand, bool plans)
    {
        var imbalance = new ImbalanceClassifier(new ImbalanceOptions());
        var planner = Planner(new RepositionOptions { OfferBelowRatio = offerBelow });

        Assert.Equal(plans, planner.ShouldPlan(imbalance.Assess(supply, demand)));
    }

    [Theory]
    [InlineData(7.2, 3, 5)] // ceil(4.2)
    [InlineData(4.0, 1, 3)]
    [InlineData(5.0, 5, 0)]
    [InlineData(2.0, 6, 0)] // more supply than demand: nothing needed
    public void Drivers_needed_is_the_ceiling_of_expected_demand_minus_supply(double demand, double supply, int needed)
    {
        var plan = _planner.Plan(new RepositionRequest(Target, demand, supply), [], Donors);

        Assert.Equal(needed, plan.DriversNeeded);
        if (needed == 0)
        {
            Assert.Empty(plan.Offers);
            Assert.False(plan.IsShort);
        }
    }

    [Theory]
    [InlineData(7.2, 3, 0, 5, 5)] // the default margin is 0
    [InlineData(7.2, 3, 2.5, 5, 2.5)] // pending offers already bring 2.5
    [InlineData(7.2, 3, 5, 5, 0)] // pending offers cover it: nothing to ask donors for
    [InlineData(2.0, 6, 0, 0, 0)]
    public void The_arrival_target_is_the_need_plus_margin_minus_pending_and_matches_the_plan(
        double demand, double supply, double pending, int needed, double target)
    {
        var request = new RepositionRequest(Target, demand, supply, pending);

        Assert.Equal((needed, target), _planner.ArrivalTarget(request));
        var plan = _planner.Plan(request, [Driver("a", 1)], Donors);
        Assert.Equal(needed, plan.DriversNeeded);
        Assert.Equal(target, plan.TargetArrivals, 9);
        Assert.Equal(target == 0, plan.Offers.Count == 0);
    }

    [Fact]
    public void Nearest_go_first_and_offers_stop_once_expected_arrivals_reach_the_need()
    {
        RepositionCandidate[] candidates = [Driver("far", 1.5), Driver("near", 0.5), Driver("mid", 1.0)];

        var plan = _planner.Plan(Needing(1), candidates, Donors);

        Assert.Equal(["near", "mid"], Ids(plan)); // 0.8 < 1, 1.6 >= 1
        Assert.Equal(1.6, plan.ExpectedArrivals, 9);
        Assert.Equal(2.0, plan.SearchRadiusKm);
        Assert.False(plan.IsShort);
        Assert.Equal(3.25 * 0.5, plan.Offers[0].TravelMinutes, 9);
    }

    [Fact]
    public void Enough_offers_for_the_sum_of_probabilities_to_reach_the_need()
    {
        var candidates = Enumerable.Range(1, 6).Select(i => Driver($"d{i}", 0.5 + i * 0.1, p: 0.7)).ToArray();

        var plan = _planner.Plan(Needing(2), candidates, Donors);

        Assert.Equal(3, plan.Offers.Count); // 0.7 + 0.7 + 0.7 = 2.1 >= 2
        Assert.Equal(2.1, plan.ExpectedArrivals, 9);
    }

    [Fact]
    public void Ranking_weighs_travel_time_against_acceptance()
    {
        // minutes / p: 3.25 / 0.2 = 16.25 against 6.5 / 0.9 = 7.2
        RepositionCandidate[] candidates = [Driver("close-but-reluctant", 1.0, p: 0.2), Driver("farther-but-keen", 2.0, p: 0.9)];

        var plan = _planner.Plan(Needing(1), candidates, Donors);

        Assert.Equal("farther-but-keen", plan.Offers[0].DriverId);
    }

    [Fact]
    public void Ties_are_broken_by_driver_id_in_ordinal_order()
    {
        RepositionCandidate[] candidates = [Driver("d2", 1.0, p: 0.25), Driver("d10", 1.0, p: 0.25), Driver("d1", 1.0, p: 0.25), Driver("D9", 1.0, p: 0.25)];

        var plan = _planner.Plan(Needing(1), candidates, Donors);

        Assert.Equal(["D9", "d1", "d10", "d2"], Ids(plan));
    }

    [Fact]
    public void Unavailable_drivers_drivers_with_a_live_offer_and_hopeless_ones_are_never_offered()
    {
        RepositionCandidate[] candidates =
        [
            Driver("busy", 0.3, available: false),
            Driver("already-offered", 0.3, liveOffer: true),
            Driver("never-accepts", 0.3, p: 0),
            Driver("free", 1.9),
        ];

        var plan = _planner.Plan(Needing(3), candidates, Donors);

        Assert.Equal(["free"], Ids(plan));
        Assert.True(plan.IsShort);
    }

    [Fact]
    public void Search_widens_to_five_km_only_when_nobody_qualifies_within_two()
    {
        RepositionCandidate[] onlyFar = [Driver("at-3km", 3.0), Driver("at-5km", 5.0), Driver("at-6km", 6.0)];
        var widened = _planner.Plan(Needing(2), onlyFar, Donors);
        Assert.Equal(["at-3km", "at-5km"], Ids(widened));
        Assert.Equal(5.0, widened.SearchRadiusKm);

        RepositionCandidate[] oneNear = [Driver("at-1.8km", 1.8, p: 0.5), Driver("at-3km", 3.0)];
        var inner = _planner.Plan(Needing(3), oneNear, Donors);
        Assert.Equal(["at-1.8km"], Ids(inner));
        Assert.Equal(2.0, inner.SearchRadiusKm);
        Assert.True(inner.IsShort);
    }

    [Fact]
    public void A_donor_gives_no_more_than_keeps_it_out_of_deficit()
    {
        RepositionCandidate[] candidates =
        [
            Driver("tight-1", 0.4, cell: Tight), Driver("tight-2", 0.5, cell: Tight), Driver("tight-3", 0.6, cell: Tight),
            Driver("short-1", 0.2, cell: Short),
            Driver("unlisted-1", 0.2, cell: Unlisted),
            Driver("target-1", 0.1, cell: Target),
            Driver("surplus-1", 1.9),
        ];

        var plan = _planner.Plan(Needing(5), candidates, [.. Donors, new DonorCell(Target, 30, 1)]);

        // Tight (6 drivers, demand 10) may give 1 and stay at 0.5; Short is in deficit; Unlisted is unknown; Target is the target.
        Assert.Equal(["tight-1", "surplus-1"], Ids(plan));
    }

    [Fact]
    public void Pending_arrivals_and_the_margin_move_the_target()
    {
        var candidates = Enumerable.Range(1, 5).Select(i => Driver($"d{i}", i * 0.3, p: 0.8)).ToArray();

        var pending = _planner.Plan(Needing(2, pending: 1.5), candidates, Donors);
        Assert.Equal(0.5, pending.TargetArrivals, 9);
        Assert.Single(pending.Offers);

        var covered = _planner.Plan(Needing(2, pending: 2.5), candidates, Donors);
        Assert.Empty(covered.Offers);

        var hedged = Planner(new RepositionOptions { ArrivalMargin = 0.5 }).Plan(Needing(1), candidates, Donors);
        Assert.Equal(1.5, hedged.TargetArrivals, 9);
        Assert.Equal(2, hedged.Offers.Count); // 1.6 >= 1.5
    }

    [Fact]
    public void A_plan_never_sends_more_than_the_offer_limit()
    {
        var candidates = Enumerable.Range(1, 30).Select(i => Driver($"d{i:00}", 0.5, p: 0.1)).ToArray();

        var plan = Planner(new RepositionOptions { MaxOffersPerPlan = 4 }).Plan(Needing(2), candidates, Donors);

        Assert.Equal(["d01", "d02", "d03", "d04"], Ids(plan));
        Assert.True(plan.IsShort);
    }

    [Fact]
    public void A_driver_listed_twice_is_offered_once()
    {
        RepositionCandidate[] candidates = [Driver("twice", 0.5, p: 0.5), Driver("twice", 0.7, p: 0.5), Driver("other", 1.0, p: 0.5)];

        var plan = _planner.Plan(Needing(1), candidates, Donors);

        Assert.Equal(["twice", "other"], Ids(plan));
        Assert.Equal(0.5, plan.Offers[0].DistanceKm);
    }

    [Fact]
    public void Bad_inputs_are_refused()
    {
        Assert.Throws<ArgumentException>(() => _planner.Plan(Needing(1), [], [new(Surplus, 1, 1), new(Surplus, 2, 2)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => _planner.Plan(Needing(1), [Driver("x", 1, p: 1.2)], Donors));
        Assert.Throws<ArgumentException>(() => _planner.Plan(Needing(1), [Driver(" ", 1)], Donors));
        Assert.Equal("request.Supply", Assert.Throws<ArgumentOutOfRangeException>(() => _planner.Plan(new RepositionRequest(Target, 1, -1), [], Donors)).ParamName);
    }
}
