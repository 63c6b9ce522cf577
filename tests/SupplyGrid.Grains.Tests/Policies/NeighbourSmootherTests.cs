using SupplyGrid.Grains.Policies;

namespace SupplyGrid.Grains.Tests.Policies;

public class NeighbourSmootherTests
{
    private readonly NeighbourSmoother _smoother = new(new SmoothingOptions());

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.8, 0.44932896411722156)] // exp(-0.8)
    [InlineData(1.0, 0.36787944117144233)] // exp(-1)
    [InlineData(2.0, 0.1353352832366127)] // exp(-2): the 2 km boundary is inside
    [InlineData(2.0001, 0.0)]
    [InlineData(4.0, 0.0)]
    public void Weight_decays_exponentially_within_two_km(double distanceKm, double expected)
    {
        Assert.Equal(expected, _smoother.WeightAt(distanceKm), 12);
    }

    [Fact]
    public void Without_neighbours_the_cell_keeps_its_own_values()
    {
        var result = _smoother.Smooth(3, 6, []);

        Assert.Equal(new SmoothedSupplyDemand(3, 6, 1, 0), result);
    }

    [Fact]
    public void Result_is_the_weighted_mean_and_far_neighbours_are_ignored()
    {
        NeighbourSample[] neighbours = [new(1.0, Supply: 6, Demand: 2), new(2.5, Supply: 100, Demand: 100)];

        var result = _smoother.Smooth(2, 4, neighbours);

        var w = Math.Exp(-1.0);
        Assert.Equal((2 + 6 * w) / (1 + w), result.Supply, 12);
        Assert.Equal((4 + 2 * w) / (1 + w), result.Demand, 12);
        Assert.Equal(1 + w, result.TotalWeight, 12);
        Assert.Equal(1, result.NeighboursUsed);
    }

    [Fact]
    public void Ratio_of_smoothed_values_is_the_ratio_of_weighted_sums()
    {
        NeighbourSample[] ring = [new(0.8, 5, 1), new(0.8, 0, 3), new(1.6, 2, 2)];

        var result = _smoother.Smooth(0, 4, ring);

        double w1 = Math.Exp(-0.8), w2 = Math.Exp(-1.6);
        var weightedSupply = 0 + 5 * w1 + 0 * w1 + 2 * w2;
        var weightedDemand = 4 + 1 * w1 + 3 * w1 + 2 * w2;
        Assert.Equal(weightedSupply / weightedDemand, result.Supply / result.Demand, 12);
    }

    [Fact]
    public void Options_change_radius_decay_and_centre_weight()
    {
        var smoother = new NeighbourSmoother(new SmoothingOptions { RadiusKm = 3, DecayKm = 0.5, CentreWeight = 2 });

        var result = smoother.Smooth(1, 1, [new(2.5, 10, 0)]);

        var w = Math.Exp(-2.5 / 0.5);
        Assert.Equal((2 * 1 + 10 * w) / (2 + w), result.Supply, 12);
        Assert.Equal(2 / (2 + w), result.Demand, 12);
    }

    [Fact]
    public void Smoothing_allocates_nothing()
    {
        NeighbourSample[] ring = [new(0.8, 1, 2), new(0.8, 3, 1), new(0.8, 0, 0), new(0.8, 2, 2), new(0.8, 1, 5), new(0.8, 4, 1)];
        _smoother.Smooth(1, 1, ring);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            _smoother.Smooth(i, 1, ring);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Fact]
    public void Bad_inputs_are_refused_with_their_name()
    {
        Assert.Equal("supply", Assert.Throws<ArgumentOutOfRangeException>(() => _smoother.Smooth(-1, 0, [])).ParamName);
        Assert.Equal("demand", Assert.Throws<ArgumentOutOfRangeException>(() => _smoother.Smooth(0, double.NaN, [])).ParamName);
        Assert.Equal("neighbours", Assert.Throws<ArgumentOutOfRangeException>(() => _smoother.Smooth(0, 0, [new(-0.1, 1, 1)])).ParamName);
    }
}
