namespace SupplyGrid.Grains.Policies;

/// <summary>The deficit cell asking for drivers.</summary>
/// <param name="TargetCell">Its H3 index.</param>
/// <param name="ExpectedDemand">Bookings expected in the window: observed plus forecast.</param>
/// <param name="Supply">Distinct available drivers in the cell now.</param>
/// <param name="PendingArrivals">Expected arrivals from offers already out (sum of their acceptance probabilities, 1 once accepted).</param>
public readonly record struct RepositionRequest(ulong TargetCell, double ExpectedDemand, double Supply, double PendingArrivals = 0);
