namespace SupplyGrid.Grains.Policies;

/// <summary>
/// How a performance profile maps to a tier and its bonus (configuration section <see cref="SectionName"/>).
/// All choices: the brief fixes only the largest bonus, 1.5.
/// </summary>
public sealed record DriverTierOptions
{
    public const string SectionName = "Policies:DriverTier";

    /// <summary>Below this many trips the profile says too little and the driver stays Standard.</summary>
    public int MinimumTrips { get; set; } = 20;

    /// <summary>Weight of the acceptance rate in the tier score.</summary>
    public double AcceptanceWeight { get; set; } = 0.4;

    /// <summary>Weight of reliability (1 - cancellation rate).</summary>
    public double ReliabilityWeight { get; set; } = 0.2;

    /// <summary>Weight of the rating (scored between <see cref="RatingFloor"/> and <see cref="RatingTop"/>).</summary>
    public double RatingWeight { get; set; } = 0.4;

    /// <summary>A rating at or below this scores 0.</summary>
    public double RatingFloor { get; set; } = 4.0;

    /// <summary>A rating at or above this scores 1.</summary>
    public double RatingTop { get; set; } = 5.0;

    public double SilverFromScore { get; set; } = 0.6;

    public double GoldFromScore { get; set; } = 0.75;

    public double PlatinumFromScore { get; set; } = 0.9;

    public decimal SilverBonus { get; set; } = 0.5m;

    public decimal GoldBonus { get; set; } = 1.0m;

    /// <summary>The largest tier bonus (brief: 1.5).</summary>
    public decimal PlatinumBonus { get; set; } = 1.5m;

    public void Validate()
    {
        Guard.NonNegative(MinimumTrips);
        Guard.NonNegative(AcceptanceWeight);
        Guard.NonNegative(ReliabilityWeight);
        Guard.NonNegative(RatingWeight);
        Guard.Positive(AcceptanceWeight + ReliabilityWeight + RatingWeight, nameof(RatingWeight));
        RatingScale.ValidateBounds(RatingFloor, RatingTop, nameof(RatingFloor), nameof(RatingTop));
        Guard.PositiveFraction(SilverFromScore);
        Guard.PositiveFraction(PlatinumFromScore);
        Guard.Ascending(SilverFromScore, GoldFromScore, nameof(SilverFromScore), nameof(GoldFromScore));
        Guard.Ascending(GoldFromScore, PlatinumFromScore, nameof(GoldFromScore), nameof(PlatinumFromScore));
        Guard.NonNegative(SilverBonus);
        Guard.NotBelow(SilverBonus, GoldBonus, nameof(SilverBonus), nameof(GoldBonus));
        Guard.NotBelow(GoldBonus, PlatinumBonus, nameof(GoldBonus), nameof(PlatinumBonus));
    }
}
