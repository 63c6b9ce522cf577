namespace SupplyGrid.Grains.Policies;

/// <summary>
/// A local-time window with its own surge multiplier, e.g. weekdays 07:00-09:30 at 1.2. A window whose
/// <see cref="End"/> is earlier than its <see cref="Start"/> runs past midnight; <see cref="Days"/> names the
/// days on which it starts.
/// </summary>
public sealed record RushHourWindow
{
    /// <summary>Local time of day the window opens (inclusive), e.g. "07:00:00".</summary>
    public TimeSpan Start { get; set; }

    /// <summary>Local time of day the window closes (exclusive).</summary>
    public TimeSpan End { get; set; }

    /// <summary>Days of the week the window opens on; empty means every day.</summary>
    public List<DayOfWeek> Days { get; set; } = [];

    /// <summary>Multiplier applied while the window is open (before the final cap).</summary>
    public double Multiplier { get; set; } = 1.0;

    public void Validate() => Validate(nameof(RushHourWindow));

    internal void Validate(string path)
    {
        ValidateTimeOfDay(Start, $"{path}.{nameof(Start)}");
        ValidateTimeOfDay(End, $"{path}.{nameof(End)}");
        if (Start == End)
        {
            throw new ArgumentException($"{path}.{nameof(End)} must differ from {nameof(Start)}.", $"{path}.{nameof(End)}");
        }

        Guard.Positive(Multiplier, $"{path}.{nameof(Multiplier)}");
        if (Days is null)
        {
            throw new ArgumentNullException($"{path}.{nameof(Days)}");
        }

        foreach (var day in Days)
        {
            if (!Enum.IsDefined(day))
            {
                throw new ArgumentOutOfRangeException($"{path}.{nameof(Days)}", day, "is not a day of the week.");
            }
        }
    }

    private static void ValidateTimeOfDay(TimeSpan value, string name)
    {
        if (value < TimeSpan.Zero || value >= TimeSpan.FromDays(1))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a time of day in [00:00, 24:00).");
        }
    }
}
