using SupplyGrid.Grains.Policies;

namespace SupplyGrid.Grains.Tests.Policies;

public class SurgeCurveTests
{
    [Theory]
    [InlineData(8, 10, 1.0)] // r' = 0.8
    [InlineData(10, 10, 1.0)] // r' = 1
    [InlineData(15, 10, 1.25)] // r' = 1.5: 1 + 0.5 x 0.5
    [InlineData(20, 10, 1.5)] // r' = 2: 1 + 0.5 x 1
    [InlineData(30, 10, 1.8)] // r' = 3: 1.5 + 0.3 x 1
    [InlineData(100, 10, 3.9)] // r' = 10: 1.5 + 0.3 x 8
    [InlineData(137, 10, 5.0)] // r' = 13.7: 1.5 + min(3.51, 3.5)
    [InlineData(1000, 10, 5.0)] // r' = 100: still 1.5 + 3.5
    [InlineData(5, 0, 3.0)] // zero supply with demand: the cap
    [InlineData(0, 0, 1.0)] // nothing at all
    [InlineData(0, 5, 1.0)]
    public void Base_multiplier_follows_the_piecewise_curve(double demand, double supply, double expected)
    {
        Assert.Equal(expected, SurgeCurve.BaseMultiplier(demand, supply, cap: 3.0), 12);
    }

    [Fact]
    public void Zero_supply_gives_whatever_cap_is_configured()
    {
        Assert.Equal(2.5, SurgeCurve.BaseMultiplier(1, 0, cap: 2.5));
    }
}
