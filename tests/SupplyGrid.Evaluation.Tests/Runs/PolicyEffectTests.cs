using SupplyGrid.Evaluation.Runs;

namespace SupplyGrid.Evaluation.Tests.Runs;

[Collection(StandardRunsCollection.Name)]
public sealed class PolicyEffectTests(StandardRuns runs)
{
    [Fact]
    public void With_a_hotspot_far_from_idle_drivers_repositioning_cuts_the_pickup_distance()
    {
        var observe = StandardRuns.Arm(runs.Hotspot, ArmKind.Observe).Simulation;
        var reposition = StandardRuns.Arm(runs.Hotspot, ArmKind.Reposition).Simulation;

        // Without moves, every pickup is a drive from home to the hotspot, 2.7 km away.
        Assert.True(observe.PickupKm.Mean > 2, $"observe mean pickup {observe.PickupKm.Mean:0.00} km");
        Assert.True(reposition.OffersArrived > 0);
        Assert.True(reposition.PickupKm.Mean < observe.PickupKm.Mean / 2,
            $"reposition mean pickup {reposition.PickupKm.Mean:0.00} km against {observe.PickupKm.Mean:0.00} km observing");
        Assert.True(reposition.Served >= observe.Served, $"served {reposition.Served} against {observe.Served}");
    }

    [Fact]
    public async Task Grid_settings_of_the_run_reach_the_cells_planning()
    {
        var narrow = (await Arms.RunAsync(Scenarios.HotspotNarrowSearch(), ArmKind.Reposition))[0];

        Assert.True(StandardRuns.Arm(runs.Hotspot, ArmKind.Reposition).Simulation.OffersReceived > 0);
        Assert.Equal(0, narrow.Simulation.OffersReceived);
    }

    [Fact]
    public async Task With_abundant_supply_repositioning_changes_little()
    {
        var run = await Arms.RunAsync(Scenarios.Abundant(), ArmKind.Observe, ArmKind.Reposition);
        var observe = run[0].Simulation;
        var reposition = run[1].Simulation;

        // Supply is abundant: nobody waits in vain, with moves or without.
        Assert.Equal(0, observe.Expired);
        Assert.Equal(0, reposition.Expired);
        // So served bookings can differ only by those still on their way at the end, and the nearest driver is close
        // either way: moves can change the pickup distance by a fraction of a cell at most.
        Assert.InRange(Math.Abs(reposition.Served - observe.Served), 0, Math.Max(observe.InProgress, reposition.InProgress));
        Assert.InRange(reposition.PickupKm.Mean - observe.PickupKm.Mean, -0.25, 0.25);
    }
}
