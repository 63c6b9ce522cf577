namespace SupplyGrid.Grains.Policies;

/// <summary>
/// Blends a cell's supply and demand with its neighbours': weight 1 for the cell itself, exp(-d / 1 km) for a
/// neighbour at d km, nothing beyond 2 km (DOMAIN.md defaults).
/// </summary>
/// <remarks>
/// The result is a weighted <em>mean</em>, not a weighted sum: the values keep the scale of one cell, so the
/// smoothed numbers can be shown next to raw counts and fed to the surge curve and the deficit size. The ratio
/// supply / demand is the same either way (the normalising total cancels), and it is meaningful because supply
/// and demand are blended with identical weights.
/// </remarks>
public sealed class NeighbourSmoother
{
    private readonly double _radiusKm;
    private readonly double _decayKm;
    private readonly double _centreWeight;

    public NeighbourSmoother(SmoothingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _radiusKm = options.RadiusKm;
        _decayKm = options.DecayKm;
        _centreWeight = options.CentreWeight;
    }

    /// <summary>The weight a neighbour at <paramref name="distanceKm"/> gets; 0 beyond the radius.</summary>
    public double WeightAt(double distanceKm)
    {
        Guard.NonNegative(distanceKm);
        return distanceKm <= _radiusKm ? Math.Exp(-distanceKm / _decayKm) : 0;
    }

    /// <summary>Blends the cell's own <paramref name="supply"/> and <paramref name="demand"/> with its neighbours. Allocates nothing.</summary>
    public SmoothedSupplyDemand Smooth(double supply, double demand, ReadOnlySpan<NeighbourSample> neighbours)
    {
        Guard.NonNegative(supply);
        Guard.NonNegative(demand);

        var totalWeight = _centreWeight;
        var weightedSupply = _centreWeight * supply;
        var weightedDemand = _centreWeight * demand;
        var used = 0;
        foreach (var neighbour in neighbours)
        {
            Guard.NonNegative(neighbour.Supply, nameof(neighbours));
            Guard.NonNegative(neighbour.Demand, nameof(neighbours));
            if (Guard.NonNegative(neighbour.DistanceKm, nameof(neighbours)) > _radiusKm)
            {
                continue;
            }

            var weight = Math.Exp(-neighbour.DistanceKm / _decayKm);
            totalWeight += weight;
            weightedSupply += weight * neighbour.Supply;
            weightedDemand += weight * neighbour.Demand;
            used++;
        }

        return new SmoothedSupplyDemand(weightedSupply / totalWeight, weightedDemand / totalWeight, totalWeight, used);
    }
}
