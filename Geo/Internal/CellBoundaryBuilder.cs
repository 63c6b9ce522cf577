namespace SupplyGrid.Geo.Internal;

/// <summary>
/// A cell's boundary as unit vectors, in H3's vertex order. Vertices are found on the vertex
/// substrate grid (aperture 3 below the cell's Class II grid). On Class III resolutions an edge
/// that crosses an icosahedron edge gets an extra vertex where it crosses, so that each half is
/// projected on its own face: up to 10 vertices for a pentagon, 8 for a hexagon.
/// </summary>
internal static class CellBoundaryBuilder
{
    public const int MaxVertices = 10;

    private const int HexagonVertices = 6;
    private const int PentagonVertices = 5;
    private const double Sin60 = 0.8660254037844386467637231707529361834714;

    /// <summary>Vertices of an origin-centred cell on a Class II substrate, ccw from the i axis.</summary>
    private static readonly CoordIjk[] ClassIIVertices =
        [new(2, 1, 0), new(1, 2, 0), new(0, 2, 1), new(0, 1, 2), new(1, 0, 2), new(2, 0, 1)];

    /// <summary>Vertices of an origin-centred cell on a Class III substrate, ccw from the i axis.</summary>
    private static readonly CoordIjk[] ClassIIIVertices =
        [new(5, 4, 0), new(1, 5, 0), new(0, 5, 4), new(0, 1, 5), new(4, 0, 5), new(5, 0, 1)];

    /// <summary>Writes the boundary of a valid cell and returns the vertex count.</summary>
    public static int Build(ulong h, Span<Vec3> vertices)
    {
        var fijk = CellCodec.ToFaceIjk(h);
        int res = IndexBits.Resolution(h);
        return H3Cells.IsPentagon(h)
            ? BuildPentagon(fijk, res, vertices)
            : BuildHexagon(fijk, res, vertices);
    }

    private static int BuildHexagon(FaceIjk center, int res, Span<Vec3> output)
    {
        Span<FaceIjk> corners = stackalloc FaceIjk[HexagonVertices];
        int substrateRes = ToSubstrate(ref center, res, corners);
        bool classIII = (res & 1) != 0;

        int count = 0;
        int lastFace = -1;
        var lastOverage = OverageKind.None;

        // One extra step checks the closing edge for a crossing.
        for (int vert = 0; vert <= HexagonVertices; vert++)
        {
            int v = vert % HexagonVertices;
            var fijk = corners[v];
            var overage = Overage.AdjustClassII(ref fijk, substrateRes, false, true);

            // Class II edges have their vertices on the face edge, so only Class III can cross.
            if (classIII && vert > 0 && fijk.Face != lastFace && lastOverage != OverageKind.FaceEdge)
            {
                int lastV = (v + 5) % HexagonVertices;
                var from = corners[lastV].Coord.ToHex2d();
                var to = corners[v].Coord.ToHex2d();
                int otherFace = lastFace == center.Face ? fijk.Face : lastFace;
                FaceEdge(substrateRes, Icosahedron.AdjacentFaceDirection(center.Face, otherFace), out var edge0, out var edge1);
                var crossing = Vec2.Intersect(from, to, edge0, edge1);

                // A crossing at a vertex leaves both edges on one face: no extra vertex.
                if (!from.AlmostEquals(crossing) && !to.AlmostEquals(crossing))
                    output[count++] = FaceProjection.ToVec3(crossing, center.Face, substrateRes, true);
            }

            if (vert < HexagonVertices)
                output[count++] = FaceProjection.ToVec3(fijk.Coord.ToHex2d(), fijk.Face, substrateRes, true);

            lastFace = fijk.Face;
            lastOverage = overage;
        }
        return count;
    }

    private static int BuildPentagon(FaceIjk center, int res, Span<Vec3> output)
    {
        Span<FaceIjk> corners = stackalloc FaceIjk[PentagonVertices];
        int substrateRes = ToSubstrate(ref center, res, corners);
        bool classIII = (res & 1) != 0;

        int count = 0;
        var last = default(FaceIjk);
        for (int vert = 0; vert <= PentagonVertices; vert++)
        {
            int v = vert % PentagonVertices;
            var fijk = corners[v];
            Overage.AdjustPentagonVertex(ref fijk, substrateRes);

            // Every Class III pentagon edge crosses an icosahedron edge.
            if (classIII && vert > 0)
            {
                var from = last.Coord.ToHex2d();

                // Express this vertex in the last vertex's face and intersect there.
                var orientation = Icosahedron.Neighbors[fijk.Face * 4 + Icosahedron.AdjacentFaceDirection(fijk.Face, last.Face)];
                var moved = fijk.Coord;
                for (int i = 0; i < orientation.CcwRotations; i++)
                    moved.Rotate60Ccw();
                moved = CoordIjk.Sum(moved, orientation.Translate.Scaled(Overage.UnitScaleAt(substrateRes) * 3));
                moved.Normalize();
                var to = moved.ToHex2d();

                FaceEdge(substrateRes, Icosahedron.AdjacentFaceDirection(orientation.Face, fijk.Face), out var edge0, out var edge1);
                var crossing = Vec2.Intersect(from, to, edge0, edge1);
                output[count++] = FaceProjection.ToVec3(crossing, orientation.Face, substrateRes, true);
            }

            if (vert < PentagonVertices)
                output[count++] = FaceProjection.ToVec3(fijk.Coord.ToHex2d(), fijk.Face, substrateRes, true);

            last = fijk;
        }
        return count;
    }

    /// <summary>
    /// Moves the centre onto the vertex substrate grid, writes the corners there and returns the
    /// substrate's Class II resolution.
    /// </summary>
    private static int ToSubstrate(ref FaceIjk center, int res, Span<FaceIjk> corners)
    {
        bool classIII = (res & 1) != 0;
        var offsets = classIII ? ClassIIIVertices : ClassIIVertices;

        // Aperture 3 reaches the vertices; 3r returns to a Class II orientation, and for
        // Class III one more cw aperture 7 does.
        center.Coord.DownAp3();
        center.Coord.DownAp3r();
        if (classIII)
        {
            center.Coord.DownAp7r();
            res++;
        }

        for (int v = 0; v < corners.Length; v++)
        {
            var c = CoordIjk.Sum(center.Coord, offsets[v]);
            c.Normalize();
            corners[v] = new FaceIjk(center.Face, c);
        }
        return res;
    }

    /// <summary>The two corners of the face triangle (on the substrate grid) bounding a quadrant.</summary>
    private static void FaceEdge(int substrateRes, int quadrant, out Vec2 edge0, out Vec2 edge1)
    {
        int maxDim = Overage.MaxDimensionAt(substrateRes);
        var v0 = new Vec2(3.0 * maxDim, 0.0);
        var v1 = new Vec2(-1.5 * maxDim, 3.0 * Sin60 * maxDim);
        var v2 = new Vec2(-1.5 * maxDim, -3.0 * Sin60 * maxDim);
        switch (quadrant)
        {
            case Icosahedron.IJ:
                edge0 = v0;
                edge1 = v1;
                break;
            case Icosahedron.JK:
                edge0 = v1;
                edge1 = v2;
                break;
            default:
                edge0 = v2;
                edge1 = v0;
                break;
        }
    }
}
