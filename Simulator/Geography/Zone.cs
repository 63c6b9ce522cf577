using SupplyGrid.Geo;

namespace SupplyGrid.Simulator;

/// <summary>
/// A named area of the city: bookings start in it with <see cref="Pickups"/> weights and end in it with
/// <see cref="Destinations"/> weights, hour by local hour. Points are drawn around the centre (normal, sigma = half
/// the radius, cut at the radius) and kept on land.
/// </summary>
public sealed record Zone
{
    public Zone(string name, LatLng centre, double radiusKm, HourlyProfile pickups, HourlyProfile destinations)
    {
        Name = Guard.NotBlank(name);
        Centre = Guard.Point(centre);
        RadiusKm = Guard.Positive(radiusKm);
        Pickups = pickups ?? throw new ArgumentNullException(nameof(pickups));
        Destinations = destinations ?? throw new ArgumentNullException(nameof(destinations));
    }

    public string Name { get; }

    public LatLng Centre { get; }

    public double RadiusKm { get; }

    /// <summary>Relative booking origins by local hour; the demand model scales them to bookings per hour.</summary>
    public HourlyProfile Pickups { get; }

    /// <summary>Relative attraction as a destination by local hour (before the distance decay).</summary>
    public HourlyProfile Destinations { get; }
}
