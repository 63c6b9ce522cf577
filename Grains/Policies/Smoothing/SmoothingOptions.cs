namespace SupplyGrid.Grains.Policies;

/// <summary>Neighbour smoothing settings (configuration section <see cref="SectionName"/>).</summary>
public sealed record SmoothingOptions
{
    public const string SectionName = "Policies:Smoothing";

    /// <summary>Neighbours whose centre is farther than this (km) are ignored. DOMAIN.md: 2 km.</summary>
    public double RadiusKm { get; set; } = 2.0;

    /// <summary>Distance scale of the weight exp(-d / DecayKm). DOMAIN.md: 1 km.</summary>
    public double DecayKm { get; set; } = 1.0;

    /// <summary>Weight of the cell itself. DOMAIN.md: 1.</summary>
    public double CentreWeight { get; set; } = 1.0;

    public void Validate()
    {
        Guard.Positive(RadiusKm);
        Guard.Positive(DecayKm);
        Guard.Positive(CentreWeight);
    }
}
