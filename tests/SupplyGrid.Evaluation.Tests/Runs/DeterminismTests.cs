using SupplyGrid.Evaluation.Reports;
using SupplyGrid.Evaluation.Runs;

namespace SupplyGrid.Evaluation.Tests.Runs;

[Collection(StandardRunsCollection.Name)]
public sealed class DeterminismTests(StandardRuns runs)
{
    [Fact]
    public async Task The_same_seed_gives_the_same_report_to_the_digit()
    {
        var again = await ArmChildren.RunAsync("balanced", StandardRuns.All);

        var first = ReportJson.Serialize(ReportBuilder.Build(runs.BalancedScenario, runs.Balanced));
        var second = ReportJson.Serialize(ReportBuilder.Build(runs.BalancedScenario, again));
        Assert.Equal(first, second);
        Assert.True(StandardRuns.Arm(again, ArmKind.Reposition).Simulation.OffersReceived > 0, "the grid made offers to repeat");
    }

    [Fact]
    public async Task Another_seed_gives_other_numbers()
    {
        var other = await ArmChildren.RunAsync("balanced-seed-8", ArmKind.Observe);

        Assert.NotEqual(StandardRuns.Arm(runs.Balanced, ArmKind.Observe).Simulation.PickupKm, other[0].Simulation.PickupKm);
    }
}
