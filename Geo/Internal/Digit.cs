namespace SupplyGrid.Geo.Internal;

/// <summary>
/// H3 digits: the aperture-7 child positions, named by the IJK unit vector they step along.
/// A digit's bits are (i, j, k), so K = 1, J = 2, JK = 3, I = 4, IK = 5, IJ = 6.
/// </summary>
internal static class Digit
{
    public const int Center = 0;
    public const int K = 1;
    public const int J = 2;
    public const int JK = 3;
    public const int I = 4;
    public const int IK = 5;
    public const int IJ = 6;
    public const int Invalid = 7;

    private static ReadOnlySpan<byte> CounterClockwise => [0, 5, 3, 1, 6, 4, 2, 7];

    private static ReadOnlySpan<byte> Clockwise => [0, 3, 6, 2, 5, 1, 4, 7];

    public static int Rotate60Ccw(int digit) => CounterClockwise[digit];

    public static int Rotate60Cw(int digit) => Clockwise[digit];
}
