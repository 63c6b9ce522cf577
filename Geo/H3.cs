using System.Runtime.CompilerServices;
using SupplyGrid.Geo.Internal;

namespace SupplyGrid.Geo;

/// <summary>
/// H3 (version 4 semantics): a hierarchical hexagonal grid on an icosahedron. Results match
/// the reference implementation (h3-js 4.5.0) bit for bit on indexes; see docs/h3.md.
/// </summary>
/// <remarks>
/// Cells passed in must be valid (<see cref="IsValidCell"/>); invalid cells, resolutions
/// outside 0..15 and non-finite coordinates throw <see cref="ArgumentException"/> naming the
/// argument. Operations the reference leaves undefined throw <see cref="H3Exception"/>.
/// All members are thread-safe.
/// </remarks>
public static partial class H3
{
    public const int MaxResolution = IndexBits.MaxResolution;

    /// <summary>The most vertices <see cref="CellToBoundary(H3Index)"/> returns (a Class III pentagon).</summary>
    public const int MaxBoundaryVertices = CellBoundaryBuilder.MaxVertices;

    public const int Res0CellCount = BaseCells.Count;

    public const int PentagonCount = 12;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong RequireValidCell(H3Index cell, [CallerArgumentExpression(nameof(cell))] string? paramName = null)
    {
        if (!H3Cells.IsValidCell(cell.Value))
            ThrowInvalidCell(cell, paramName);
        return cell.Value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RequireResolution(int res, [CallerArgumentExpression(nameof(res))] string? paramName = null)
    {
        if ((uint)res > MaxResolution)
            ThrowResolution(res, paramName);
    }

    private static void ThrowInvalidCell(H3Index cell, string? paramName) =>
        throw new ArgumentException($"{cell} is not a valid H3 cell.", paramName);

    private static void ThrowResolution(int res, string? paramName) =>
        throw new ArgumentOutOfRangeException(paramName, res, $"Resolution must be 0 to {MaxResolution}.");
}
