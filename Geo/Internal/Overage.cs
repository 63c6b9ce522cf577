namespace SupplyGrid.Geo.Internal;

/// <summary>Where a Class II coordinate lies relative to its face's triangle.</summary>
internal enum OverageKind
{
    /// <summary>Inside the original face.</summary>
    None = 0,

    /// <summary>Exactly on the face edge (only substrate grids).</summary>
    FaceEdge = 1,

    /// <summary>Moved into the interior of a neighbouring face.</summary>
    NewFace = 2,
}

/// <summary>Moves coordinates that spill over a face's edge into the neighbouring face.</summary>
internal static class Overage
{
    /// <summary>Largest i+j+k on a face per Class II resolution (index = resolution).</summary>
    private static ReadOnlySpan<int> MaxDimension =>
        [2, -1, 14, -1, 98, -1, 686, -1, 4802, -1, 33614, -1, 235298, -1, 1647086, -1, 11529602];

    /// <summary>Res 0 face width in Class II units per resolution (index = resolution).</summary>
    private static ReadOnlySpan<int> UnitScale =>
        [1, -1, 7, -1, 49, -1, 343, -1, 2401, -1, 16807, -1, 117649, -1, 823543, -1, 5764801];

    public static int MaxDimensionAt(int classIIRes) => MaxDimension[classIIRes];

    public static int UnitScaleAt(int classIIRes) => UnitScale[classIIRes];

    /// <summary>
    /// Re-expresses <paramref name="fijk"/> (at a Class II resolution) on the face that contains it.
    /// </summary>
    /// <param name="pentagonLeading4">The cell is in a pentagon's leading-4 sub-sequence,
    /// which must be rotated past the deleted K sub-sequence when it crosses the KI edge.</param>
    /// <param name="substrate">The coordinate is on the vertex substrate (3x finer) grid.</param>
    public static OverageKind AdjustClassII(ref FaceIjk fijk, int res, bool pentagonLeading4, bool substrate)
    {
        ref var ijk = ref fijk.Coord;
        int maxDim = MaxDimension[res];
        if (substrate)
            maxDim *= 3;

        int sum = ijk.I + ijk.J + ijk.K;
        if (substrate && sum == maxDim)
            return OverageKind.FaceEdge;
        if (sum <= maxDim)
            return OverageKind.None;

        FaceOrientation orientation;
        if (ijk.K > 0)
        {
            if (ijk.J > 0)
            {
                orientation = Icosahedron.Neighbors[fijk.Face * 4 + Icosahedron.JK];
            }
            else
            {
                orientation = Icosahedron.Neighbors[fijk.Face * 4 + Icosahedron.KI];
                if (pentagonLeading4)
                {
                    // Rotate about the pentagon centre (maxDim, 0, 0) to skip the missing sequence.
                    var origin = new CoordIjk(maxDim, 0, 0);
                    var tmp = CoordIjk.Difference(ijk, origin);
                    tmp.Rotate60Cw();
                    ijk = CoordIjk.Sum(tmp, origin);
                }
            }
        }
        else
        {
            orientation = Icosahedron.Neighbors[fijk.Face * 4 + Icosahedron.IJ];
        }

        fijk.Face = orientation.Face;
        for (int i = 0; i < orientation.CcwRotations; i++)
            ijk.Rotate60Ccw();

        int unitScale = UnitScale[res];
        if (substrate)
            unitScale *= 3;
        ijk = CoordIjk.Sum(ijk, orientation.Translate.Scaled(unitScale));
        ijk.Normalize();

        // Overage points on pentagon boundaries can end up on edges.
        return substrate && ijk.I + ijk.J + ijk.K == maxDim ? OverageKind.FaceEdge : OverageKind.NewFace;
    }

    /// <summary>Adjusts a pentagon vertex (substrate grid) until it rests on its true face.</summary>
    public static OverageKind AdjustPentagonVertex(ref FaceIjk fijk, int res)
    {
        OverageKind overage;
        do
        {
            overage = AdjustClassII(ref fijk, res, false, true);
        }
        while (overage == OverageKind.NewFace);
        return overage;
    }
}
