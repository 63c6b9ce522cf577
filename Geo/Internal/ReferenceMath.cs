using System.Runtime.CompilerServices;

namespace SupplyGrid.Geo.Internal;

/// <summary>
/// Trigonometric functions rounded exactly like the JavaScript engine that runs h3-js.
/// </summary>
/// <remarks>
/// h3-js is the H3 C library compiled to asm.js, so its sin/cos/tan/asin/acos/atan/atan2 are
/// V8's <c>Math.*</c>, which follow the fdlibm algorithms (Sun Microsystems, freely
/// distributable). .NET's <see cref="Math"/> calls the C runtime instead, which differs from
/// fdlibm in the last bit for a few percent of arguments; that is harmless for coordinates but
/// moves points that lie exactly on a cell edge into the neighbouring cell. The polynomial
/// coefficients below are fdlibm's (they are what makes the rounding identical); the
/// arithmetic is written to evaluate in the same order.
///
/// Arguments beyond 2^19·π/2 radians (about 4.7e7 degrees) need fdlibm's multi-precision
/// reduction; those fall back to <see cref="Math"/> (see docs/h3.md, deviations).
/// </remarks>
internal static partial class ReferenceMath
{
    private const double PiOver2Hi = 1.57079632679489655800e+00; // 0x3FF921FB54442D18
    private const double PiOver2Lo = 6.12323399573676603587e-17; // 0x3C91A62633145C07
    private const double PiOver4Hi = 7.85398163397448278999e-01; // 0x3FE921FB54442D18
    private const double Pi = 3.14159265358979311600e+00;

    // Rational approximation of (asin(x) - x) / x^3, shared by asin and acos.
    private const double PS0 = 1.66666666666666657415e-01;
    private const double PS1 = -3.25565818622400915405e-01;
    private const double PS2 = 2.01212532134862925881e-01;
    private const double PS3 = -4.00555345006794114027e-02;
    private const double PS4 = 7.91534994289814532176e-04;
    private const double PS5 = 3.47933107596021167570e-05;
    private const double QS1 = -2.40339491173441421878e+00;
    private const double QS2 = 2.02094576023350569471e+00;
    private const double QS3 = -6.88283971605453293030e-01;
    private const double QS4 = 7.70381505559019352791e-02;

    public static double Sin(double x)
    {
        int ix = HighWord(x) & 0x7FFFFFFF;
        if (ix <= 0x3FE921FB)
            return KernelSin(x, 0.0, false);
        if (ix >= 0x7FF00000)
            return x - x;
        int n = ReduceByPiOver2(x, out double y0, out double y1);
        return (n & 3) switch
        {
            0 => KernelSin(y0, y1, true),
            1 => KernelCos(y0, y1),
            2 => -KernelSin(y0, y1, true),
            _ => -KernelCos(y0, y1),
        };
    }

    public static double Cos(double x)
    {
        int ix = HighWord(x) & 0x7FFFFFFF;
        if (ix <= 0x3FE921FB)
            return KernelCos(x, 0.0);
        if (ix >= 0x7FF00000)
            return x - x;
        int n = ReduceByPiOver2(x, out double y0, out double y1);
        return (n & 3) switch
        {
            0 => KernelCos(y0, y1),
            1 => -KernelSin(y0, y1, true),
            2 => -KernelCos(y0, y1),
            _ => KernelSin(y0, y1, true),
        };
    }

    /// <summary>Sin and Cos of one angle, sharing the argument reduction (same bits as each alone).</summary>
    public static void SinCos(double x, out double sin, out double cos)
    {
        int ix = HighWord(x) & 0x7FFFFFFF;
        if (ix <= 0x3FE921FB)
        {
            sin = KernelSin(x, 0.0, false);
            cos = KernelCos(x, 0.0);
            return;
        }
        if (ix >= 0x7FF00000)
        {
            sin = cos = x - x;
            return;
        }
        int n = ReduceByPiOver2(x, out double y0, out double y1);
        double s = KernelSin(y0, y1, true);
        double c = KernelCos(y0, y1);
        switch (n & 3)
        {
            case 0:
                sin = s;
                cos = c;
                break;
            case 1:
                sin = c;
                cos = -s;
                break;
            case 2:
                sin = -s;
                cos = -c;
                break;
            default:
                sin = -c;
                cos = s;
                break;
        }
    }

