namespace SupplyGrid.Grains.Configuration;

/// <summary>The default city: Singapore with a few well-known areas named for terminal screens.</summary>
internal static class SingaporeDefaults
{
    public static CityOptions Create() => new()
    {
        Places =
        [
            Place("Marina Bay", 1.2834, 103.8607),
            Place("Raffles Place", 1.2840, 103.8515),
            Place("Orchard", 1.3048, 103.8318),
            Place("Bugis", 1.3009, 103.8559),
            Place("Chinatown", 1.2836, 103.8444),
            Place("Tanjong Pagar", 1.2764, 103.8458),
            Place("Novena", 1.3204, 103.8438),
            Place("Toa Payoh", 1.3343, 103.8563),
            Place("Bishan", 1.3508, 103.8485),
            Place("Ang Mo Kio", 1.3691, 103.8454),
            Place("Serangoon", 1.3554, 103.8679),
            Place("Paya Lebar", 1.3177, 103.8927),
            Place("Tampines", 1.3540, 103.9451),
            Place("Pasir Ris", 1.3731, 103.9493),
            Place("Changi Airport", 1.3644, 103.9915, 2.5),
            Place("Punggol", 1.4043, 103.9022),
            Place("Sengkang", 1.3917, 103.8950),
            Place("Woodlands", 1.4370, 103.7865),
            Place("Yishun", 1.4294, 103.8355),
            Place("Jurong East", 1.3330, 103.7436),
            Place("Clementi", 1.3150, 103.7652),
            Place("Buona Vista", 1.3072, 103.7904),
            Place("HarbourFront", 1.2653, 103.8220),
            Place("Sentosa", 1.2494, 103.8303),
            Place("Bukit Timah", 1.3294, 103.8021),
            Place("Geylang", 1.3201, 103.8918),
        ],
    };

    private static PlaceOptions Place(string name, double lat, double lng, double radiusKm = 1.5) =>
        new() { Name = name, Lat = lat, Lng = lng, RadiusKm = radiusKm };
}
