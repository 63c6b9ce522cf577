namespace SupplyGrid.Grains.Policies;

/// <summary>
/// A cell's supply and demand after blending with its neighbours. Both are weighted means, so they stay in
/// "drivers per cell" and "bookings per cell" and compare directly with a single cell's counts.
/// </summary>
/// <param name="Supply">Weighted mean supply.</param>
/// <param name="Demand">Weighted mean demand.</param>
/// <param name="TotalWeight">Sum of the weights used (centre included), for audit.</param>
/// <param name="NeighboursUsed">Neighbours that fell inside the radius.</param>
public readonly record struct SmoothedSupplyDemand(double Supply, double Demand, double TotalWeight, int NeighboursUsed);
