namespace SupplyGrid.Grains.Policies;

/// <summary>Straight-line distance to driving time (configuration section <see cref="SectionName"/>), per city.</summary>
public sealed record TravelTimeOptions
{
    public const string SectionName = "Policies:TravelTime";

    /// <summary>Average driving speed in town, km/h (choice for Singapore: 24, between peak-hour and off-peak arterial speeds).</summary>
    public double UrbanSpeedKmh { get; set; } = 24.0;

    /// <summary>Road distance over straight-line distance (choice: 1.3, the usual figure for a dense street grid).</summary>
    public double DetourFactor { get; set; } = 1.3;

    public void Validate()
    {
        Guard.InRange(UrbanSpeedKmh, 1, 200);
        Guard.InRange(DetourFactor, 1, 5);
    }
}
