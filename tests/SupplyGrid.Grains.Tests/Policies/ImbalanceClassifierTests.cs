using SupplyGrid.Grains.Policies;

namespace SupplyGrid.Grains.Tests.Policies;

public class ImbalanceClassifierTests
{
    private readonly ImbalanceClassifier _classifier = new(new ImbalanceOptions());

    [Theory]
    [InlineData(2.9, 10, 0.29, SupplyStatus.Critical)]
    [InlineData(3, 10, 0.3, SupplyStatus.Undersupplied)] // 0.3 itself is not critical
    [InlineData(4.9, 10, 0.49, SupplyStatus.Undersupplied)]
    [InlineData(5, 10, 0.5, SupplyStatus.Balanced)] // 0.5 itself is not undersupplied
    [InlineData(10, 10, 1.0, SupplyStatus.Balanced)]
    [InlineData(20, 10, 2.0, SupplyStatus.Balanced)] // 2.0 itself is not oversupplied
    [InlineData(20.1, 10, 2.01, SupplyStatus.Oversupplied)]
    [InlineData(0, 1, 0.0, SupplyStatus.Critical)] // a booking and no driver is a crisis
    [InlineData(3, 0, 30.0, SupplyStatus.Oversupplied)] // 3 / epsilon 0.1
    [InlineData(1, 0.05, 10.0, SupplyStatus.Oversupplied)] // demand below epsilon counts as epsilon
    public void Ratio_and_status_follow_the_domain_thresholds(double supply, double demand, double ratio, SupplyStatus status)
    {
        var result = _classifier.Assess(supply, demand);

        Assert.Equal(ratio, result.Ratio, 12);
        Assert.Equal(status, result.Status);
        Assert.False(result.IsQuiet);
        Assert.Equal(status is SupplyStatus.Critical or SupplyStatus.Undersupplied, result.IsDeficit);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0.05, 0.09)]
    [InlineData(0, 0.05)]
    public void A_cell_with_neither_demand_nor_supply_is_quiet_not_critical(double supply, double demand)
    {
        var result = _classifier.Assess(supply, demand);

        Assert.True(result.IsQuiet);
        Assert.Equal(1.0, result.Ratio);
        Assert.Equal(SupplyStatus.Balanced, result.Status);
        Assert.False(result.IsDeficit);
    }

    [Theory]
    [InlineData(6, 10, 1)] // 5 left: 0.5, still balanced; 4 would be 0.4
    [InlineData(10, 10, 5)]
    [InlineData(10, 4, 8)]
    [InlineData(5.5, 10, 0)] // 4.5 left would be 0.45
    [InlineData(4, 10, 0)] // already in deficit
    [InlineData(3, 0, 3)] // no demand: all may go, the cell becomes quiet
    [InlineData(7, 0.05, 7)]
    [InlineData(0, 0, 0)]
    public void Spare_drivers_keep_the_donor_out_of_deficit(double supply, double demand, int expected)
    {
        Assert.Equal(expected, _classifier.SpareDrivers(supply, demand));
    }

    [Fact]
    public void Spare_drivers_is_the_largest_count_that_keeps_the_ratio_at_or_above_one_half()
    {
        var random = new Random(20261122);
        for (var i = 0; i < 2_000; i++)
        {
            var supply = Math.Round(random.NextDouble() * 40, 1);
            var demand = Math.Round(random.NextDouble() * 40, 1);

            var spare = _classifier.SpareDrivers(supply, demand);

            Assert.False(InDeficit(supply - spare, demand) && spare > 0, $"supply {supply}, demand {demand}: {spare} drains it");
            if (!InDeficit(supply, demand) && spare + 1 <= supply)
            {
                Assert.True(InDeficit(supply - spare - 1, demand), $"supply {supply}, demand {demand}: one more than {spare} could go");
            }
        }

        // By hand, with the defaults: quiet below epsilon 0.1, deficit below ratio 0.5.
        static bool InDeficit(double supply, double demand) =>
            !(demand < 0.1 && supply < 0.1) && supply / Math.Max(demand, 0.1) < 0.5;
    }

    [Fact]
    public void Thresholds_are_configurable()
    {
        var classifier = new ImbalanceClassifier(new ImbalanceOptions { CriticalBelow = 0.2, UndersuppliedBelow = 0.8, OversuppliedAbove = 1.5 });

        Assert.Equal(SupplyStatus.Critical, classifier.StatusOf(0.19));
        Assert.Equal(SupplyStatus.Undersupplied, classifier.StatusOf(0.7));
        Assert.Equal(SupplyStatus.Balanced, classifier.StatusOf(1.5));
        Assert.Equal(SupplyStatus.Oversupplied, classifier.StatusOf(1.6));
    }
}
