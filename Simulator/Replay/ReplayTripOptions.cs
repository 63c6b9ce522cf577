namespace SupplyGrid.Simulator;

/// <summary>
/// The trip model for recorded pickups without dropoffs (configuration section <see cref="SectionName"/>).
/// Defaults are choices near New York's 2014 figures: a median straight-line trip of 3 km (about 2.4 road miles)
/// and a mean of about 3.8 km.
/// </summary>
public sealed record ReplayTripOptions
{
    public const string SectionName = "Simulator:Replay";

    /// <summary>Median straight-line distance from pickup to dropoff.</summary>
    public double MedianTripKm { get; set; } = 3.0;

    /// <summary>Spread of the log-normal trip distance (log-space standard deviation).</summary>
    public double TripLogSigma { get; set; } = 0.7;

    /// <summary>How many recorded places are weighed to choose one dropoff.</summary>
    public int DropoffCandidates { get; set; } = 8;

    /// <summary>Recorded places are moved by up to this much (uniform disc), so dropoffs do not repeat points exactly.</summary>
    public double JitterKm { get; set; } = 0.1;

    /// <summary>Spreads bookings recorded to the minute evenly over that minute instead of all at its first second.</summary>
    public bool SpreadWithinMinute { get; set; } = true;

    public void Validate()
    {
        Guard.Positive(MedianTripKm);
        Guard.Positive(TripLogSigma);
        Guard.Positive(DropoffCandidates);
        Guard.NonNegative(JitterKm);
    }
}
