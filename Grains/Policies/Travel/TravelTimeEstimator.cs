namespace SupplyGrid.Grains.Policies;

/// <summary>
/// minutes = km x detour factor / urban speed x 60. With the defaults (1.3, 24 km/h) that is 3.25 minutes per
/// straight-line km: 2 km in 6.5 minutes, 5 km in 16.25.
/// </summary>
public sealed class TravelTimeEstimator
{
    private readonly double _minutesPerKm;

    public TravelTimeEstimator(TravelTimeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _minutesPerKm = options.DetourFactor / options.UrbanSpeedKmh * 60.0;
    }

    /// <summary>Driving minutes for a straight-line distance in km.</summary>
    public double Minutes(double straightLineKm) => Guard.NonNegative(straightLineKm) * _minutesPerKm;
}
