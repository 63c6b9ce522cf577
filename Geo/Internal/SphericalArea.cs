namespace SupplyGrid.Geo.Internal;

/// <summary>Area of a spherical polygon on the unit sphere.</summary>
internal static class SphericalArea
{
    /// <summary>
    /// The area (steradians) enclosed by a loop of unit vectors, summing Cagnoli's formula per
    /// edge with Kahan compensation; a clockwise loop yields the complement, normalized to
    /// [0, 4π].
    /// </summary>
    public static double LoopRadians2(ReadOnlySpan<Vec3> loop)
    {
        double sum = 0.0, compensation = 0.0;
        for (int i = 0; i < loop.Length; i++)
            Add(ref sum, ref compensation, Cagnoli(loop[i], loop[(i + 1) % loop.Length]));
        if (sum < 0.0)
            Add(ref sum, ref compensation, 4.0 * Math.PI);
        return sum;
    }

    /// <summary>Signed area contribution of the edge from x to y.</summary>
    private static double Cagnoli(Vec3 x, Vec3 y)
    {
        double xLat = x.LatitudeRadians / 2.0 + Math.PI / 4.0;
        double yLat = y.LatitudeRadians / 2.0 + Math.PI / 4.0;
        double sa = ReferenceMath.Sin(xLat) * ReferenceMath.Sin(yLat);
        double ca = ReferenceMath.Cos(xLat) * ReferenceMath.Cos(yLat);
        ReferenceMath.SinCos(y.LongitudeRadians - x.LongitudeRadians, out double sd, out double cd);
        return -2.0 * ReferenceMath.Atan2(sa * sd, sa * cd + ca);
    }

    private static void Add(ref double sum, ref double compensation, double x)
    {
        double y = x - compensation;
        double t = sum + y;
        compensation = (t - sum) - y;
        sum = t;
    }
}
