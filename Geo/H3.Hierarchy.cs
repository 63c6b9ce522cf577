using SupplyGrid.Geo.Internal;

namespace SupplyGrid.Geo;

public static partial class H3
{
    /// <summary>The ancestor of a cell at a coarser (or the same) resolution.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="parentRes"/> is not 0..resolution of the cell.</exception>
    public static H3Index CellToParent(H3Index cell, int parentRes)
    {
        ulong h = RequireValidCell(cell);
        int res = IndexBits.Resolution(h);
        if ((uint)parentRes > (uint)res)
            throw new ArgumentOutOfRangeException(nameof(parentRes), parentRes, $"Must be 0 to the cell's resolution {res}.");
        ulong unusedDigits = IndexBits.DigitsUpTo(res) & ~IndexBits.DigitsUpTo(parentRes);
        return new H3Index(IndexBits.WithResolution(h | unusedDigits, parentRes));
    }

    /// <summary>The number of descendants of a cell at a finer (or the same) resolution.</summary>
    public static long CellToChildrenSize(H3Index cell, int childRes)
    {
        ulong h = RequireValidCell(cell);
        RequireChildResolution(h, childRes);
        return ChildCount(h, childRes);
    }

    /// <summary>All descendants of a cell at a finer (or the same) resolution, in ascending index order.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="childRes"/> is not resolution of the cell..15,
    /// or the children would not fit in an array.</exception>
    public static H3Index[] CellToChildren(H3Index cell, int childRes)
    {
        ulong h = RequireValidCell(cell);
        RequireChildResolution(h, childRes);
        long count = ChildCount(h, childRes);
        if (count > Array.MaxLength)
            throw new ArgumentOutOfRangeException(nameof(childRes), childRes, $"{count} children do not fit in an array.");

        var children = new H3Index[count];
        var values = AsValues(children);
        int parentRes = IndexBits.Resolution(h);
        bool pentagon = H3Cells.IsPentagon(h);
        ulong child = CenterChild(h, childRes);
        for (int written = 0; written < values.Length; child = NextSibling(child, parentRes, childRes))
        {
            // A pentagon's descendants skip its deleted K sub-sequence.
            if (!pentagon || IndexBits.LeadingNonZeroDigit(child) != Digit.K)
                values[written++] = child;
        }
        return children;
    }

    /// <summary>The descendant at the centre of a cell, at a finer (or the same) resolution.</summary>
    public static H3Index CellToCenterChild(H3Index cell, int childRes)
    {
        ulong h = RequireValidCell(cell);
        RequireChildResolution(h, childRes);
        return new H3Index(CenterChild(h, childRes));
    }

    private static void RequireChildResolution(ulong h, int childRes)
    {
        int res = IndexBits.Resolution(h);
        if (childRes < res || childRes > MaxResolution)
            throw new ArgumentOutOfRangeException(nameof(childRes), childRes, $"Must be the cell's resolution {res} to {MaxResolution}.");
    }

    private static long ChildCount(ulong h, int childRes)
    {
        long sevenToN = 1;
        for (int r = IndexBits.Resolution(h); r < childRes; r++)
            sevenToN *= 7;
        return H3Cells.IsPentagon(h) ? 1 + 5 * (sevenToN - 1) / 6 : sevenToN;
    }

    private static ulong CenterChild(ulong h, int childRes)
    {
        ulong newDigits = IndexBits.DigitsUpTo(childRes) & ~IndexBits.DigitsUpTo(IndexBits.Resolution(h));
        return IndexBits.WithResolution(h & ~newDigits, childRes);
    }

    /// <summary>Counts digits parentRes+1..childRes up in base 7.</summary>
    private static ulong NextSibling(ulong child, int parentRes, int childRes)
    {
        for (int r = childRes; r > parentRes; r--)
        {
            int digit = IndexBits.GetDigit(child, r) + 1;
            if (digit < Digit.Invalid)
                return IndexBits.WithDigit(child, r, digit);
            child = IndexBits.WithDigit(child, r, Digit.Center);
        }
        return child;
    }
}
