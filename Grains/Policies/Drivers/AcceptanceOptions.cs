namespace SupplyGrid.Grains.Policies;

/// <summary>
/// The acceptance propensity model (configuration section <see cref="SectionName"/>). The prior is the brief's
/// reported acceptance; the slopes are choices, stated as changes in log-odds.
/// </summary>
public sealed record AcceptanceOptions
{
    public const string SectionName = "Policies:Acceptance";

    /// <summary>Acceptance of a typical offer by a driver we know nothing about (brief: about 68%).</summary>
    public double Prior { get; set; } = 0.68;

    /// <summary>
    /// How many offers the prior is worth: a driver's own record counts for half once they have seen this many.
    /// </summary>
    public double PriorStrength { get; set; } = 10;

    /// <summary>The offer amount at which the amount term is zero (a typical offer: about 10).</summary>
    public double ReferenceAmount { get; set; } = 10;

    /// <summary>Log-odds per currency unit above the reference amount (0.15: +5 takes 68% to about 82%).</summary>
    public double AmountSlope { get; set; } = 0.15;

    /// <summary>The move distance (km) at which the distance term is zero.</summary>
    public double ReferenceDistanceKm { get; set; } = 1.5;

    /// <summary>Log-odds lost per km beyond the reference distance (0.4: +2.5 km takes 68% to about 44%).</summary>
    public double DistanceSlope { get; set; } = 0.4;

    public void Validate()
    {
        Guard.OpenFraction(Prior);
        Guard.Positive(PriorStrength);
        Guard.NonNegative(ReferenceAmount);
        Guard.NonNegative(AmountSlope);
        Guard.NonNegative(ReferenceDistanceKm);
        Guard.NonNegative(DistanceSlope);
    }
}
