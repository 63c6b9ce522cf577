using SupplyGrid.Geo;

namespace SupplyGrid.Simulator;

/// <summary>City presets: a Singapore-like city for the default run and New York for replaying recorded pickups.</summary>
public static class Cities
{
    public const string SingaporeId = "singapore";
    public const string NewYorkId = "new-york";

    private static readonly Lazy<CityMap> LazySingapore = new(BuildSingapore);
    private static readonly Lazy<CityMap> LazyNewYork = new(BuildNewYork);

    /// <summary>
    /// The main island of Singapore as a coarse polygon (about 60 vertices, accurate to a few hundred metres: the
    /// bays inside the coast, the reservoirs and Jurong Island are left out; Sentosa is joined by its causeway),
    /// with 16 zones, the National Stadium as the event venue (19:30 to 22:30 every day) and an SGD tariff.
    /// </summary>
    public static CityMap Singapore => LazySingapore.Value;

    /// <summary>
    /// New York for replay: the five boroughs' bounding box (40.49 to 40.92 N, 74.27 to 73.68 W) as the land, no
    /// coastline (paths may cross the rivers as if bridged everywhere), demand from the replayed records, a USD tariff.
    /// </summary>
    public static CityMap NewYork => LazyNewYork.Value;

    /// <summary>The preset with this id (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No preset has that id.</exception>
    public static CityMap ById(string id) => id?.ToLowerInvariant() switch
    {
        SingaporeId => Singapore,
        NewYorkId or "nyc" or "newyork" => NewYork,
        _ => throw new ArgumentException($"Unknown city '{id}'; known cities: {SingaporeId}, {NewYorkId}.", nameof(id)),
    };

