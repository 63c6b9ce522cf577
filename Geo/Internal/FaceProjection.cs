using System.Runtime.CompilerServices;

namespace SupplyGrid.Geo.Internal;

/// <summary>
/// The gnomonic projection between the sphere and each icosahedron face's 2D hex plane,
/// scaled so that one unit is one cell at the given resolution. Odd (Class III) resolutions
/// are rotated by the aperture-7 angle relative to even ones.
/// </summary>
internal static class FaceProjection
{
    private const double Epsilon = 0.0000000000000001;
    private const double TwoPi = 6.28318530717958647692528676655900576839433;
    private const double Aperture7Rotation = 0.333473172251832115336090755351601070065900389;
    private const double Sqrt7 = 2.6457513110645905905016157536392604257102;
    private const double ReciprocalSqrt7 = 0.37796447300922722721451653623418006081576;
    private const double OneThird = 0.333333333333333333333333333333333333333;

    /// <summary>Gnomonic radius of a res 0 cell, and its inverse.</summary>
    private const double Res0UnitGnomonic = 0.38196601125010500003;
    private const double InverseRes0UnitGnomonic = 2.61803398874989588842;

    /// <summary>The cell containing a unit vector, at a resolution.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FaceIjk ToFaceIjk(Vec3 p, int res)
    {
        var v = ToHex2d(p, res, out int face);
        return new FaceIjk(face, CoordIjk.FromHex2d(v));
    }

    /// <summary>The position of a unit vector in the plane of its closest face.</summary>
    public static Vec2 ToHex2d(Vec3 p, int res, out int face)
    {
        face = ClosestFace(p, out double squaredDistance);

        // cos(r) = 1 - 2 sin²(r/2) = 1 - d²/2 for chord length d.
        double r = ReferenceMath.Acos(1 - squaredDistance * 0.5);
        if (r < Epsilon)
            return default;

        double theta = PositiveAngle(
            Icosahedron.AxisIAzimuths[face] - PositiveAngle(AzimuthFromFaceCenter(face, p)));
        if ((res & 1) != 0)
            theta = PositiveAngle(theta - Aperture7Rotation);

        r = ReferenceMath.Tan(r) * InverseRes0UnitGnomonic;
        for (int i = 0; i < res; i++)
            r *= Sqrt7;

        return new Vec2(r * ReferenceMath.Cos(theta), r * ReferenceMath.Sin(theta));
    }

    /// <summary>The unit vector of a point in a face's plane.</summary>
    /// <param name="substrate">
    /// Whether <paramref name="v"/> is on the vertex substrate grid (one third of a cell, and for
    /// Class III already rotated) rather than the cell grid of <paramref name="res"/>.
    /// </param>
    public static Vec3 ToVec3(Vec2 v, int face, int res, bool substrate)
    {
        double r = v.Magnitude;
        if (r < Epsilon)
            return Icosahedron.Centers[face];

        double theta = ReferenceMath.Atan2(v.Y, v.X);
        for (int i = 0; i < res; i++)
            r *= ReciprocalSqrt7;
        bool classIII = (res & 1) != 0;
        if (substrate)
        {
            r *= OneThird;
            if (classIII)
                r *= ReciprocalSqrt7;
        }
        r = ReferenceMath.Atan(r * Res0UnitGnomonic);

        if (!substrate && classIII)
            theta = PositiveAngle(theta + Aperture7Rotation);
        theta = PositiveAngle(Icosahedron.AxisIAzimuths[face] - theta);

        var direction = Vec3.LinearCombination(
            ReferenceMath.Cos(theta), Icosahedron.CenterNorth[face],
            ReferenceMath.Sin(theta), Icosahedron.CenterEast[face]);
        return Vec3.LinearCombination(ReferenceMath.Cos(r), Icosahedron.Centers[face], ReferenceMath.Sin(r), direction)
            .Normalized();
    }

    /// <summary>The face whose centre is nearest (by chord) and the squared chord length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ClosestFace(Vec3 p, out double squaredDistance)
    {
        var centers = Icosahedron.Centers;
        int face = 0;
        double best = 5.0;
        for (int f = 0; f < centers.Length; f++)
        {
            double d = centers[f].DistanceSquared(p);
            if (d < best)
            {
                face = f;
                best = d;
            }
        }
        squaredDistance = best;
        return face;
    }

    /// <summary>Azimuth (clockwise from north) from a face centre to a point.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double AzimuthFromFaceCenter(int face, Vec3 p)
    {
        var center = Icosahedron.Centers[face];
        var projected = Vec3.LinearCombination(1.0, p, -p.Dot(center), center).Normalized();
        return ReferenceMath.Atan2(projected.Dot(Icosahedron.CenterEast[face]), projected.Dot(Icosahedron.CenterNorth[face]));
    }

    /// <summary>An angle in [0, 2π) given one in [-2π, 4π).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double PositiveAngle(double radians)
    {
        double result = radians < 0.0 ? radians + TwoPi : radians;
        if (radians >= TwoPi)
            result -= TwoPi;
        return result;
    }
}
