namespace SupplyGrid.Grains.Policies;

/// <summary>The offers a deficit cell should send.</summary>
/// <param name="DriversNeeded">n = ceil(expected demand - supply), at least 0.</param>
/// <param name="TargetArrivals">n + margin - pending arrivals: the expected arrivals the offers must add.</param>
/// <param name="ExpectedArrivals">Sum of the chosen offers' acceptance probabilities.</param>
/// <param name="SearchRadiusKm">The radius the candidates came from (the widened one when the first found none); 0 when nothing was needed.</param>
/// <param name="Offers">Best first.</param>
public sealed record RepositionPlan(
    int DriversNeeded,
    double TargetArrivals,
    double ExpectedArrivals,
    double SearchRadiusKm,
    IReadOnlyList<PlannedOffer> Offers)
{
    /// <summary>The candidates could not cover the target: the cell stays short until others appear.</summary>
    public bool IsShort => ExpectedArrivals < TargetArrivals;
}
