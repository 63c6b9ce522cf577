using SupplyGrid.Evaluation.Runs;

namespace SupplyGrid.Evaluation.Tests.Runs;

[Collection(StandardRunsCollection.Name)]
public sealed class ArmInvariantTests(StandardRuns runs)
{
    public static TheoryData<ArmKind> AllArms => [ArmKind.Observe, ArmKind.Reposition, ArmKind.Naive];

    [Theory]
    [MemberData(nameof(AllArms))]
    public void Served_bookings_never_exceed_bookings_overall_or_in_any_hour(ArmKind arm)
    {
        foreach (var result in new[] { StandardRuns.Arm(runs.Balanced, arm), StandardRuns.Arm(runs.Hotspot, arm) })
        {
            var sim = result.Simulation;
            Assert.True(sim.Bookings > 0);
            Assert.InRange(sim.Served, 0, sim.Bookings);
            Assert.Equal(sim.Bookings, sim.Served + sim.Expired + sim.InProgress);
            Assert.All(sim.Hours, h => Assert.InRange(h.Served, 0, h.Bookings));
            Assert.Equal(sim.Bookings, sim.Hours.Sum(h => h.Bookings));
        }
    }

    [Theory]
    [MemberData(nameof(AllArms))]
    public void Every_expired_booking_is_classed_once_by_where_the_free_drivers_were(ArmKind arm)
    {
        var results = new[] { StandardRuns.Arm(runs.Balanced, arm), StandardRuns.Arm(runs.Hotspot, arm) };
        Assert.True(results.Sum(r => r.Simulation.Expired) > 0, "the runs have expired bookings to class");
        foreach (var result in results)
        {
            var sim = result.Simulation;
            Assert.Equal(sim.Expired, sim.ExpiredInReach + sim.ExpiredMisplaced + sim.ExpiredShort);
            Assert.Equal(sim.Expired, sim.Hours.Sum(h => h.Expired));
            Assert.Equal(sim.ExpiredShort, sim.Hours.Sum(h => h.ExpiredShort));
            Assert.All(sim.Hours, h => Assert.InRange(h.ExpiredShort, 0, h.Expired));
        }
    }

    [Fact]
    public void Every_arm_sees_the_same_bookings()
    {
        foreach (var results in new[] { runs.Balanced, runs.Hotspot })
            Assert.Single(results.Select(r => r.Simulation.Bookings).Distinct());
    }

    [Fact]
    public void The_incentives_drivers_were_paid_are_what_the_campaign_ledger_spent()
    {
        var reposition = StandardRuns.Arm(runs.Hotspot, ArmKind.Reposition);

        Assert.True(reposition.Ledger.Spent > 0, "the hotspot makes the grid pay for moves");
        Assert.Equal(reposition.Ledger.Spent, reposition.Simulation.IncentivePaid);
        Assert.Equal(reposition.Ledger.PaidOnTime + reposition.Ledger.PaidLate, reposition.Simulation.IncentivePayments);
        Assert.True(reposition.Ledger.Spent + reposition.Ledger.Reserved <= runs.HotspotScenario.Grid.Budget);
    }

    [Theory]
    [InlineData(ArmKind.Observe)]
    [InlineData(ArmKind.Naive)]
    public void Arms_without_incentives_send_no_offers_and_spend_nothing(ArmKind arm)
    {
        var result = StandardRuns.Arm(runs.Hotspot, arm);

        Assert.Equal(0, result.Simulation.OffersReceived);
        Assert.Equal(0, result.Grid.Offers.Sent);
        Assert.Equal(0m, result.Ledger.Spent);
        Assert.Equal(0m, result.Simulation.IncentivePaid);
    }

    [Fact]
    public void Only_the_naive_arm_directs_drivers()
    {
        Assert.True(StandardRuns.Arm(runs.Hotspot, ArmKind.Naive).Simulation.Directives > 0);
        Assert.Equal(0, StandardRuns.Arm(runs.Hotspot, ArmKind.Observe).Simulation.Directives);
        Assert.Equal(0, StandardRuns.Arm(runs.Hotspot, ArmKind.Reposition).Simulation.Directives);
    }

    [Theory]
    [MemberData(nameof(AllArms))]
    public void The_grid_handles_every_event_without_failures_or_warnings(ArmKind arm)
    {
        foreach (var result in new[] { StandardRuns.Arm(runs.Balanced, arm), StandardRuns.Arm(runs.Hotspot, arm) })
        {
            Assert.True(result.Run.EventsDelivered > 0);
            Assert.Equal(0, result.Run.GrainFailures);
            Assert.Equal(0, result.Run.DeadLetters);
            Assert.True(result.Run.GridWarnings == 0, result.Run.FirstGridWarning);
        }
    }
}
