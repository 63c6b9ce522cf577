using System.Runtime.CompilerServices;

namespace SupplyGrid.Geo.Internal;

/// <summary>A point or direction in 3D (x towards 0°N 0°E, y towards 0°N 90°E, z to the north pole).</summary>
internal readonly record struct Vec3(double X, double Y, double Z)
{
    /// <summary>The unit vector of a latitude/longitude in radians.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec3 FromLatLngRadians(double lat, double lng)
    {
        ReferenceMath.SinCos(lat, out double sinLat, out double cosLat);
        ReferenceMath.SinCos(lng, out double sinLng, out double cosLng);
        return new Vec3(cosLng * cosLat, sinLng * cosLat, sinLat);
    }

    public double LatitudeRadians => ReferenceMath.Asin(Z);

    public double LongitudeRadians => ReferenceMath.Atan2(Y, X);

    /// <summary>a·v1 + b·v2, component by component.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec3 LinearCombination(double a, Vec3 v1, double b, Vec3 v2) =>
        new(a * v1.X + b * v2.X, a * v1.Y + b * v2.Y, a * v1.Z + b * v2.Z);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Dot(Vec3 other) => X * other.X + Y * other.Y + Z * other.Z;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vec3 Cross(Vec3 other) =>
        new(Y * other.Z - Z * other.Y, Z * other.X - X * other.Z, X * other.Y - Y * other.X);

    /// <summary>Squared Euclidean distance, computed as |this - other|².</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double DistanceSquared(Vec3 other)
    {
        double dx = X - other.X, dy = Y - other.Y, dz = Z - other.Z;
        return dx * dx + dy * dy + dz * dz;
    }

    /// <summary>This vector scaled to unit length, or the zero vector if its length is zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vec3 Normalized()
    {
        double norm = Math.Sqrt(Dot(this));
        double s = norm > 0.0 ? 1.0 / norm : 0.0;
        return new Vec3(X * s, Y * s, Z * s);
    }
}
