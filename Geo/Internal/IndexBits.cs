using System.Numerics;
using System.Runtime.CompilerServices;

namespace SupplyGrid.Geo.Internal;

/// <summary>
/// The H3 index bit layout: 1 reserved high bit, 4 mode bits, 3 reserved bits, 4 resolution
/// bits, 7 base-cell bits and fifteen 3-bit digits (resolution 1 in the most significant).
/// Digits after the resolution are 7.
/// </summary>
internal static class IndexBits
{
    public const int MaxResolution = 15;
    public const int CellMode = 1;

    private const int ModeOffset = 59;
    private const int ResolutionOffset = 52;
    private const int BaseCellOffset = 45;
    private const ulong ResolutionMask = 15UL << ResolutionOffset;
    private const ulong BaseCellMask = 127UL << BaseCellOffset;
    private const ulong AllDigitsMask = (1UL << 45) - 1;

    /// <summary>Lowest bit of every digit: 0b001_001_..._001 over the 15 digits.</summary>
    private const ulong DigitLowBits = 0x0000_0492_4924_9249UL;

    /// <summary>A cell-mode index at <paramref name="res"/> with every digit 7 and base cell 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong CellTemplate(int res) =>
        ((ulong)CellMode << ModeOffset) | ((ulong)res << ResolutionOffset) | AllDigitsMask;

    /// <summary>The cell <paramref name="baseCell"/> at <paramref name="res"/> with digits 1..res set to 0.</summary>
    public static ulong CenterDescendant(int baseCell, int res) =>
        WithBaseCell(CellTemplate(res), baseCell) & ~DigitsUpTo(res);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Resolution(ulong h) => (int)((h >> ResolutionOffset) & 15);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int BaseCell(ulong h) => (int)((h >> BaseCellOffset) & 127);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong WithResolution(ulong h, int res) =>
        (h & ~ResolutionMask) | ((ulong)res << ResolutionOffset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong WithBaseCell(ulong h, int baseCell) =>
        (h & ~BaseCellMask) | ((ulong)baseCell << BaseCellOffset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int GetDigit(ulong h, int res) => (int)((h >> DigitShift(res)) & 7);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong WithDigit(ulong h, int res, int digit)
    {
        int shift = DigitShift(res);
        return (h & ~(7UL << shift)) | ((ulong)digit << shift);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int DigitShift(int res) => (MaxResolution - res) * 3;

    /// <summary>Mask of the bits of digits 1..<paramref name="res"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong DigitsUpTo(int res) => AllDigitsMask & ~((1UL << DigitShift(res)) - 1);

    /// <summary>The first non-zero digit among 1..res, or 0 when all are 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int LeadingNonZeroDigit(ulong h)
    {
        ulong digits = h & DigitsUpTo(Resolution(h));
        if (digits == 0)
            return Digit.Center;
        int highestBit = 63 - BitOperations.LeadingZeroCount(digits);
        int shift = highestBit - highestBit % 3;
        return (int)((digits >> shift) & 7);
    }

    /// <summary>Rotates digits 1..res by 60° counter-clockwise, all at once.</summary>
    /// <remarks>
    /// With the digit bits (i, j, k), a ccw step maps K→IK, IK→I, I→IJ, IJ→J, J→JK, JK→K, which
    /// is i' = (i|k)&amp;~j, j' = (i|j)&amp;~k, k' = (j|k)&amp;~i applied to every digit in parallel.
    /// Only valid digits (0..6) may be rotated.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Rotate60Ccw(ulong h)
    {
        ulong lows = DigitLowBits & DigitsUpTo(Resolution(h));
        ulong i = (h >> 2) & lows, j = (h >> 1) & lows, k = h & lows;
        ulong rotated = (((i | k) & ~j) << 2) | (((i | j) & ~k) << 1) | ((j | k) & ~i);
        return (h & ~(lows * 7)) | rotated;
    }

    /// <summary>Rotates digits 1..res by 60° clockwise (the inverse of <see cref="Rotate60Ccw"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Rotate60Cw(ulong h)
    {
        ulong lows = DigitLowBits & DigitsUpTo(Resolution(h));
        ulong i = (h >> 2) & lows, j = (h >> 1) & lows, k = h & lows;
        ulong rotated = (((i | j) & ~k) << 2) | (((j | k) & ~i) << 1) | ((i | k) & ~j);
        return (h & ~(lows * 7)) | rotated;
    }

    /// <summary>
    /// Rotates a pentagon-based index 60° ccw; if that lands in the deleted K sub-sequence the
    /// index is rotated once more, out of it.
    /// </summary>
    public static ulong RotatePentagon60Ccw(ulong h)
    {
        h = Rotate60Ccw(h);
        return LeadingNonZeroDigit(h) == Digit.K ? Rotate60Ccw(h) : h;
    }

    /// <summary>Clockwise counterpart of <see cref="RotatePentagon60Ccw"/>.</summary>
    public static ulong RotatePentagon60Cw(ulong h)
    {
        h = Rotate60Cw(h);
        return LeadingNonZeroDigit(h) == Digit.K ? Rotate60Cw(h) : h;
    }
}
