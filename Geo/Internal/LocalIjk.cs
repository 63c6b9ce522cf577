namespace SupplyGrid.Geo.Internal;

/// <summary>
/// Coordinates of a cell in the IJK system of an origin cell's base cell, unfolding at most
/// one base-cell boundary. Undefined (E_FAILED) across non-neighbouring base cells and for
/// several directions around pentagons, exactly where the reference gives up.
/// </summary>
internal static class LocalIjk
{
    // [leading digit * 7 + direction]: 60° cw rotations that unfold a pentagon's neighbourhood.
    private static ReadOnlySpan<sbyte> PentagonRotations =>
    [
        0, -1, 0, 0, 0, 0, 0,
        -1, -1, -1, -1, -1, -1, -1,
        0, -1, 0, 0, 0, 1, 0,
        0, -1, 0, 0, 1, 1, 0,
        0, -1, 0, 5, 0, 0, 0,
        0, -1, 5, 5, 0, 0, 0,
        0, -1, 0, 0, 0, 0, 0,
    ];

    // [leading digit * 7 + direction]: pairs the reference refuses to unfold.
    private static ReadOnlySpan<bool> FailedDirections =>
    [
        false, false, false, false, false, false, false,
        false, false, false, false, false, false, false,
        false, false, false, false, true, true, false,
        false, false, false, false, true, false, true,
        false, false, true, true, false, false, false,
        false, false, true, false, false, false, true,
        false, false, false, true, false, true, false,
    ];

    /// <summary>Grid distance between two valid cells of the same resolution.</summary>
    /// <returns>0 on success, or the H3 error code.</returns>
    public static int TryDistance(ulong origin, ulong destination, out int distance)
    {
        distance = 0;
        int error = TryToLocal(origin, origin, out var originIjk);
        if (error != 0)
            return error;
        error = TryToLocal(origin, destination, out var destinationIjk);
        if (error != 0)
            return error;
        distance = CoordIjk.Distance(originIjk, destinationIjk);
        return 0;
    }

    /// <summary>The coordinates of <paramref name="h"/> relative to <paramref name="origin"/>'s base cell.</summary>
    public static int TryToLocal(ulong origin, ulong h, out CoordIjk result)
    {
        result = default;
        int res = IndexBits.Resolution(origin);
        int originBaseCell = IndexBits.BaseCell(origin);
        int baseCell = IndexBits.BaseCell(h);

        int dir = Digit.Center;
        int revDir = Digit.Center;
        if (originBaseCell != baseCell)
        {
            dir = BaseCells.DirectionTo(originBaseCell, baseCell);
            if (dir == Digit.Invalid)
                return (int)H3ErrorCode.Failed;
            revDir = BaseCells.DirectionTo(baseCell, originBaseCell);
        }

        bool originOnPentagon = BaseCells.IsPentagon(originBaseCell);
        bool indexOnPentagon = BaseCells.IsPentagon(baseCell);

        if (dir != Digit.Center)
        {
            // Undo the rotation into the neighbouring base cell's orientation.
            int baseCellRotations = BaseCells.NeighborRotations(originBaseCell, dir);
            for (int i = 0; i < baseCellRotations; i++)
            {
                if (indexOnPentagon)
                {
                    h = IndexBits.RotatePentagon60Cw(h);
                    revDir = Digit.Rotate60Cw(revDir);
                    if (revDir == Digit.K)
                        revDir = Digit.Rotate60Cw(revDir);
                }
                else
                {
                    h = IndexBits.Rotate60Cw(h);
                    revDir = Digit.Rotate60Cw(revDir);
                }
            }
        }

        var ijk = default(CoordIjk);
        CellCodec.DescendFromBaseCell(h, ref ijk);

        if (dir != Digit.Center)
        {
            int pentagonRotations = 0;
            int directionRotations = 0;
            if (originOnPentagon)
            {
                int originLeadingDigit = IndexBits.LeadingNonZeroDigit(origin);
                if (FailedDirections[originLeadingDigit * 7 + dir])
                    return (int)H3ErrorCode.Failed;
                directionRotations = PentagonRotations[originLeadingDigit * 7 + dir];
                pentagonRotations = directionRotations;
            }
            else if (indexOnPentagon)
            {
                int indexLeadingDigit = IndexBits.LeadingNonZeroDigit(h);
                if (FailedDirections[indexLeadingDigit * 7 + revDir])
                    return (int)H3ErrorCode.Failed;
                pentagonRotations = PentagonRotations[revDir * 7 + indexLeadingDigit];
            }

            for (int i = 0; i < pentagonRotations; i++)
                ijk.Rotate60Cw();

            // The neighbouring base cell's centre, scaled down to this resolution.
            var offset = default(CoordIjk);
            offset.StepToward(dir);
            for (int r = res; r >= 1; r--)
            {
                if ((r & 1) != 0)
                    offset.DownAp7();
                else
                    offset.DownAp7r();
            }
            for (int i = 0; i < directionRotations; i++)
                offset.Rotate60Cw();

            ijk = CoordIjk.Sum(ijk, offset);
            ijk.Normalize();
        }
        else if (originOnPentagon && indexOnPentagon)
        {
            int originLeadingDigit = IndexBits.LeadingNonZeroDigit(origin);
            int indexLeadingDigit = IndexBits.LeadingNonZeroDigit(h);
            if (FailedDirections[originLeadingDigit * 7 + indexLeadingDigit])
                return (int)H3ErrorCode.Failed;
            int withinPentagonRotations = PentagonRotations[originLeadingDigit * 7 + indexLeadingDigit];
            for (int i = 0; i < withinPentagonRotations; i++)
                ijk.Rotate60Cw();
        }

        result = ijk;
        return 0;
    }
}
