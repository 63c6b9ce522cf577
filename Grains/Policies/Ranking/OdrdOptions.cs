namespace SupplyGrid.Grains.Policies;

/// <summary>ODRD candidate ranking (configuration section <see cref="SectionName"/>). Weights and scales are choices.</summary>
public sealed record OdrdOptions
{
    public const string SectionName = "Policies:OdrdRanking";

    /// <summary>Most candidates one request may rank. Brief: 200.</summary>
    public int MaxCandidates { get; set; } = 200;

    /// <summary>
    /// How long a ranking worker reuses a cell's figures (drivers, demand) for later rankings before asking the cell
    /// again; zero asks every time. Cells recompute every few seconds, and the score's supply context moves little
    /// within a second or two, while asking costs a grain call per distinct cell per ranking.
    /// </summary>
    public TimeSpan CellFiguresMaxAge { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>ETA score = exp(-minutes / scale): 8 minutes scores 0.37, a pickup 1 km away (3.25 min) about 0.67.</summary>
    public double EtaScaleMinutes { get; set; } = 8.0;

    public double EtaWeight { get; set; } = 0.5;

    public double AcceptanceWeight { get; set; } = 0.2;

    public double RatingWeight { get; set; } = 0.1;

    /// <summary>Weight of the supply context: the whole gap between a driver from a deficit cell and one from a surplus cell.</summary>
    public double SupplyContextWeight { get; set; } = 0.2;

    /// <summary>A rating at or below this scores 0.</summary>
    public double RatingFloor { get; set; } = 4.0;

    /// <summary>A rating at or above this scores 1.</summary>
    public double RatingTop { get; set; } = 5.0;

    public void Validate()
    {
        Guard.Positive(MaxCandidates);
        Guard.NonNegative(CellFiguresMaxAge);
        Guard.Positive(EtaScaleMinutes);
        Guard.NonNegative(EtaWeight);
        Guard.NonNegative(AcceptanceWeight);
        Guard.NonNegative(RatingWeight);
        Guard.NonNegative(SupplyContextWeight);
        Guard.Positive(EtaWeight + AcceptanceWeight + RatingWeight + SupplyContextWeight, nameof(SupplyContextWeight));
        RatingScale.ValidateBounds(RatingFloor, RatingTop, nameof(RatingFloor), nameof(RatingTop));
    }
}
