namespace SupplyGrid.Grains.Policies;

/// <summary>Surge settings (configuration section <see cref="SectionName"/>), per city.</summary>
public sealed record SurgeOptions
{
    public const string SectionName = "Policies:Surge";

    /// <summary>The one final cap, applied after the business multipliers (DOMAIN.md choice: 3.0). 1 disables surge.</summary>
    public double Cap { get; set; } = 3.0;

    /// <summary>
    /// Largest move per update, as a fraction of the current multiplier (DOMAIN.md: 50%): the next value lies in
    /// [current x (1 - f), current x (1 + f)].
    /// </summary>
    public double MaxStepFraction { get; set; } = 0.5;

    /// <summary>Least time between two published changes (choice: 60 s). Zero allows a change on every update.</summary>
    public TimeSpan Cooldown { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Published multipliers are multiples of this (choice: 0.05, shown to riders as 1.25x rather than 1.2371x).
    /// Rounding is always toward the current value, so it never breaks the step limit or the cap, and a target
    /// that moves by less than one step does not cause a change.
    /// </summary>
    public double Granularity { get; set; } = 0.05;

    /// <summary>Local-time rush-hour windows with their multipliers. None by default: each city configures its own.</summary>
    public List<RushHourWindow> RushHours { get; set; } = [];

    public void Validate()
    {
        Guard.InRange(Cap, 1, 100);
        Guard.OpenFraction(MaxStepFraction);
        Guard.NonNegative(Cooldown);
        Guard.PositiveFraction(Granularity);
        if (RushHours is null)
        {
            throw new ArgumentNullException(nameof(RushHours));
        }

        for (var i = 0; i < RushHours.Count; i++)
        {
            var window = RushHours[i] ?? throw new ArgumentNullException($"{nameof(RushHours)}[{i}]");
            window.Validate($"{nameof(RushHours)}[{i}]");
        }
    }
}
