namespace SupplyGrid.Geo.Internal;

/// <summary>Conversion between face-centred IJK coordinates and H3 cell indexes.</summary>
internal static class CellCodec
{
    private const int MaxFaceCoordinate = 2;

    /// <summary>The index of the cell at <paramref name="fijk"/>, or 0 if it is off the grid.</summary>
    public static ulong FromFaceIjk(FaceIjk fijk, int res)
    {
        // Walk up from the finest resolution; each step's offset from its parent's centre
        // child is that resolution's digit. The walk runs on axial coordinates (i - k, j - k),
        // in which the aperture-7 steps are linear and need no normalization.
        int x = fijk.Coord.I - fijk.Coord.K;
        int y = fijk.Coord.J - fijk.Coord.K;
        ulong digits = 0;
        for (int r = res; r >= 1; r--)
        {
            int parentX, parentY, centerX, centerY;
            if ((r & 1) != 0)
            {
                // Class III: up a ccw aperture 7, then back down to the parent's centre child.
                parentX = CoordIjk.DivideBy7Rounded(3 * x - y);
                parentY = CoordIjk.DivideBy7Rounded(x + 2 * y);
                centerX = 2 * parentX + parentY;
                centerY = 3 * parentY - parentX;
            }
            else
            {
                // Class II: the cw aperture 7 counterpart.
                parentX = CoordIjk.DivideBy7Rounded(2 * x + y);
                parentY = CoordIjk.DivideBy7Rounded(3 * y - x);
                centerX = 3 * parentX - parentY;
                centerY = parentX + 2 * parentY;
            }
            digits |= (ulong)AxialUnitDigit(x - centerX, y - centerY) << IndexBits.DigitShift(r);
            x = parentX;
            y = parentY;
        }

        var ijk = new CoordIjk(x, y, 0);
        ijk.Normalize();
        if (ijk.I > MaxFaceCoordinate || ijk.J > MaxFaceCoordinate || ijk.K > MaxFaceCoordinate)
            return 0;

        int baseCell = BaseCells.At(fijk.Face, ijk);
        ulong h = IndexBits.WithBaseCell((IndexBits.CellTemplate(res) & ~IndexBits.DigitsUpTo(res)) | digits, baseCell);

        // Rotate into the base cell's canonical orientation.
        int rotations = BaseCells.RotationsAt(fijk.Face, ijk);
        if (BaseCells.IsPentagon(baseCell))
        {
            if (IndexBits.LeadingNonZeroDigit(h) == Digit.K)
            {
                h = BaseCells.IsClockwiseOffset(baseCell, fijk.Face)
                    ? IndexBits.Rotate60Cw(h)
                    : IndexBits.Rotate60Ccw(h);
            }
            for (int i = 0; i < rotations; i++)
                h = IndexBits.RotatePentagon60Ccw(h);
        }
        else
        {
            for (int i = 0; i < rotations; i++)
                h = IndexBits.Rotate60Ccw(h);
        }
        return h;
    }

    /// <summary>The digit of an axial unit offset, indexed by (dx + 1) * 3 + (dy + 1).</summary>
    private static ReadOnlySpan<byte> AxialUnitDigits =>
        [Digit.K, Digit.JK, Digit.Invalid, Digit.IK, Digit.Center, Digit.J, Digit.Invalid, Digit.I, Digit.IJ];

    private static int AxialUnitDigit(int dx, int dy) =>
        (uint)(dx + 1) <= 2 && (uint)(dy + 1) <= 2 ? AxialUnitDigits[(dx + 1) * 3 + dy + 1] : Digit.Invalid;

    /// <summary>The face and coordinates of a valid cell's centre.</summary>
    public static FaceIjk ToFaceIjk(ulong h)
    {
        int baseCell = IndexBits.BaseCell(h);
        int res = IndexBits.Resolution(h);
        bool pentagon = BaseCells.IsPentagon(baseCell);

        // All of a pentagon's sub-sequence 5 (and some of 4, below) needs adjusting for the
        // missing K sub-sequence.
        if (pentagon && IndexBits.LeadingNonZeroDigit(h) == Digit.IK)
            h = IndexBits.Rotate60Cw(h);

        var fijk = BaseCells.Home(baseCell);
        if (!DescendFromBaseCell(h, ref fijk.Coord))
            return fijk;

        // The cell may lie on a neighbouring face ("overage"); that is decided on a Class II grid.
        var original = fijk.Coord;
        int classIIRes = res;
        if ((res & 1) != 0)
        {
            fijk.Coord.DownAp7r();
            classIIRes++;
        }

        bool pentagonLeading4 = pentagon && IndexBits.LeadingNonZeroDigit(h) == Digit.I;
        if (Overage.AdjustClassII(ref fijk, classIIRes, pentagonLeading4, false) != OverageKind.None)
        {
            // A pentagon can spill over more than one face edge.
            if (pentagon)
            {
                while (Overage.AdjustClassII(ref fijk, classIIRes, false, false) != OverageKind.None)
                {
                }
            }
            if (classIIRes != res)
                fijk.Coord.UpAp7r();
        }
        else if (classIIRes != res)
        {
            fijk.Coord = original;
        }
        return fijk;
    }

    /// <summary>
    /// Applies the digits of <paramref name="h"/> to its base cell's coordinates (in that base
    /// cell's face or local system).
    /// </summary>
    /// <returns>Whether the cell could lie off the base cell's home face.</returns>
    public static bool DescendFromBaseCell(ulong h, ref CoordIjk ijk)
    {
        int res = IndexBits.Resolution(h);
        bool possibleOverage = BaseCells.IsPentagon(IndexBits.BaseCell(h)) || (res != 0 && !ijk.IsOrigin);

        for (int r = 1; r <= res; r++)
        {
            if ((r & 1) != 0)
                ijk.DownAp7();
            else
                ijk.DownAp7r();
            ijk.StepToward(IndexBits.GetDigit(h, r));
        }
        return possibleOverage;
    }
}
