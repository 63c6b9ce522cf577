namespace SupplyGrid.Simulator;

/// <summary>
/// The daily shapes of demand by zone kind (relative weights per local hour, mean about 1). Hand-written from the
/// usual ride-hailing day: a morning peak from homes into the centre and business parks, an evening peak back out,
/// a night lull from 2 to 5 am. docs/simulator.md shows them as a table.
/// </summary>
public static class ZoneProfiles
{
    //                                                   0    1    2    3    4    5    6    7    8    9   10   11   12   13   14   15   16   17   18   19   20   21   22   23
    private static readonly double[] ResidentialPickups = [0.3, 0.2, 0.1, 0.1, 0.1, 0.3, 1.0, 2.2, 2.4, 1.4, 0.8, 0.7, 0.8, 0.7, 0.7, 0.7, 0.8, 0.9, 1.0, 1.0, 0.9, 0.7, 0.6, 0.4];
    private static readonly double[] CentralPickups = [0.9, 0.6, 0.3, 0.1, 0.1, 0.1, 0.3, 0.6, 0.9, 0.9, 0.9, 1.1, 1.4, 1.2, 1.0, 1.0, 1.2, 2.0, 2.8, 2.5, 1.8, 1.5, 1.3, 1.1];
    private static readonly double[] ShoppingPickups = [0.4, 0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.4, 0.5, 0.6, 0.8, 1.1, 1.3, 1.3, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.8, 1.6, 1.1, 0.7];
    private static readonly double[] BusinessPickups = [0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.4, 0.7, 0.8, 0.7, 0.7, 0.8, 1.0, 0.9, 0.8, 0.9, 1.2, 2.2, 2.4, 1.3, 0.8, 0.5, 0.4, 0.3];
    private static readonly double[] AirportPickups = [0.8, 0.5, 0.3, 0.2, 0.3, 0.5, 0.9, 1.1, 1.1, 1.0, 1.0, 1.0, 1.0, 1.0, 1.1, 1.1, 1.1, 1.1, 1.2, 1.2, 1.2, 1.2, 1.1, 1.0];
    private static readonly double[] LeisurePickups = [0.3, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.2, 0.3, 0.6, 0.9, 1.1, 1.2, 1.2, 1.2, 1.3, 1.4, 1.6, 1.6, 1.4, 1.2, 1.0, 0.8, 0.5];

    private static readonly double[] ResidentialDestinations = [1.5, 1.5, 1.5, 1.2, 1.0, 0.6, 0.4, 0.3, 0.3, 0.5, 0.7, 0.8, 0.8, 0.8, 0.8, 0.9, 1.1, 1.6, 2.0, 2.0, 1.8, 1.7, 1.6, 1.5];
    private static readonly double[] CentralDestinations = [0.4, 0.3, 0.2, 0.2, 0.2, 0.5, 1.2, 2.5, 2.8, 1.8, 1.2, 1.2, 1.2, 1.1, 1.0, 1.0, 0.9, 0.7, 0.8, 0.9, 0.8, 0.7, 0.6, 0.5];
    private static readonly double[] ShoppingDestinations = [0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.3, 0.6, 0.8, 1.0, 1.4, 1.6, 1.5, 1.4, 1.4, 1.4, 1.3, 1.2, 1.2, 1.1, 0.9, 0.6, 0.4, 0.3];
    private static readonly double[] BusinessDestinations = [0.2, 0.2, 0.2, 0.2, 0.3, 0.6, 1.5, 2.5, 2.2, 1.2, 0.9, 0.8, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.3, 0.3, 0.3, 0.2, 0.2];
    private static readonly double[] AirportDestinations = [0.6, 0.4, 0.3, 0.4, 0.8, 1.1, 1.2, 1.1, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.1, 1.1, 1.0, 0.8];
    private static readonly double[] LeisureDestinations = [0.2, 0.1, 0.1, 0.1, 0.1, 0.1, 0.2, 0.3, 0.6, 1.0, 1.3, 1.4, 1.4, 1.3, 1.3, 1.3, 1.3, 1.2, 1.2, 1.0, 0.9, 0.7, 0.5, 0.3];

    /// <summary>Where bookings start, by local hour, for a zone of this kind (mean about 1 per hour).</summary>
    public static HourlyProfile Pickups(ZoneKind kind) => new(kind switch
    {
        ZoneKind.Central => CentralPickups,
        ZoneKind.Shopping => ShoppingPickups,
        ZoneKind.Residential => ResidentialPickups,
        ZoneKind.Business => BusinessPickups,
        ZoneKind.Airport => AirportPickups,
        ZoneKind.Leisure => LeisurePickups,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown zone kind."),
    });

    /// <summary>How strongly a zone of this kind attracts trips, by local hour.</summary>
    public static HourlyProfile Destinations(ZoneKind kind) => new(kind switch
    {
        ZoneKind.Central => CentralDestinations,
        ZoneKind.Shopping => ShoppingDestinations,
        ZoneKind.Residential => ResidentialDestinations,
        ZoneKind.Business => BusinessDestinations,
        ZoneKind.Airport => AirportDestinations,
        ZoneKind.Leisure => LeisureDestinations,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown zone kind."),
    });

    /// <summary>A zone of a kind, its pickups scaled by <paramref name="size"/> (its share of the city's bookings).</summary>
    public static Zone Zone(string name, double lat, double lng, double radiusKm, ZoneKind kind, double size) =>
        new(name, new Geo.LatLng(lat, lng), radiusKm, Pickups(kind).Scaled(size), Destinations(kind).Scaled(size));
}
