namespace SupplyGrid.Simulator;

/// <summary>
/// How simulated drivers answer reposition and incentive offers (configuration section <see cref="SectionName"/>):
/// logit p = logit(<see cref="ReferenceAcceptance"/>) + <see cref="AmountSlope"/> (amount - <see cref="ReferenceAmount"/>)
/// - <see cref="DistanceSlope"/> (km - <see cref="ReferenceDistanceKm"/>) + the driver's own bias.
/// </summary>
public sealed record OfferBehaviourOptions
{
    public const string SectionName = "Simulator:Offers";

    /// <summary>Acceptance of the reference offer by a driver without bias (the brief reports about 68%).</summary>
    public double ReferenceAcceptance { get; set; } = 0.68;

    /// <summary>A typical amount: base 8 plus a little distance and urgency.</summary>
    public double ReferenceAmount { get; set; } = 10;

    /// <summary>A typical move: within the 2 km search radius.</summary>
    public double ReferenceDistanceKm { get; set; } = 1.5;

    /// <summary>Log-odds per currency unit above the reference amount.</summary>
    public double AmountSlope { get; set; } = 0.2;

    /// <summary>Log-odds lost per km beyond the reference distance.</summary>
    public double DistanceSlope { get; set; } = 0.5;

    /// <summary>Standard deviation of each driver's fixed bias in log-odds: some drivers like offers more than others.</summary>
    public double DriverSpread { get; set; } = 0.5;

    /// <summary>Seconds a driver takes to answer, uniform between these.</summary>
    public double ReplySecondsMin { get; set; } = 5;

    public double ReplySecondsMax { get; set; } = 40;

    public void Validate()
    {
        Guard.OpenFraction(ReferenceAcceptance);
        Guard.NonNegative(ReferenceAmount);
        Guard.NonNegative(ReferenceDistanceKm);
        Guard.NonNegative(AmountSlope);
        Guard.NonNegative(DistanceSlope);
        Guard.NonNegative(DriverSpread);
        Guard.InRange(ReplySecondsMin, 0, 600);
        Guard.InRange(ReplySecondsMax, 0, 600);
        Guard.NotBelow(ReplySecondsMin, ReplySecondsMax, nameof(ReplySecondsMin), nameof(ReplySecondsMax));
    }
}
