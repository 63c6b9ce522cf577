using SupplyGrid.Geo.Internal;

namespace SupplyGrid.Geo;

public static partial class H3
{
    /// <summary>The largest k for which a disk fits in an array.</summary>
    public const int MaxGridDiskK = 26_754;

    /// <summary>The number of cells in a k-disk away from pentagons, 3k(k+1)+1: the buffer
    /// size <see cref="GridDisk(H3Index, int, Span{H3Index})"/> needs.</summary>
    public static int MaxGridDiskSize(int k)
    {
        RequireDiskRadius(k);
        return (int)GridDiskWalker.MaxSize(k);
    }

    /// <summary>All cells within <paramref name="k"/> steps of <paramref name="origin"/>, in no particular order.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is negative or above <see cref="MaxGridDiskK"/>.</exception>
    public static H3Index[] GridDisk(H3Index origin, int k)
    {
        var cells = new H3Index[MaxGridDiskSize(k)];
        int count = GridDisk(origin, k, cells);
        if (count < cells.Length)
            Array.Resize(ref cells, count);
        return cells;
    }

    /// <summary>Writes the k-disk of <paramref name="origin"/> without allocating (except around pentagons).</summary>
    /// <returns>The number of cells written: <see cref="MaxGridDiskSize"/>, or fewer near a pentagon.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="MaxGridDiskSize"/>.</exception>
    public static int GridDisk(H3Index origin, int k, Span<H3Index> destination)
    {
        ulong h = RequireValidCell(origin);
        int size = MaxGridDiskSize(k);
        if (destination.Length < size)
            throw new ArgumentException($"Must hold at least {size} cells for k = {k}.", nameof(destination));
        return GridDiskWalker.Fill(h, k, AsValues(destination));
    }

    /// <summary>The number of steps between two cells of the same resolution.</summary>
    /// <exception cref="H3Exception">The distance is undefined here, as in h3-js: different
    /// resolutions (<see cref="H3ErrorCode.ResolutionMismatch"/>), cells too far apart or on
    /// opposite sides of a pentagon (<see cref="H3ErrorCode.Failed"/>).</exception>
    public static int GridDistance(H3Index a, H3Index b)
    {
        ulong origin = RequireValidCell(a);
        ulong destination = RequireValidCell(b);
        if (IndexBits.Resolution(origin) != IndexBits.Resolution(destination))
            throw new H3Exception(H3ErrorCode.ResolutionMismatch, $"Cells {a} and {b} have different resolutions.");
        int error = LocalIjk.TryDistance(origin, destination, out int distance);
        if (error != 0)
            throw new H3Exception((H3ErrorCode)error, $"The grid distance from {a} to {b} is undefined.");
        return distance;
    }

    private static void RequireDiskRadius(int k)
    {
        if ((uint)k > MaxGridDiskK)
            throw new ArgumentOutOfRangeException(nameof(k), k, $"Must be 0 to {MaxGridDiskK}.");
    }
}
