namespace SupplyGrid.Grains.Policies;

/// <summary>
/// score = (0.4 x acceptance + 0.2 x (1 - cancellation) + 0.4 x rating score) / total weight, where the rating
/// scores 0 at 4.0 and 1 at 5.0. Tiers: Silver from 0.6 (+0.5), Gold from 0.75 (+1.0), Platinum from 0.9 (+1.5);
/// a driver with fewer than 20 trips stays Standard (+0) whatever the score.
/// </summary>
/// <remarks>Discrete tiers rather than a continuous bonus so the MDT can say why ("Gold tier +$1.00").</remarks>
public sealed class DriverTierPolicy
{
    private readonly DriverTierOptions _options;

    public DriverTierPolicy(DriverTierOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options with { };
    }

    public DriverTierAssessment Assess(DriverProfile profile)
    {
        profile.Validate();
        var o = _options;
        var score = (o.AcceptanceWeight * profile.AcceptanceRate
                     + o.ReliabilityWeight * (1 - profile.CancellationRate)
                     + o.RatingWeight * RatingScale.Score(profile.Rating, o.RatingFloor, o.RatingTop))
                    / (o.AcceptanceWeight + o.ReliabilityWeight + o.RatingWeight);
        var enoughHistory = profile.Trips >= o.MinimumTrips;
        var tier = !enoughHistory ? DriverTier.Standard
            : score >= o.PlatinumFromScore ? DriverTier.Platinum
            : score >= o.GoldFromScore ? DriverTier.Gold
            : score >= o.SilverFromScore ? DriverTier.Silver
            : DriverTier.Standard;
        var bonus = tier switch
        {
            DriverTier.Platinum => o.PlatinumBonus,
            DriverTier.Gold => o.GoldBonus,
            DriverTier.Silver => o.SilverBonus,
            _ => 0m,
        };
        return new DriverTierAssessment(tier, bonus, score, enoughHistory);
    }
}