    private static CityMap BuildSingapore()
    {
        LatLng[] coast =
        [
            // West: Tuas, then north along the Johor Strait.
            new(1.2900, 103.6200), new(1.3200, 103.6300), new(1.3480, 103.6360), new(1.3800, 103.6600),
            new(1.4150, 103.6800), new(1.4350, 103.7000), new(1.4470, 103.7250), new(1.4400, 103.7500),
            // North: Woodlands, Sembawang, the Seletar inlet, Punggol.
            new(1.4480, 103.7690), new(1.4540, 103.7850), new(1.4600, 103.8050), new(1.4680, 103.8200),
            new(1.4620, 103.8380), new(1.4450, 103.8500), new(1.4200, 103.8640), new(1.4180, 103.8800),
            new(1.4230, 103.9000), new(1.4210, 103.9100), new(1.4120, 103.9220), new(1.3950, 103.9370),
            // North-east: Pasir Ris, Changi Village, the airport's reclaimed east.
            new(1.3860, 103.9550), new(1.3830, 103.9750), new(1.3930, 103.9900), new(1.3850, 104.0030),
            new(1.3700, 104.0150), new(1.3400, 104.0200),
            // East Coast to Marina South.
            new(1.3250, 103.9900), new(1.3150, 103.9650), new(1.3050, 103.9350), new(1.2990, 103.9100),
            new(1.2960, 103.8900), new(1.2880, 103.8760), new(1.2780, 103.8700), new(1.2680, 103.8620),
            new(1.2640, 103.8480), new(1.2640, 103.8350),
            // HarbourFront, down the causeway, round Sentosa and back up.
            new(1.2650, 103.8225), new(1.2585, 103.8225), new(1.2575, 103.8300), new(1.2560, 103.8410),
            new(1.2500, 103.8470), new(1.2450, 103.8420), new(1.2430, 103.8330), new(1.2440, 103.8230),
            new(1.2480, 103.8110), new(1.2545, 103.8060), new(1.2575, 103.8120), new(1.2585, 103.8195),
            new(1.2650, 103.8195),
            // South-west: Labrador, Pasir Panjang, West Coast, Jurong, Tuas South.
            new(1.2660, 103.8100), new(1.2700, 103.7950), new(1.2760, 103.7750), new(1.2830, 103.7600),
            new(1.2950, 103.7450), new(1.3000, 103.7250), new(1.3020, 103.7050), new(1.2980, 103.6850),
            new(1.2850, 103.6600), new(1.2700, 103.6400),
        ];
        Zone[] zones =
        [
            ZoneProfiles.Zone("Marina Bay/CBD", 1.2830, 103.8530, 1.5, ZoneKind.Central, 1.6),
            ZoneProfiles.Zone("Orchard", 1.3040, 103.8320, 1.2, ZoneKind.Shopping, 1.0),
            ZoneProfiles.Zone("Jurong East", 1.3330, 103.7420, 2.0, ZoneKind.Business, 1.0),
            ZoneProfiles.Zone("Jurong West", 1.3400, 103.7060, 2.0, ZoneKind.Residential, 0.8),
            ZoneProfiles.Zone("Tampines", 1.3530, 103.9450, 2.0, ZoneKind.Residential, 1.0),
            ZoneProfiles.Zone("Woodlands", 1.4360, 103.7865, 2.0, ZoneKind.Residential, 0.8),
            ZoneProfiles.Zone("Changi Airport", 1.3590, 103.9890, 1.5, ZoneKind.Airport, 0.7),
            ZoneProfiles.Zone("Punggol", 1.4050, 103.9020, 1.8, ZoneKind.Residential, 0.7),
            ZoneProfiles.Zone("Bishan/Ang Mo Kio", 1.3580, 103.8470, 2.0, ZoneKind.Residential, 0.9),
            ZoneProfiles.Zone("Clementi", 1.3150, 103.7650, 1.5, ZoneKind.Residential, 0.6),
            ZoneProfiles.Zone("Sentosa", 1.2490, 103.8300, 1.2, ZoneKind.Leisure, 0.3),
            ZoneProfiles.Zone("Bedok", 1.3240, 103.9300, 1.8, ZoneKind.Residential, 0.8),
            ZoneProfiles.Zone("Yishun", 1.4290, 103.8350, 1.8, ZoneKind.Residential, 0.7),
            ZoneProfiles.Zone("one-north", 1.2990, 103.7870, 1.0, ZoneKind.Business, 0.5),
            ZoneProfiles.Zone("Toa Payoh", 1.3343, 103.8563, 1.2, ZoneKind.Residential, 0.6),
            ZoneProfiles.Zone("Geylang/Kallang", 1.3130, 103.8800, 1.2, ZoneKind.Central, 0.5),
        ];
        LatLng[] junctions =
        [
            new(1.2700, 103.8210), new(1.2618, 103.8210), new(1.2520, 103.8210), // HarbourFront, causeway, Sentosa
            new(1.2750, 103.8600), new(1.2900, 103.7600), new(1.3200, 103.6500), // Marina South, West Coast, Tuas
            new(1.4100, 103.7100), new(1.4200, 103.7500), new(1.4000, 103.8700), // Lim Chu Kang, Kranji, Seletar
            new(1.3720, 103.9490), new(1.3800, 103.9850),                        // Pasir Ris, Changi Village
        ];
        var venue = new Venue("National Stadium", new LatLng(1.3040, 103.8740), 0.5, TimeSpan.FromHours(19.5), TimeSpan.FromHours(3));
        return new CityMap(
            SingaporeId,
            "Singapore",
            TimeZoneInfo.FindSystemTimeZoneById("Asia/Singapore"),
            new LandPolygon(coast),
            [.. zones.Select(z => z.Centre), .. junctions],
            zones,
            [venue],
            ZoneProfiles.Pickups(ZoneKind.Residential),
            ZoneProfiles.Destinations(ZoneKind.Residential),
            new FareTariff("SGD", flagDown: 3.90m, perKm: 0.65m, perMinute: 0.30m, minimum: 6.00m, driverShare: 0.80m));
    }

    private static CityMap BuildNewYork()
    {
        var bounds = new GeoBounds(south: 40.49, west: -74.27, north: 40.92, east: -73.68);
        return new CityMap(
            NewYorkId,
            "New York",
            TimeZoneInfo.FindSystemTimeZoneById("America/New_York"),
            new LandPolygon(bounds.Corners()),
            hubs: [],
            zones: [],
            venues: [],
            HourlyProfile.Flat(1),
            HourlyProfile.Flat(1),
            new FareTariff("USD", flagDown: 3.00m, perKm: 1.34m, perMinute: 0.40m, minimum: 8.00m, driverShare: 0.75m));
    }
}
