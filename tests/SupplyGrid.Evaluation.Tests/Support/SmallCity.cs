using SupplyGrid.Geo;
using SupplyGrid.Simulator;

namespace SupplyGrid.Evaluation.Tests;

/// <summary>
/// A square city about 11 km wide on the equator, in UTC, with a west zone A and an east zone B 6.7 km apart, so
/// its numbers are small and its geography easy to reason about.
/// </summary>
internal static class SmallCity
{
    public static readonly GeoBounds Bounds = new(south: 0.0, west: 100.0, north: 0.1, east: 100.1);

    public static readonly LatLng A = new(0.05, 100.02);

    public static readonly LatLng B = new(0.05, 100.08);

    public static readonly DateTimeOffset Start = new(2026, 1, 5, 6, 0, 0, TimeSpan.Zero);

    /// <summary>Bookings from both zones all day, and from anywhere when <paramref name="background"/> is above 0.</summary>
    public static CityMap Create(double background = 0) => new(
        "square",
        "Square",
        TimeZoneInfo.Utc,
        new LandPolygon(Bounds.Corners()),
        hubs: [],
        zones:
        [
            new Zone("A", A, 1.5, HourlyProfile.Flat(1), HourlyProfile.Flat(1)),
            new Zone("B", B, 1.5, HourlyProfile.Flat(1), HourlyProfile.Flat(1)),
        ],
        venues: [],
        HourlyProfile.Flat(background),
        HourlyProfile.Flat(background),
        new FareTariff("SGD", flagDown: 3m, perKm: 1m, perMinute: 0.5m, minimum: 5m, driverShare: 0.8m));

    /// <summary>A fleet always online, pinging every 8 to 12 s.</summary>
    public static SimulationOptions Fleet(int drivers, ulong seed = 7)
    {
        var options = new SimulationOptions { Seed = seed };
        options.Fleet.Drivers = drivers;
        options.Fleet.AlwaysOnline = true;
        options.Movement.PingSecondsMin = 8;
        options.Movement.PingSecondsMax = 12;
        return options;
    }
}
