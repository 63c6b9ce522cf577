namespace SupplyGrid.Geo.Internal;

/// <summary>
/// One step from a cell to its neighbour in a digit direction, working on the index digits
/// directly (carrying into coarser digits and, at the top, into the neighbouring base cell).
/// </summary>
internal static class NeighborStep
{
    /// <summary>The direction sequence that walks once around a ring, starting after an I step.</summary>
    public static ReadOnlySpan<byte> RingDirections => [Digit.J, Digit.JK, Digit.K, Digit.IK, Digit.I, Digit.IJ];

    public const int NextRingDirection = Digit.I;

    // [old digit * 7 + direction]: the new digit, and the direction carried into the parent.
    // Odd (Class III) resolutions use the ...ClassII tables and even ones the ...ClassIII tables.
    private static ReadOnlySpan<byte> NewDigitClassII =>
    [
        0, 1, 2, 3, 4, 5, 6,
        1, 4, 3, 6, 5, 2, 0,
        2, 3, 1, 4, 6, 0, 5,
        3, 6, 4, 5, 0, 1, 2,
        4, 5, 6, 0, 2, 3, 1,
        5, 2, 0, 1, 3, 6, 4,
        6, 0, 5, 2, 1, 4, 3,
    ];

    private static ReadOnlySpan<byte> CarryClassII =>
    [
        0, 0, 0, 0, 0, 0, 0,
        0, 1, 0, 1, 0, 5, 0,
        0, 0, 2, 3, 0, 0, 2,
        0, 1, 3, 3, 0, 0, 0,
        0, 0, 0, 0, 4, 4, 6,
        0, 5, 0, 0, 4, 5, 0,
        0, 0, 2, 0, 6, 0, 6,
    ];

    private static ReadOnlySpan<byte> NewDigitClassIII =>
    [
        0, 1, 2, 3, 4, 5, 6,
        1, 2, 3, 4, 5, 6, 0,
        2, 3, 4, 5, 6, 0, 1,
        3, 4, 5, 6, 0, 1, 2,
        4, 5, 6, 0, 1, 2, 3,
        5, 6, 0, 1, 2, 3, 4,
        6, 0, 1, 2, 3, 4, 5,
    ];

    private static ReadOnlySpan<byte> CarryClassIII =>
    [
        0, 0, 0, 0, 0, 0, 0,
        0, 1, 0, 3, 0, 1, 0,
        0, 0, 2, 2, 0, 0, 6,
        0, 3, 2, 3, 0, 0, 0,
        0, 0, 0, 0, 4, 5, 4,
        0, 1, 0, 0, 5, 5, 0,
        0, 0, 6, 0, 4, 0, 6,
    ];

    /// <summary>
    /// Finds the neighbour of a valid cell in direction <paramref name="direction"/> after
    /// <paramref name="rotations"/> 60° ccw turns, and updates the turns needed to keep heading
    /// the same way in the neighbour's coordinate system.
    /// </summary>
    /// <returns>0 on success, or the H3 error: <see cref="H3ErrorCode.Pentagon"/> for the deleted
    /// direction of a pentagon, <see cref="H3ErrorCode.Failed"/> where the reference fails.</returns>
    public static int Try(ulong origin, int direction, ref int rotations, out ulong neighbor)
    {
        ulong current = origin;
        neighbor = 0;
        rotations %= 6;
        for (int i = 0; i < rotations; i++)
            direction = Digit.Rotate60Ccw(direction);

        int newRotations = 0;
        int oldBaseCell = IndexBits.BaseCell(current);
        int oldLeadingDigit = IndexBits.LeadingNonZeroDigit(current);

        int r = IndexBits.Resolution(current);
        while (true)
        {
            if (r == 0)
            {
                int baseCell = BaseCells.Neighbor(oldBaseCell, direction);
                newRotations = BaseCells.NeighborRotations(oldBaseCell, direction);
                if (baseCell == BaseCells.InvalidBaseCell)
                {
                    // The deleted K vertex of a pentagon: this edge borders the IK neighbour.
                    baseCell = BaseCells.Neighbor(oldBaseCell, Digit.IK);
                    newRotations = BaseCells.NeighborRotations(oldBaseCell, Digit.IK);
                    current = IndexBits.Rotate60Ccw(current);
                    rotations++;
                }
                current = IndexBits.WithBaseCell(current, baseCell);
                break;
            }

            int oldDigit = IndexBits.GetDigit(current, r);
            int slot = oldDigit * 7 + direction;
            int carry;
            if ((r & 1) != 0)
            {
                current = IndexBits.WithDigit(current, r, NewDigitClassII[slot]);
                carry = CarryClassII[slot];
            }
            else
            {
                current = IndexBits.WithDigit(current, r, NewDigitClassIII[slot]);
                carry = CarryClassIII[slot];
            }
            if (carry == Digit.Center)
                break;
            direction = carry;
            r--;
        }

        int newBaseCell = IndexBits.BaseCell(current);
        if (BaseCells.IsPentagon(newBaseCell))
        {
            bool alreadyAdjustedKSubsequence = false;

            // Force the index out of the pentagon's missing K sub-sequence.
            if (IndexBits.LeadingNonZeroDigit(current) == Digit.K)
            {
                if (oldBaseCell != newBaseCell)
                {
                    // Entered the deleted sub-sequence from a neighbouring base cell.
                    current = BaseCells.IsClockwiseOffset(newBaseCell, BaseCells.Home(oldBaseCell).Face)
                        ? IndexBits.Rotate60Cw(current)
                        : IndexBits.Rotate60Ccw(current);
                    alreadyAdjustedKSubsequence = true;
                }
                else
                {
                    switch (oldLeadingDigit)
                    {
                        case Digit.Center:
                            // The K direction is deleted from here.
                            return (int)H3ErrorCode.Pentagon;
                        case Digit.JK:
                            current = IndexBits.Rotate60Ccw(current);
                            rotations++;
                            break;
                        case Digit.IK:
                            current = IndexBits.Rotate60Cw(current);
                            rotations += 5;
                            break;
                        default:
                            return (int)H3ErrorCode.Failed;
                    }
                }
            }

            for (int i = 0; i < newRotations; i++)
                current = IndexBits.RotatePentagon60Ccw(current);

            // Account for the differing orientation of the base cells.
            if (oldBaseCell != newBaseCell)
            {
                if (BaseCells.IsPolarPentagon(newBaseCell))
                {
                    // Polar pentagons have all their neighbours oriented towards them.
                    if (oldBaseCell != 118 && oldBaseCell != 8 && IndexBits.LeadingNonZeroDigit(current) != Digit.JK)
                        rotations++;
                }
                else if (IndexBits.LeadingNonZeroDigit(current) == Digit.IK && !alreadyAdjustedKSubsequence)
                {
                    // Distortion the deleted K sub-sequence introduces to the IK neighbour.
                    rotations++;
                }
            }
        }
        else
        {
            for (int i = 0; i < newRotations; i++)
                current = IndexBits.Rotate60Ccw(current);
        }

        rotations = (rotations + newRotations) % 6;
        neighbor = current;
        return 0;
    }
}
