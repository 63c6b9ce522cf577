using SupplyGrid.Geo;

namespace SupplyGrid.Dashboard.Tests.Hosting;

/// <summary>
/// A morning in Singapore for the pages to show: drivers spread around residential towns, bookings crowding the CBD and
/// Orchard (so those cells run short and the grid offers moves), and one quiet probe cell at Sentosa whose supply a
/// test changes to watch the page update live.
/// </summary>
internal static class CityScene
{
    public static readonly LatLng Probe = new(1.2494, 103.8303);
    public const int ProbeDrivers = 2;

    private static readonly (string Name, LatLng Centre, int Drivers, int Bookings)[] s_hubs =
    [
        ("raffles", new(1.2840, 103.8515), 4, 60),
        ("tanjong-pagar", new(1.2764, 103.8440), 20, 2),
        ("river-valley", new(1.2930, 103.8380), 14, 2),
        ("orchard", new(1.3040, 103.8318), 5, 26),
        ("marina", new(1.2834, 103.8607), 4, 14),
        ("bugis", new(1.3008, 103.8558), 8, 12),
        ("toa-payoh", new(1.3343, 103.8563), 18, 6),
        ("bishan", new(1.3508, 103.8485), 16, 5),
        ("ang-mo-kio", new(1.3691, 103.8454), 20, 6),
        ("tampines", new(1.3525, 103.9447), 22, 9),
        ("jurong-east", new(1.3331, 103.7420), 20, 10),
        ("woodlands", new(1.4360, 103.7865), 14, 4),
        ("punggol", new(1.4043, 103.9021), 12, 4),
        ("changi", new(1.3644, 103.9915), 6, 12),
    ];

    /// <summary>Pings every driver and creates every booking of the scene; about 190 drivers and 170 bookings.</summary>
    public static async Task PlayAsync(DashboardSilo silo)
    {
        var random = new Random(20261122);
        var work = new List<Task>();
        foreach (var (name, centre, drivers, bookings) in s_hubs)
        {
            for (var i = 0; i < drivers; i++)
                work.Add(silo.PingAsync($"drv-{name}-{i}", Near(random, centre, 0.012)));
            for (var i = 0; i < bookings; i++)
                work.Add(silo.BookAsync($"bkg-{name}-{i}", Near(random, centre, 0.006)));
        }

        for (var i = 0; i < ProbeDrivers; i++)
            work.Add(silo.PingAsync($"drv-probe-{i}", Probe));
        await Task.WhenAll(work);
    }

    // A point around the centre, denser near it (the mean of two uniform offsets).
    private static LatLng Near(Random random, LatLng centre, double spreadDegrees)
    {
        double Offset() => (random.NextDouble() + random.NextDouble() - 1) * spreadDegrees;
        return new LatLng(centre.Lat + Offset(), centre.Lng + Offset());
    }
}
