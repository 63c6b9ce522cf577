namespace SupplyGrid.Geo.Internal;

/// <summary>All cells within k steps of an origin.</summary>
internal static class GridDiskWalker
{
    /// <summary>The number of cells in a k-disk of hexagons: 3k(k+1)+1.</summary>
    public static long MaxSize(int k) => 3L * k * (k + 1) + 1;

    /// <summary>Writes the disk to <paramref name="output"/> (at least <see cref="MaxSize"/> long).</summary>
    /// <returns>The number of cells written: fewer than the maximum only near pentagons.</returns>
    public static int Fill(ulong origin, int k, Span<ulong> output)
    {
        if (TryWalkRings(origin, k, output))
            return (int)MaxSize(k);
        return Search(origin, k, output);
    }

    /// <summary>
    /// Walks the rings outwards, which is exact while no pentagon is met; returns false (with
    /// the output incomplete) when one is.
    /// </summary>
    private static bool TryWalkRings(ulong origin, int k, Span<ulong> output)
    {
        int count = 0;
        output[count++] = origin;
        if (H3Cells.IsPentagon(origin))
            return false;

        var ringDirections = NeighborStep.RingDirections;
        int rotations = 0;
        ulong current = origin;
        for (int ring = 1; ring <= k; ring++)
        {
            // Step out to the next ring; it is written when the walk around the ring returns to it.
            if (NeighborStep.Try(current, NeighborStep.NextRingDirection, ref rotations, out current) != 0
                || H3Cells.IsPentagon(current))
                return false;

            for (int side = 0; side < 6; side++)
            {
                for (int step = 0; step < ring; step++)
                {
                    if (NeighborStep.Try(current, ringDirections[side], ref rotations, out current) != 0)
                        return false;
                    output[count++] = current;
                    if (H3Cells.IsPentagon(current))
                        return false;
                }
            }
        }
        return true;
    }

    /// <summary>Breadth-first search over neighbours: correct around pentagons, and slower.</summary>
    private static int Search(ulong origin, int k, Span<ulong> output)
    {
        var seen = new HashSet<ulong> { origin };
        output[0] = origin;
        int count = 1;
        int frontierStart = 0;
        for (int distance = 0; distance < k && frontierStart < count; distance++)
        {
            int frontierEnd = count;
            for (int n = frontierStart; n < frontierEnd; n++)
            {
                foreach (var direction in NeighborStep.RingDirections)
                {
                    int rotations = 0;
                    int error = NeighborStep.Try(output[n], direction, ref rotations, out ulong neighbor);
                    if (error == (int)H3ErrorCode.Pentagon)
                        continue;
                    if (error != 0)
                        throw new H3Exception((H3ErrorCode)error, $"The disk around {origin:x} cannot be traversed.");
                    if (seen.Add(neighbor))
                        output[count++] = neighbor;
                }
            }
            frontierStart = frontierEnd;
        }
        return count;
    }
}
