namespace SupplyGrid.Grains.Policies;

/// <summary>One neighbouring cell as seen from the cell being smoothed.</summary>
/// <param name="DistanceKm">Great-circle distance between the two cell centres, in km.</param>
/// <param name="Supply">The neighbour's own (unsmoothed) supply: distinct available drivers.</param>
/// <param name="Demand">The neighbour's own (unsmoothed) demand: bookings in the window plus forecast.</param>
public readonly record struct NeighbourSample(double DistanceKm, double Supply, double Demand);
