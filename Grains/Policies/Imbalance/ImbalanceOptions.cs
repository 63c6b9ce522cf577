namespace SupplyGrid.Grains.Policies;

/// <summary>Ratio thresholds (configuration section <see cref="SectionName"/>); DOMAIN.md defaults.</summary>
public sealed record ImbalanceOptions
{
    public const string SectionName = "Policies:Imbalance";

    /// <summary>r below this is <see cref="SupplyStatus.Critical"/>. DOMAIN.md: 0.3.</summary>
    public double CriticalBelow { get; set; } = 0.3;

    /// <summary>r below this is <see cref="SupplyStatus.Undersupplied"/> (a deficit). DOMAIN.md: 0.5.</summary>
    public double UndersuppliedBelow { get; set; } = 0.5;

    /// <summary>r above this is <see cref="SupplyStatus.Oversupplied"/>. DOMAIN.md: 2.0.</summary>
    public double OversuppliedAbove { get; set; } = 2.0;

    /// <summary>
    /// The epsilon of r = supply / max(demand, epsilon), in bookings per cell (choice: 0.1). It also marks a quiet
    /// cell: demand and supply both below it.
    /// </summary>
    public double DemandEpsilon { get; set; } = 0.1;

    public void Validate()
    {
        Guard.Positive(CriticalBelow);
        Guard.Ascending(CriticalBelow, UndersuppliedBelow, nameof(CriticalBelow), nameof(UndersuppliedBelow));
        Guard.Ascending(UndersuppliedBelow, OversuppliedAbove, nameof(UndersuppliedBelow), nameof(OversuppliedAbove));
        Guard.Finite(OversuppliedAbove);
        Guard.Positive(DemandEpsilon);
    }
}
