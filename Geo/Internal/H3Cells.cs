using System.Numerics;

namespace SupplyGrid.Geo.Internal;

/// <summary>Bit-level predicates on raw cell indexes.</summary>
internal static class H3Cells
{
    /// <summary>High bit 0, mode 1 (cell), reserved bits 0.</summary>
    private const ulong ExpectedTopByte = 0b0000_1000;

    /// <summary>The high bit of every digit: 0b100_100_..._100 over the 15 digits.</summary>
    private const ulong DigitHighBits = 0x0000_1249_2492_4924UL;

    public static bool IsValidCell(ulong h)
    {
        if (h >> 56 != ExpectedTopByte)
            return false;
        int res = IndexBits.Resolution(h);
        int baseCell = IndexBits.BaseCell(h);
        if (baseCell >= BaseCells.Count)
            return false;
        return !HasDigit7UpTo(h, res) && HasAll7After(h, res) && !HasDeletedSubsequence(h, baseCell);
    }

    /// <summary>Whether a (valid) cell is one of the 12 pentagons of its resolution.</summary>
    public static bool IsPentagon(ulong h) =>
        BaseCells.IsPentagon(IndexBits.BaseCell(h)) && IndexBits.LeadingNonZeroDigit(h) == Digit.Center;

    /// <summary>Whether any digit 1..res is 7, tested on all digits at once.</summary>
    /// <remarks>
    /// For each digit d, d &amp; 100 &amp; (~d - 001) has its top bit set only when d is 7 (a 7
    /// borrows); a borrow can only disturb digits above the lowest 7, so "any" is exact.
    /// </remarks>
    private static bool HasDigit7UpTo(ulong h, int res)
    {
        const ulong DigitLowBits = DigitHighBits >> 2;
        ulong digits = h & IndexBits.DigitsUpTo(res);
        return (digits & DigitHighBits & (~digits - DigitLowBits)) != 0;
    }

    private static bool HasAll7After(ulong h, int res)
    {
        ulong unused = ~IndexBits.DigitsUpTo(res) & ((1UL << 45) - 1);
        return (h & unused) == unused;
    }

    /// <summary>A pentagon's first non-zero digit cannot be 1 (the deleted K sub-sequence).</summary>
    private static bool HasDeletedSubsequence(ulong h, int baseCell)
    {
        if (!BaseCells.IsPentagon(baseCell))
            return false;
        ulong digits = h & ((1UL << 45) - 1);
        if (digits == 0)
            return false;
        return (63 - BitOperations.LeadingZeroCount(digits)) % 3 == 0;
    }
}