    public static double Tan(double x)
    {
        int ix = HighWord(x) & 0x7FFFFFFF;
        if (ix <= 0x3FE921FB)
            return KernelTan(x, 0.0, 1);
        if (ix >= 0x7FF00000)
            return x - x;
        int n = ReduceByPiOver2(x, out double y0, out double y1);
        return KernelTan(y0, y1, 1 - ((n & 1) << 1));
    }

    public static double Asin(double x)
    {
        int hx = HighWord(x);
        int ix = hx & 0x7FFFFFFF;
        if (ix >= 0x3FF00000)
        {
            if (((ix - 0x3FF00000) | (int)LowWord(x)) == 0)
                return x * PiOver2Hi + x * PiOver2Lo;
            return double.NaN;
        }
        if (ix < 0x3FE00000)
        {
            if (ix < 0x3E400000)
                return x;
            double t2 = x * x;
            double p2 = t2 * (PS0 + t2 * (PS1 + t2 * (PS2 + t2 * (PS3 + t2 * (PS4 + t2 * PS5)))));
            double q2 = 1.0 + t2 * (QS1 + t2 * (QS2 + t2 * (QS3 + t2 * QS4)));
            return x + x * (p2 / q2);
        }
        double w = 1.0 - Math.Abs(x);
        double t = w * 0.5;
        double p = t * (PS0 + t * (PS1 + t * (PS2 + t * (PS3 + t * (PS4 + t * PS5)))));
        double q = 1.0 + t * (QS1 + t * (QS2 + t * (QS3 + t * QS4)));
        double s = Math.Sqrt(t);
        if (ix >= 0x3FEF3333)
        {
            w = p / q;
            t = PiOver2Hi - (2.0 * (s + s * w) - PiOver2Lo);
        }
        else
        {
            w = ClearLowWord(s);
            double c = (t - w * w) / (s + w);
            double r = p / q;
            p = 2.0 * s * r - (PiOver2Lo - 2.0 * c);
            q = PiOver4Hi - 2.0 * w;
            t = PiOver4Hi - (p - q);
        }
        return hx > 0 ? t : -t;
    }

    public static double Acos(double x)
    {
        int hx = HighWord(x);
        int ix = hx & 0x7FFFFFFF;
        if (ix >= 0x3FF00000)
        {
            if (((ix - 0x3FF00000) | (int)LowWord(x)) == 0)
                return hx > 0 ? 0.0 : Pi + 2.0 * PiOver2Lo;
            return double.NaN;
        }
        if (ix < 0x3FE00000)
        {
            if (ix <= 0x3C600000)
                return PiOver2Hi + PiOver2Lo;
            double z0 = x * x;
            double p0 = z0 * (PS0 + z0 * (PS1 + z0 * (PS2 + z0 * (PS3 + z0 * (PS4 + z0 * PS5)))));
            double q0 = 1.0 + z0 * (QS1 + z0 * (QS2 + z0 * (QS3 + z0 * QS4)));
            return PiOver2Hi - (x - (PiOver2Lo - x * (p0 / q0)));
        }
        if (hx < 0)
        {
            double z1 = (1.0 + x) * 0.5;
            double p1 = z1 * (PS0 + z1 * (PS1 + z1 * (PS2 + z1 * (PS3 + z1 * (PS4 + z1 * PS5)))));
            double q1 = 1.0 + z1 * (QS1 + z1 * (QS2 + z1 * (QS3 + z1 * QS4)));
            double s1 = Math.Sqrt(z1);
            double w1 = (p1 / q1) * s1 - PiOver2Lo;
            return Pi - 2.0 * (s1 + w1);
        }
        double z = (1.0 - x) * 0.5;
        double s = Math.Sqrt(z);
        double df = ClearLowWord(s);
        double c = (z - df * df) / (s + df);
        double p = z * (PS0 + z * (PS1 + z * (PS2 + z * (PS3 + z * (PS4 + z * PS5)))));
        double q = 1.0 + z * (QS1 + z * (QS2 + z * (QS3 + z * QS4)));
        double w = (p / q) * s + c;
        return 2.0 * (df + w);
    }

    private static ReadOnlySpan<double> AtanHi =>
    [
        4.63647609000806093515e-01, 7.85398163397448278999e-01,
        9.82793723247329054082e-01, 1.57079632679489655800e+00,
    ];

    private static ReadOnlySpan<double> AtanLo =>
    [
        2.26987774529616870924e-17, 3.06161699786838301793e-17,
        1.39033110312309984516e-17, 6.12323399573676603587e-17,
    ];

