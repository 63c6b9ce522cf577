using SupplyGrid.Geo;
using SupplyGrid.Simulator;

namespace SupplyGrid.Simulator.Tests;

/// <summary>Small hand-made cities whose numbers can be worked out by hand.</summary>
internal static class TestCities
{
    /// <summary>A 0.1 by 0.1 degree square at the equator (about 11 by 11 km), UTC, without zones.</summary>
    public static readonly GeoBounds SquareBounds = new(south: 0.0, west: 100.0, north: 0.1, east: 100.1);

    public static readonly FareTariff Tariff = new("SGD", flagDown: 3m, perKm: 1m, perMinute: 0.5m, minimum: 5m, driverShare: 0.8m);

    /// <summary>
    /// The square with two zones. "A" (west) has weight 1 every hour; "B" (east) has weight 3 from 08:00 to 09:00
    /// local and 1 otherwise; nothing elsewhere. Destinations: both zones weigh 1.
    /// </summary>
    public static CityMap TwoZones(TimeZoneInfo? zone = null, IReadOnlyList<Venue>? venues = null)
    {
        var b = new double[24];
        Array.Fill(b, 1.0);
        b[8] = 3.0;
        return new CityMap(
            "two-zones",
            "Two zones",
            zone ?? TimeZoneInfo.Utc,
            new LandPolygon(SquareBounds.Corners()),
            hubs: [],
            zones:
            [
                new Zone("A", new LatLng(0.05, 100.02), 1.0, HourlyProfile.Flat(1), HourlyProfile.Flat(1)),
                new Zone("B", new LatLng(0.05, 100.08), 1.0, new HourlyProfile(b), HourlyProfile.Flat(1)),
            ],
            venues: venues ?? [],
            HourlyProfile.Flat(0),
            HourlyProfile.Flat(0),
            Tariff);
    }

    public static CityMap Square() => new(
        "square",
        "Square",
        TimeZoneInfo.Utc,
        new LandPolygon(SquareBounds.Corners()),
        hubs: [],
        zones: [],
        venues: [],
        HourlyProfile.Flat(1),
        HourlyProfile.Flat(1),
        Tariff);
}
