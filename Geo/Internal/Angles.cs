namespace SupplyGrid.Geo.Internal;

/// <summary>Degree/radian conversion written as h3-js writes it, so edge cases round alike.</summary>
internal static class Angles
{
    public static double ToRadians(double degrees) => (degrees * Math.PI) / 180.0;

    public static double ToDegrees(double radians) => (radians * 180.0) / Math.PI;

    public static LatLng ToLatLngDegrees(Vec3 v) =>
        new(ToDegrees(v.LatitudeRadians), ToDegrees(v.LongitudeRadians));
}
