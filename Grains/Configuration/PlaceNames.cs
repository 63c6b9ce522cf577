using SupplyGrid.Geo;

namespace SupplyGrid.Grains.Configuration;

/// <summary>Names a target for a terminal screen: the nearest configured place covering it, else distance and bearing.</summary>
public sealed class PlaceNames
{
    private static readonly string[] Compass = ["N", "NE", "E", "SE", "S", "SW", "W", "NW"];

    private readonly PlaceOptions[] _places;

    public PlaceNames(IEnumerable<PlaceOptions> places) => _places = places.ToArray();

    /// <summary>"Marina Bay", or e.g. "1.4 km NE" seen from <paramref name="from"/>.</summary>
    public string Describe(LatLng target, LatLng from)
    {
        string? best = null;
        var bestKm = double.MaxValue;
        foreach (var place in _places)
        {
            var km = H3.GreatCircleDistanceKm(target, new LatLng(place.Lat, place.Lng));
            if (km <= place.RadiusKm && km < bestKm)
            {
                best = place.Name;
                bestKm = km;
            }
        }

        if (best is not null)
            return best;
        var distance = H3.GreatCircleDistanceKm(from, target);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{distance:0.0} km {Bearing(from, target)}");
    }

    private static string Bearing(LatLng from, LatLng to)
    {
        var lat1 = double.DegreesToRadians(from.Lat);
        var lat2 = double.DegreesToRadians(to.Lat);
        var dLng = double.DegreesToRadians(to.Lng - from.Lng);
        var y = Math.Sin(dLng) * Math.Cos(lat2);
        var x = Math.Cos(lat1) * Math.Sin(lat2) - Math.Sin(lat1) * Math.Cos(lat2) * Math.Cos(dLng);
        var degrees = (double.RadiansToDegrees(Math.Atan2(y, x)) + 360) % 360;
        return Compass[(int)Math.Round(degrees / 45) % 8];
    }
}