    public static double Atan(double x)
    {
        int hx = HighWord(x);
        int ix = hx & 0x7FFFFFFF;
        int id;
        if (ix >= 0x44100000)
        {
            if (double.IsNaN(x))
                return x + x;
            return hx > 0 ? AtanHi[3] + AtanLo[3] : -AtanHi[3] - AtanLo[3];
        }
        if (ix < 0x3FDC0000)
        {
            if (ix < 0x3E400000)
                return x;
            id = -1;
        }
        else
        {
            x = Math.Abs(x);
            if (ix < 0x3FF30000)
            {
                if (ix < 0x3FE60000)
                {
                    id = 0;
                    x = (2.0 * x - 1.0) / (2.0 + x);
                }
                else
                {
                    id = 1;
                    x = (x - 1.0) / (x + 1.0);
                }
            }
            else if (ix < 0x40038000)
            {
                id = 2;
                x = (x - 1.5) / (1.0 + 1.5 * x);
            }
            else
            {
                id = 3;
                x = -1.0 / x;
            }
        }
        double z = x * x;
        double w = z * z;
        double s1 = z * (3.33333333333329318027e-01 + w * (1.42857142725034663711e-01
            + w * (9.09088713343650656196e-02 + w * (6.66107313738753120669e-02
            + w * (4.97687799461593236017e-02 + w * 1.62858201153657823623e-02)))));
        double s2 = w * (-1.99999999998764832476e-01 + w * (-1.11111104054623557880e-01
            + w * (-7.69187620504482999495e-02 + w * (-5.83357013379057348645e-02
            + w * -3.65315727442169155270e-02))));
        if (id < 0)
            return x - x * (s1 + s2);
        z = AtanHi[id] - ((x * (s1 + s2) - AtanLo[id]) - x);
        return hx < 0 ? -z : z;
    }

    public static double Atan2(double y, double x)
    {
        const double PiOver4 = 7.8539816339744827900E-01;
        const double PiOver2 = 1.5707963267948965580E+00;
        const double PiLo = 1.2246467991473531772E-16;
        const double Tiny = 1.0e-300;

        if (double.IsNaN(x) || double.IsNaN(y))
            return x + y;
        ulong xBits = BitConverter.DoubleToUInt64Bits(x);
        ulong yBits = BitConverter.DoubleToUInt64Bits(y);
        int hx = (int)(xBits >> 32);
        int hy = (int)(yBits >> 32);
        uint lx = (uint)xBits;
        uint ly = (uint)yBits;
        int ix = hx & 0x7FFFFFFF;
        int iy = hy & 0x7FFFFFFF;
        if (((hx - 0x3FF00000) | (int)lx) == 0)
            return Atan(y);
        int m = ((hy >> 31) & 1) | ((hx >> 30) & 2);

        if ((iy | (int)ly) == 0)
        {
            return m switch
            {
                0 or 1 => y,
                2 => Pi + Tiny,
                _ => -Pi - Tiny,
            };
        }
        if ((ix | (int)lx) == 0)
            return hy < 0 ? -PiOver2 - Tiny : PiOver2 + Tiny;

        if (ix == 0x7FF00000)
        {
            if (iy == 0x7FF00000)
            {
                return m switch
                {
                    0 => PiOver4 + Tiny,
                    1 => -PiOver4 - Tiny,
                    2 => 3.0 * PiOver4 + Tiny,
                    _ => -3.0 * PiOver4 - Tiny,
                };
            }
            return m switch
            {
                0 => 0.0,
                1 => -0.0,
                2 => Pi + Tiny,
                _ => -Pi - Tiny,
            };
        }
        if (iy == 0x7FF00000)
            return hy < 0 ? -PiOver2 - Tiny : PiOver2 + Tiny;

        int k = (iy - ix) >> 20;
        double z;
        if (k > 60)
        {
            z = PiOver2 + 0.5 * PiLo;
            m &= 1;
        }
        else if (hx < 0 && k < -60)
        {
            z = 0.0;
        }
        else
        {
            z = Atan(Math.Abs(y / x));
        }
        return m switch
        {
            0 => z,
            1 => -z,
            2 => Pi - (z - PiLo),
            _ => (z - PiLo) - Pi,
        };
    }

