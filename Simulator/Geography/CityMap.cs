using SupplyGrid.Geo;

namespace SupplyGrid.Simulator;

/// <summary>
/// The geography of one simulated city: where land is, how to cross it, where demand comes from and goes to, the
/// venues that hold events, the local time zone and the fare tariff. Immutable; <see cref="Cities"/> has presets.
/// </summary>
public sealed class CityMap
{
    public CityMap(
        string id,
        string name,
        TimeZoneInfo timeZone,
        LandPolygon land,
        IReadOnlyList<LatLng> hubs,
        IReadOnlyList<Zone> zones,
        IReadOnlyList<Venue> venues,
        HourlyProfile backgroundPickups,
        HourlyProfile backgroundDestinations,
        FareTariff fare)
    {
        Id = Guard.NotBlank(id);
        Name = Guard.NotBlank(name);
        TimeZone = timeZone ?? throw new ArgumentNullException(nameof(timeZone));
        Land = land ?? throw new ArgumentNullException(nameof(land));
        Router = new LandRouter(land, hubs);
        ArgumentNullException.ThrowIfNull(zones);
        ArgumentNullException.ThrowIfNull(venues);
        Zones = [.. zones];
        Venues = [.. venues];
        for (int i = 0; i < Zones.Count; i++)
        {
            if (!land.Contains(Zones[i].Centre))
                throw new ArgumentException($"zones[{i}] ({Zones[i].Name}) has its centre off land.", nameof(zones));
        }
        for (int i = 0; i < Venues.Count; i++)
        {
            if (!land.Contains(Venues[i].Location))
                throw new ArgumentException($"venues[{i}] ({Venues[i].Name}) is off land.", nameof(venues));
        }
        if (Zones.Select(z => z.Name).Distinct(StringComparer.Ordinal).Count() != Zones.Count)
            throw new ArgumentException("Zone names must be unique.", nameof(zones));
        BackgroundPickups = backgroundPickups ?? throw new ArgumentNullException(nameof(backgroundPickups));
        BackgroundDestinations = backgroundDestinations ?? throw new ArgumentNullException(nameof(backgroundDestinations));
        Fare = fare ?? throw new ArgumentNullException(nameof(fare));
    }

    /// <summary>The grid's city id (e.g. "singapore").</summary>
    public string Id { get; }

    public string Name { get; }

    public TimeZoneInfo TimeZone { get; }

    public LandPolygon Land { get; }

    public GeoBounds Bounds => Land.Bounds;

    public LandRouter Router { get; }

    public IReadOnlyList<Zone> Zones { get; }

    public IReadOnlyList<Venue> Venues { get; }

    /// <summary>Relative booking origins anywhere on land (uniform), by local hour, beside the zones.</summary>
    public HourlyProfile BackgroundPickups { get; }

    /// <summary>Relative attraction of "anywhere on land" as a destination, by local hour.</summary>
    public HourlyProfile BackgroundDestinations { get; }

    public FareTariff Fare { get; }

    public string Currency => Fare.Currency;
}
