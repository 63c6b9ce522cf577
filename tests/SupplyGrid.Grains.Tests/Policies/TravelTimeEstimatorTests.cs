using SupplyGrid.Grains.Policies;

namespace SupplyGrid.Grains.Tests.Policies;

public class TravelTimeEstimatorTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 3.25)] // 1 km x 1.3 / 24 km/h x 60
    [InlineData(2, 6.5)]
    [InlineData(5, 16.25)]
    public void Default_urban_speed_and_detour(double km, double minutes)
    {
        Assert.Equal(minutes, new TravelTimeEstimator(new TravelTimeOptions()).Minutes(km), 10);
    }

    [Fact]
    public void Speed_and_detour_are_configurable()
    {
        var estimator = new TravelTimeEstimator(new TravelTimeOptions { UrbanSpeedKmh = 30, DetourFactor = 1.0 });

        Assert.Equal(6.0, estimator.Minutes(3), 10);
    }

    [Fact]
    public void Negative_distance_is_refused()
    {
        var estimator = new TravelTimeEstimator(new TravelTimeOptions());

        Assert.Throws<ArgumentOutOfRangeException>(() => estimator.Minutes(-1));
    }
}
