namespace SupplyGrid.Grains.Policies;

/// <summary>What an incentive amount depends on.</summary>
/// <param name="DistanceKm">Straight-line distance from the driver to the target cell's centre.</param>
/// <param name="TargetRatio">The target cell's supply/demand ratio (urgency grows as it falls below the undersupplied threshold).</param>
/// <param name="TierBonus">From <see cref="DriverTierPolicy"/>.</param>
/// <param name="CampaignRemaining">The campaign's budget not yet spent or reserved.</param>
/// <param name="DriverIncentivesToday">Incentives already paid or reserved for this driver today (city local day).</param>
public readonly record struct IncentiveRequest(
    double DistanceKm,
    double TargetRatio,
    decimal TierBonus,
    decimal CampaignRemaining,
    decimal DriverIncentivesToday);
