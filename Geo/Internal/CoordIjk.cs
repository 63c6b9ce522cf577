using System.Runtime.CompilerServices;

namespace SupplyGrid.Geo.Internal;

/// <summary>
/// Hex grid coordinates on three axes 120° apart. Normalized form has no negative component
/// and at least one zero; the methods that change the coordinate leave it normalized.
/// </summary>
internal struct CoordIjk
{
    private const double Sin60 = 0.8660254037844386467637231707529361834714;
    private const double ReciprocalSin60 = 1.1547005383792515290182975610039149112953;

    public int I;
    public int J;
    public int K;

    public CoordIjk(int i, int j, int k)
    {
        I = i;
        J = j;
        K = k;
    }

    public readonly bool IsOrigin => (I | J | K) == 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Normalize()
    {
        if (I < 0)
        {
            J -= I;
            K -= I;
            I = 0;
        }
        if (J < 0)
        {
            I -= J;
            K -= J;
            J = 0;
        }
        if (K < 0)
        {
            I -= K;
            J -= K;
            K = 0;
        }
        int min = I;
        if (J < min) min = J;
        if (K < min) min = K;
        if (min > 0)
        {
            I -= min;
            J -= min;
            K -= min;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static CoordIjk Sum(CoordIjk a, CoordIjk b) => new(a.I + b.I, a.J + b.J, a.K + b.K);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static CoordIjk Difference(CoordIjk a, CoordIjk b) => new(a.I - b.I, a.J - b.J, a.K - b.K);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly CoordIjk Scaled(int factor) => new(I * factor, J * factor, K * factor);

    /// <summary>Moves one step along a digit's unit vector (no move for the center digit).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void StepToward(int digit)
    {
        if (digit is > Digit.Center and < Digit.Invalid)
        {
            I += (digit >> 2) & 1;
            J += (digit >> 1) & 1;
            K += digit & 1;
            Normalize();
        }
    }

    /// <summary>The digit whose unit vector this is, or <see cref="Digit.Invalid"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly int ToDigit()
    {
        var c = this;
        c.Normalize();
        return ((c.I | c.J | c.K) & ~1) == 0 ? (c.I << 2) | (c.J << 1) | c.K : Digit.Invalid;
    }

    /// <summary>The parent-resolution coordinate of a Class II (cw aperture 7) cell.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void UpAp7r()
    {
        int i = I - K, j = J - K;
        I = DivideBy7Rounded(2 * i + j);
        J = DivideBy7Rounded(3 * j - i);
        K = 0;
        Normalize();
    }

    /// <summary>The centre child coordinate at the next finer Class III resolution.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void DownAp7()
    {
        // i -> (3,0,1), j -> (1,3,0), k -> (0,1,3)
        int i = I, j = J, k = K;
        I = 3 * i + j;
        J = 3 * j + k;
        K = i + 3 * k;
        Normalize();
    }

    /// <summary>The centre child coordinate at the next finer Class II resolution.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void DownAp7r()
    {
        // i -> (3,1,0), j -> (0,3,1), k -> (1,0,3)
        int i = I, j = J, k = K;
        I = 3 * i + k;
        J = i + 3 * j;
        K = j + 3 * k;
        Normalize();
    }

    /// <summary>One aperture-3 step finer, counter-clockwise (used to reach vertex substrates).</summary>
    public void DownAp3()
    {
        // i -> (2,0,1), j -> (1,2,0), k -> (0,1,2)
        int i = I, j = J, k = K;
        I = 2 * i + j;
        J = 2 * j + k;
        K = i + 2 * k;
        Normalize();
    }

    /// <summary>One aperture-3 step finer, clockwise.</summary>
    public void DownAp3r()
    {
        // i -> (2,1,0), j -> (0,2,1), k -> (1,0,2)
        int i = I, j = J, k = K;
        I = 2 * i + k;
        J = i + 2 * j;
        K = j + 2 * k;
        Normalize();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Rotate60Ccw()
    {
        // i -> (1,1,0), j -> (0,1,1), k -> (1,0,1)
        int i = I, j = J, k = K;
        I = i + k;
        J = i + j;
        K = j + k;
        Normalize();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Rotate60Cw()
    {
        // i -> (1,0,1), j -> (1,1,0), k -> (0,1,1)
        int i = I, j = J, k = K;
        I = i + j;
        J = j + k;
        K = i + k;
        Normalize();
    }

    /// <summary>Grid distance between two coordinates in the same system.</summary>
    public static int Distance(CoordIjk a, CoordIjk b)
    {
        var d = Difference(a, b);
        d.Normalize();
        return Math.Max(Math.Abs(d.I), Math.Max(Math.Abs(d.J), Math.Abs(d.K)));
    }

    /// <summary>The centre of this cell in the face's 2D hex plane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly Vec2 ToHex2d()
    {
        int i = I - K, j = J - K;
        return new Vec2(i - 0.5 * j, j * Sin60);
    }

    /// <summary>The cell containing a point of the 2D hex plane.</summary>
    public static CoordIjk FromHex2d(Vec2 v)
    {
        double a1 = Math.Abs(v.X);
        double a2 = Math.Abs(v.Y);

        // Reverse conversion into the (i, j) lattice, then round to the containing hexagon.
        double x2 = a2 * ReciprocalSin60;
        double x1 = a1 + x2 / 2.0;
        int m1 = (int)x1;
        int m2 = (int)x2;
        double r1 = x1 - m1;
        double r2 = x2 - m2;

        int i, j;
        if (r1 < 0.5)
        {
            if (r1 < 1.0 / 3.0)
            {
                i = m1;
                j = r2 < (1.0 + r1) / 2.0 ? m2 : m2 + 1;
            }
            else
            {
                j = r2 < 1.0 - r1 ? m2 : m2 + 1;
                i = (1.0 - r1) <= r2 && r2 < 2.0 * r1 ? m1 + 1 : m1;
            }
        }
        else if (r1 < 2.0 / 3.0)
        {
            j = r2 < 1.0 - r1 ? m2 : m2 + 1;
            i = (2.0 * r1 - 1.0) < r2 && r2 < 1.0 - r1 ? m1 : m1 + 1;
        }
        else
        {
            i = m1 + 1;
            j = r2 < r1 / 2.0 ? m2 : m2 + 1;
        }

        // Fold back across the axes into the quadrant of the original point.
        if (v.X < 0.0)
        {
            long axisI = (j % 2) == 0 ? j / 2 : (j + 1) / 2;
            long diff = i - axisI;
            i = (j % 2) == 0 ? (int)(i - 2 * diff) : (int)(i - (2 * diff + 1));
        }
        if (v.Y < 0.0)
        {
            i -= (2 * j + 1) / 2;
            j = -j;
        }

        var result = new CoordIjk(i, j, 0);
        result.Normalize();
        return result;
    }

    /// <summary>n/7 rounded to the nearest integer, exactly as lround(n * (1/7.0)).</summary>
    /// <remarks>
    /// n/7 is never within 1/14 of a half, so floating-point rounding cannot differ from exact
    /// rounding, and exact rounding has no ties: it is floor((n + 3) / 7). The floor is taken
    /// without a sign branch by shifting the dividend positive by a multiple of 7.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int DivideBy7Rounded(int n)
    {
        const long Shift = 7L << 32;
        return (int)((ulong)(n + 3 + Shift) / 7 - (ulong)(Shift / 7));
    }
}
