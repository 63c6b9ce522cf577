using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

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
    private static Vec2 ToHex2d(Vec3 p, int res, out int face)
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

        ReferenceMath.SinCos(theta, out double sin, out double cos);
        return new Vec2(r * cos, r * sin);
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

        ReferenceMath.SinCos(theta, out double sinTheta, out double cosTheta);
        ReferenceMath.SinCos(r, out double sinR, out double cosR);
        var direction = Vec3.LinearCombination(cosTheta, Icosahedron.CenterNorth[face], sinTheta, Icosahedron.CenterEast[face]);
        return Vec3.LinearCombination(cosR, Icosahedron.Centers[face], sinR, direction).Normalized();
    }

    /// <summary>The face whose centre is nearest (by chord) and the squared chord length.</summary>
    /// <remarks>
    /// Four faces per vector; lane-wise IEEE arithmetic (no fused multiply-add) gives the same
    /// bits as the scalar |c - p|², and ties go to the lowest face number as in a scalar scan.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ClosestFace(Vec3 p, out double squaredDistance)
    {
        var px = Vector256.Create(p.X);
        var py = Vector256.Create(p.Y);
        var pz = Vector256.Create(p.Z);
        var d0 = SquaredDistances(0, px, py, pz);
        var d1 = SquaredDistances(1, px, py, pz);
        var d2 = SquaredDistances(2, px, py, pz);
        var d3 = SquaredDistances(3, px, py, pz);
        var d4 = SquaredDistances(4, px, py, pz);
        var lanes = Vector256.Min(Vector256.Min(Vector256.Min(d0, d1), Vector256.Min(d2, d3)), d4);
        double min = Math.Min(Math.Min(lanes[0], lanes[1]), Math.Min(lanes[2], lanes[3]));
        squaredDistance = min;

        var target = Vector256.Create(min);
        uint hits = Vector256.Equals(d0, target).ExtractMostSignificantBits()
            | (Vector256.Equals(d1, target).ExtractMostSignificantBits() << 4)
            | (Vector256.Equals(d2, target).ExtractMostSignificantBits() << 8)
            | (Vector256.Equals(d3, target).ExtractMostSignificantBits() << 12)
            | (Vector256.Equals(d4, target).ExtractMostSignificantBits() << 16);
        return BitOperations.TrailingZeroCount(hits);
    }

    /// <summary>|c - p|² for the four faces 4·block .. 4·block + 3.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> SquaredDistances(int block, Vector256<double> px, Vector256<double> py, Vector256<double> pz)
    {
        var dx = CenterXs[block] - px;
        var dy = CenterYs[block] - py;
        var dz = CenterZs[block] - pz;
        return dx * dx + dy * dy + dz * dz;
    }

    private static readonly Vector256<double>[] CenterXs = FaceBlocks(c => c.X);
    private static readonly Vector256<double>[] CenterYs = FaceBlocks(c => c.Y);
    private static readonly Vector256<double>[] CenterZs = FaceBlocks(c => c.Z);

    private static Vector256<double>[] FaceBlocks(Func<Vec3, double> component)
    {
        var values = Icosahedron.Centers.Select(component).ToArray();
        var blocks = new Vector256<double>[Icosahedron.FaceCount / 4];
        for (int block = 0; block < blocks.Length; block++)
            blocks[block] = Vector256.Create(values.AsSpan(block * 4, 4));
        return blocks;
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
    private static double PositiveAngle(double radians)
    {
        double result = radians < 0.0 ? radians + TwoPi : radians;
        if (radians >= TwoPi)
            result -= TwoPi;
        return result;
    }
}
