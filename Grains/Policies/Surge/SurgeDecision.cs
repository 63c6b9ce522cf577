namespace SupplyGrid.Grains.Policies;

/// <summary>The outcome of one surge update, with the figures behind it for audit and display.</summary>
/// <param name="State">The state to keep (unchanged unless <see cref="Changed"/>).</param>
/// <param name="Previous">The multiplier before this update.</param>
/// <param name="Reason">Why it changed or did not.</param>
/// <param name="BaseMultiplier">From the supply/demand curve.</param>
/// <param name="RushHourMultiplier">From the rush-hour calendar at the city's local time.</param>
/// <param name="BusinessMultiplier">Event x weather x rush hour.</param>
/// <param name="Target">Base x business, clamped to [1, cap]: where the multiplier is heading.</param>
/// <param name="StepLimited">The 50% step limit held the multiplier short of the target.</param>
public readonly record struct SurgeDecision(
    SurgeState State,
    double Previous,
    SurgeReason Reason,
    double BaseMultiplier,
    double RushHourMultiplier,
    double BusinessMultiplier,
    double Target,
    bool StepLimited)
{
    /// <summary>The multiplier after this update.</summary>
    public double Multiplier => State.Multiplier;

    /// <summary>A change to publish (rises and falls alike).</summary>
    public bool Changed => Reason is SurgeReason.Raised or SurgeReason.Lowered;
}
