namespace SupplyGrid.Grains.Policies;

/// <summary>Demand forecast settings (configuration section <see cref="SectionName"/>). All choices.</summary>
public sealed record DemandForecastOptions
{
    public const string SectionName = "Policies:Forecast";

    /// <summary>Weight of the newest week in a slot's mean (0.3: the last three or four weeks carry most weight).</summary>
    public double SlotAlpha { get; set; } = 0.3;

    /// <summary>Weight of the newest slot in the cell's overall level (0.05: about the last five hours).</summary>
    public double LevelAlpha { get; set; } = 0.05;

    /// <summary>
    /// How many observations the time-of-day mean is worth when blended with the day-and-time mean: with 2, a slot
    /// seen twice on this weekday is half its own mean and half the all-days mean.
    /// </summary>
    public double ShrinkageSamples { get; set; } = 2.0;

    /// <summary>Weight of the newest scored slot in the running MAPE (0.02: about the last 50 scored slots, half a day).</summary>
    public double ErrorAlpha { get; set; } = 0.02;

    public void Validate()
    {
        Guard.PositiveFraction(SlotAlpha);
        Guard.PositiveFraction(LevelAlpha);
        Guard.NonNegative(ShrinkageSamples);
        Guard.PositiveFraction(ErrorAlpha);
    }
}
