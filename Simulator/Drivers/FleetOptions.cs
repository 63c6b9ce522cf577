namespace SupplyGrid.Simulator;

/// <summary>The drivers: how many, their shifts and their fixed traits (configuration section <see cref="SectionName"/>).</summary>
public sealed record FleetOptions
{
    public const string SectionName = "Simulator:Fleet";

    public int Drivers { get; set; } = 2_000;

    /// <summary>Every driver online from the start and never off: a fixed fleet, for evaluations that size it.</summary>
    public bool AlwaysOnline { get; set; }

    /// <summary>Shift lengths are uniform between these (hours); each driver keeps theirs every day.</summary>
    public double ShiftHoursMin { get; set; } = 6;

    public double ShiftHoursMax { get; set; } = 10;

    /// <summary>
    /// How closely the drivers online follow the day's demand: shift starts are fitted so that drivers online per
    /// hour are proportional to demand to this power (0: the same every hour; 1: in proportion to demand). The
    /// default 0.75 has drivers favour the peaks without working only the peaks.
    /// </summary>
    public double ShiftDemandExponent { get; set; } = 0.75;

    /// <summary>A shift at least this long has one break, halfway through.</summary>
    public double BreakFromShiftHours { get; set; } = 6;

    public double BreakMinutes { get; set; } = 30;

    /// <summary>Each driver accepts dispatched jobs with a fixed probability, uniform between these.</summary>
    public double JobAcceptanceMin { get; set; } = 0.85;

    public double JobAcceptanceMax { get; set; } = 1.0;

    /// <summary>Each driver cancels an accepted job (on the way to the pickup) with a fixed probability, uniform up to this.</summary>
    public double CancellationMax { get; set; } = 0.04;

    /// <summary>Passenger ratings: normal around the mean, cut to [3.5, 5].</summary>
    public double RatingMean { get; set; } = 4.75;

    public double RatingSpread { get; set; } = 0.15;

    /// <summary>
    /// The jobs of history behind the reported acceptance and cancellation rates: a driver's record starts at their
    /// traits as if they had worked this many jobs, and the simulated jobs are added to it.
    /// </summary>
    public int HistoryJobs { get; set; } = 100;

    public void Validate()
    {
        Guard.NonNegative(Drivers);
        if (Drivers > 1_000_000)
            throw new ArgumentOutOfRangeException(nameof(Drivers), Drivers, "Drivers must be at most 1,000,000.");
        Guard.InRange(ShiftHoursMin, 0.5, 24);
        Guard.InRange(ShiftHoursMax, 0.5, 24);
        Guard.NotBelow(ShiftHoursMin, ShiftHoursMax, nameof(ShiftHoursMin), nameof(ShiftHoursMax));
        Guard.InRange(ShiftDemandExponent, 0, 2);
        Guard.Positive(BreakFromShiftHours);
        Guard.InRange(BreakMinutes, 0, 180);
        Guard.OpenFractionOrOne(JobAcceptanceMin);
        Guard.OpenFractionOrOne(JobAcceptanceMax);
        Guard.NotBelow(JobAcceptanceMin, JobAcceptanceMax, nameof(JobAcceptanceMin), nameof(JobAcceptanceMax));
        Guard.InRange(CancellationMax, 0, 0.5);
        Guard.InRange(RatingMean, 1, 5);
        Guard.NonNegative(RatingSpread);
        Guard.NonNegative(HistoryJobs);
    }
}
