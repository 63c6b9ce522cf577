namespace SupplyGrid.Grains.Policies;

/// <summary>Shift advice (configuration section <see cref="SectionName"/>). All choices.</summary>
public sealed record ShiftAdviceOptions
{
    public const string SectionName = "Policies:ShiftAdvice";

    /// <summary>How many hours to suggest.</summary>
    public int MaxSuggestions { get; set; } = 5;

    /// <summary>The most trips one driver can complete in an hour (pickup, ride and drop-off take about 20 minutes).</summary>
    public double MaxTripsPerHour { get; set; } = 2.5;

    /// <summary>Forecast samples at which the sample part of the confidence reaches one half.</summary>
    public double HalfConfidenceSamples { get; set; } = 4;

    /// <summary>Hours whose confidence is below this are not suggested.</summary>
    public double MinimumConfidence { get; set; } = 0.2;

    public void Validate()
    {
        Guard.Positive(MaxSuggestions);
        Guard.Positive(MaxTripsPerHour);
        Guard.Positive(HalfConfidenceSamples);
        Guard.Fraction(MinimumConfidence);
    }
}