    /// <summary>sin(x + y) for |x| ≤ π/4, where y is the tail of x (ignored unless hasTail).</summary>
    private static double KernelSin(double x, double y, bool hasTail)
    {
        const double S1 = -1.66666666666666324348e-01;
        const double S2 = 8.33333333332248946124e-03;
        const double S3 = -1.98412698298579493134e-04;
        const double S4 = 2.75573137070700676789e-06;
        const double S5 = -2.50507602534068634195e-08;
        const double S6 = 1.58969099521155010221e-10;

        int ix = HighWord(x) & 0x7FFFFFFF;
        if (ix < 0x3E400000)
            return x;
        double z = x * x;
        double v = z * x;
        double r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
        if (!hasTail)
            return x + v * (S1 + z * r);
        return x - ((z * (0.5 * y - v * r) - y) - v * S1);
    }

    /// <summary>cos(x + y) for |x| ≤ π/4, where y is the tail of x.</summary>
    private static double KernelCos(double x, double y)
    {
        const double C1 = 4.16666666666666019037e-02;
        const double C2 = -1.38888888888741095749e-03;
        const double C3 = 2.48015872894767294178e-05;
        const double C4 = -2.75573143513906633035e-07;
        const double C5 = 2.08757232129817482790e-09;
        const double C6 = -1.13596475577881948265e-11;

        int ix = HighWord(x) & 0x7FFFFFFF;
        if (ix < 0x3E400000)
            return 1.0;
        double z = x * x;
        double r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
        if (ix < 0x3FD33333)
            return 1.0 - (0.5 * z - (z * r - x * y));
        double qx = ix > 0x3FE90000 ? 0.28125 : FromWords(ix - 0x00200000, 0);
        double iz = 0.5 * z - qx;
        double a = 1.0 - qx;
        return a - (iz - (z * r - x * y));
    }

    private static ReadOnlySpan<double> TanCoefficients =>
    [
        3.33333333333334091986e-01, 1.33333333333201242699e-01, 5.39682539762260521377e-02,
        2.18694882948595424599e-02, 8.86323982359930005737e-03, 3.59207910759131235356e-03,
        1.45620945432529025516e-03, 5.88041240820264096874e-04, 2.46463134818469906812e-04,
        7.81794442939557092300e-05, 7.14072491382608190305e-05, -1.85586374855275456654e-05,
        2.59073051863633712884e-05,
    ];

    /// <summary>tan(x + y) when sign is 1, -1/tan(x + y) when sign is -1, for |x| ≤ π/4.</summary>
    private static double KernelTan(double x, double y, int sign)
    {
        const double PiOver4Lo = 3.06161699786838301793e-17;
        var T = TanCoefficients;

        int hx = HighWord(x);
        int ix = hx & 0x7FFFFFFF;
        double z, r, v, w, s;
        if (ix < 0x3E300000)
        {
            if (((ix | (int)LowWord(x)) | (sign + 1)) == 0)
                return 1.0 / Math.Abs(x);
            if (sign == 1)
                return x;
            w = x + y;
            z = ClearLowWord(w);
            v = y - (z - x);
            double a0 = -1.0 / w;
            double t0 = ClearLowWord(a0);
            s = 1.0 + t0 * z;
            return t0 + a0 * (s + t0 * v);
        }
        bool large = ix >= 0x3FE59428;
        if (large)
        {
            if (hx < 0)
            {
                x = -x;
                y = -y;
            }
            z = PiOver4Hi - x;
            w = PiOver4Lo - y;
            x = z + w;
            y = 0.0;
        }
        z = x * x;
        w = z * z;
        r = T[1] + w * (T[3] + w * (T[5] + w * (T[7] + w * (T[9] + w * T[11]))));
        v = z * (T[2] + w * (T[4] + w * (T[6] + w * (T[8] + w * (T[10] + w * T[12])))));
        s = z * x;
        r = y + z * (s * (r + v) + y);
        r += T[0] * s;
        w = x + r;
        if (large)
        {
            v = sign;
            return (1 - ((hx >> 30) & 2)) * (v - 2.0 * (x - (w * w / (w + v) - r)));
        }
        if (sign == 1)
            return w;
        z = ClearLowWord(w);
        v = r - (z - x);
        double a = -1.0 / w;
        double t = ClearLowWord(a);
        s = 1.0 + t * z;
        return t + a * (s + t * v);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int HighWord(double x) => (int)(BitConverter.DoubleToUInt64Bits(x) >> 32);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint LowWord(double x) => (uint)BitConverter.DoubleToUInt64Bits(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double ClearLowWord(double x) =>
        BitConverter.UInt64BitsToDouble(BitConverter.DoubleToUInt64Bits(x) & 0xFFFFFFFF00000000UL);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double FromWords(int high, uint low) =>
        BitConverter.UInt64BitsToDouble(((ulong)(uint)high << 32) | low);
}
