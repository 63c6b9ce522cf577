using System.Runtime.CompilerServices;
using SupplyGrid.Geo;

namespace SupplyGrid.Simulator;

/// <summary>
/// Flat-earth geometry for city scales: an equirectangular projection at the mean latitude of the points involved.
/// Within 50 km it agrees with the great-circle distance to better than 0.1%, and it costs one cosine.
/// </summary>
public static class GeoMath
{
    public const double EarthRadiusKm = 6371.0088;

    /// <summary>Kilometres per degree of latitude.</summary>
    public const double KmPerDegree = EarthRadiusKm * Math.PI / 180.0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double DistanceKm(LatLng a, LatLng b)
    {
        double cos = Math.Cos((a.Lat + b.Lat) * (Math.PI / 360.0));
        double dx = (b.Lng - a.Lng) * cos;
        double dy = b.Lat - a.Lat;
        return Math.Sqrt(dx * dx + dy * dy) * KmPerDegree;
    }

    /// <summary>Compass bearing from <paramref name="from"/> to <paramref name="to"/>, degrees in [0, 360).</summary>
    public static double BearingDeg(LatLng from, LatLng to)
    {
        double cos = Math.Cos((from.Lat + to.Lat) * (Math.PI / 360.0));
        double deg = Math.Atan2((to.Lng - from.Lng) * cos, to.Lat - from.Lat) * (180.0 / Math.PI);
        if (deg < 0)
            deg += 360.0;
        return deg >= 360.0 ? 0.0 : deg;
    }

    /// <summary>The point <paramref name="eastKm"/> east and <paramref name="northKm"/> north of <paramref name="origin"/>.</summary>
    public static LatLng Offset(LatLng origin, double eastKm, double northKm)
    {
        double lat = origin.Lat + northKm / KmPerDegree;
        double cos = Math.Cos((origin.Lat + lat) * (Math.PI / 360.0));
        return new LatLng(lat, origin.Lng + eastKm / (KmPerDegree * cos));
    }

    /// <summary>The point a fraction <paramref name="t"/> of the way from <paramref name="a"/> to <paramref name="b"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LatLng Lerp(LatLng a, LatLng b, double t) =>
        new(a.Lat + (b.Lat - a.Lat) * t, a.Lng + (b.Lng - a.Lng) * t);
}
