namespace SupplyGrid.Geo.Internal;

/// <summary>Conversion between face-centred IJK coordinates and H3 cell indexes.</summary>
internal static class CellCodec
{
    private const int MaxFaceCoordinate = 2;

    /// <summary>The index of the cell at <paramref name="fijk"/>, or 0 if it is off the grid.</summary>
    public static ulong FromFaceIjk(FaceIjk fijk, int res)
    {
        ulong h = IndexBits.CellTemplate(res);
        var ijk = fijk.Coord;

        // Walk up from the finest resolution; each step's offset from its parent's centre
        // child is that resolution's digit.
        for (int r = res; r >= 1; r--)
        {
            var last = ijk;
            CoordIjk center;
            if ((r & 1) != 0)
            {
                ijk.UpAp7();
                center = ijk;
                center.DownAp7();
            }
            else
            {
                ijk.UpAp7r();
                center = ijk;
                center.DownAp7r();
            }
            h = IndexBits.WithDigit(h, r, CoordIjk.Difference(last, center).ToDigit());
        }

        if (ijk.I > MaxFaceCoordinate || ijk.J > MaxFaceCoordinate || ijk.K > MaxFaceCoordinate)
            return 0;

        int baseCell = BaseCells.At(fijk.Face, ijk);
        h = IndexBits.WithBaseCell(h, baseCell);

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
