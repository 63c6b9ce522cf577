namespace SupplyGrid.Grains.Policies;

/// <summary>A driver's tier with the score behind it.</summary>
/// <param name="Tier">The tier.</param>
/// <param name="Bonus">What the tier adds to an incentive offer.</param>
/// <param name="Score">Weighted acceptance, reliability and rating, 0..1.</param>
/// <param name="EnoughHistory">False when the driver has too few trips to be ranked above Standard.</param>
public readonly record struct DriverTierAssessment(DriverTier Tier, decimal Bonus, double Score, bool EnoughHistory);
