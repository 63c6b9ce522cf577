using System.Runtime.InteropServices;
using SupplyGrid.Geo.Internal;

namespace SupplyGrid.Geo;

public static partial class H3
{
    /// <summary>The cell containing a point (degrees) at a resolution.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="res"/> is not 0..15.</exception>
    /// <exception cref="ArgumentException"><paramref name="lat"/> or <paramref name="lng"/> is NaN or infinite.</exception>
    public static H3Index LatLngToCell(double lat, double lng, int res)
    {
        RequireResolution(res);
        if (!double.IsFinite(lat))
            throw new ArgumentException($"Latitude must be finite, not {lat}.", nameof(lat));
        if (!double.IsFinite(lng))
            throw new ArgumentException($"Longitude must be finite, not {lng}.", nameof(lng));
        return new H3Index(Encode(lat, lng, res));
    }

    /// <summary>The cell containing a point at a resolution.</summary>
    /// <exception cref="ArgumentException"><paramref name="point"/> has a NaN or infinite coordinate.</exception>
    public static H3Index LatLngToCell(LatLng point, int res)
    {
        RequireResolution(res);
        RequireFinite(point);
        return new H3Index(Encode(point.Lat, point.Lng, res));
    }

    /// <summary>
    /// Like <see cref="LatLngToCell(double, double, int)"/>, returning false instead of throwing
    /// for a resolution outside 0..15 or a non-finite coordinate.
    /// </summary>
    public static bool TryLatLngToCell(double lat, double lng, int res, out H3Index cell)
    {
        if ((uint)res > MaxResolution || !double.IsFinite(lat) || !double.IsFinite(lng))
        {
            cell = default;
            return false;
        }
        cell = new H3Index(Encode(lat, lng, res));
        return true;
    }

    private static ulong Encode(double lat, double lng, int res)
    {
        var p = Vec3.FromLatLngRadians(Angles.ToRadians(lat), Angles.ToRadians(lng));
        return CellCodec.FromFaceIjk(FaceProjection.ToFaceIjk(p, res), res);
    }

    /// <summary>The centre of a cell, in degrees.</summary>
    public static LatLng CellToLatLng(H3Index cell)
    {
        ulong h = RequireValidCell(cell);
        var fijk = CellCodec.ToFaceIjk(h);
        var center = FaceProjection.ToVec3(fijk.Coord.ToHex2d(), fijk.Face, IndexBits.Resolution(h), substrate: false);
        return Angles.ToLatLngDegrees(center);
    }

    /// <summary>
    /// The boundary of a cell in degrees, counter-clockwise, in h3-js's vertex order: 6 or 5
    /// vertices, plus one where an edge crosses an icosahedron edge on odd resolutions.
    /// </summary>
    public static LatLng[] CellToBoundary(H3Index cell)
    {
        Span<LatLng> buffer = stackalloc LatLng[MaxBoundaryVertices];
        int count = CellToBoundary(cell, buffer);
        return buffer[..count].ToArray();
    }

    /// <summary>Writes a cell's boundary (see <see cref="CellToBoundary(H3Index)"/>) without allocating.</summary>
    /// <returns>The number of vertices written.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="MaxBoundaryVertices"/>.</exception>
    public static int CellToBoundary(H3Index cell, Span<LatLng> destination)
    {
        ulong h = RequireValidCell(cell);
        if (destination.Length < MaxBoundaryVertices)
            throw new ArgumentException($"Must hold at least {MaxBoundaryVertices} vertices.", nameof(destination));
        Span<Vec3> vertices = stackalloc Vec3[MaxBoundaryVertices];
        int count = CellBoundaryBuilder.Build(h, vertices);
        for (int i = 0; i < count; i++)
            destination[i] = Angles.ToLatLngDegrees(vertices[i]);
        return count;
    }

    /// <summary>Whether an index is a valid H3 cell (mode, reserved bits, base cell, digits).</summary>
    public static bool IsValidCell(H3Index cell) => H3Cells.IsValidCell(cell.Value);

    public static int GetResolution(H3Index cell) => IndexBits.Resolution(RequireValidCell(cell));

    /// <summary>Whether a cell is one of the 12 pentagons of its resolution.</summary>
    public static bool IsPentagon(H3Index cell) => H3Cells.IsPentagon(RequireValidCell(cell));

    /// <summary>Views cells as their raw index values (same layout).</summary>
    private static Span<ulong> AsValues(Span<H3Index> cells) => MemoryMarshal.Cast<H3Index, ulong>(cells);
}
