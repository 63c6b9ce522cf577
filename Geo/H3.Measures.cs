using SupplyGrid.Geo.Internal;

namespace SupplyGrid.Geo;

public static partial class H3
{
    /// <summary>The authalic Earth radius H3 uses.</summary>
    public const double EarthRadiusKm = 6371.007180918475;

    /// <summary>The exact area of a cell on the sphere, in km².</summary>
    public static double CellAreaKm2(H3Index cell)
    {
        ulong h = RequireValidCell(cell);
        Span<Vec3> vertices = stackalloc Vec3[MaxBoundaryVertices];
        int count = CellBoundaryBuilder.Build(h, vertices);
        return SphericalArea.LoopRadians2(vertices[..count]) * EarthRadiusKm * EarthRadiusKm;
    }

    /// <summary>The great-circle (haversine) distance between two points, in km.</summary>
    public static double GreatCircleDistanceKm(LatLng a, LatLng b)
    {
        RequireFinite(a);
        RequireFinite(b);
        double aLat = Angles.ToRadians(a.Lat), aLng = Angles.ToRadians(a.Lng);
        double bLat = Angles.ToRadians(b.Lat), bLng = Angles.ToRadians(b.Lng);
        double sinLat = ReferenceMath.Sin((bLat - aLat) * 0.5);
        double sinLng = ReferenceMath.Sin((bLng - aLng) * 0.5);
        double h = sinLat * sinLat + ReferenceMath.Cos(aLat) * ReferenceMath.Cos(bLat) * sinLng * sinLng;
        return 2 * ReferenceMath.Atan2(Math.Sqrt(h), Math.Sqrt(1 - h)) * EarthRadiusKm;
    }

    private static void RequireFinite(LatLng point, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(point))] string? paramName = null)
    {
        if (!double.IsFinite(point.Lat) || !double.IsFinite(point.Lng))
            throw new ArgumentException($"Coordinates must be finite, not {point}.", paramName);
    }
}
